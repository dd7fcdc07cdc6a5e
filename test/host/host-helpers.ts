/* Shared helpers for the host tests (not a test file: ava only runs *.test.ts). */
import {execFile} from 'node:child_process';
import {mkdtemp, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import type {ExecutionContext} from 'ava';
import {HostClient} from '../../source/host/client.js';

const exec = promisify(execFile);

/** Starts a host for one test and kills it when the test ends. */
export function startHost(t: ExecutionContext, env?: NodeJS.ProcessEnv): HostClient {
	const host = new HostClient(env ? {env: {...process.env, ...env}} : {});
	t.teardown(() => {
		host.kill();
	});
	return host;
}

/** Stdout of a command (stderr ignored); rejects when it cannot run. */
export async function run(command: string, args: string[], env?: NodeJS.ProcessEnv): Promise<string> {
	const {stdout} = await exec(command, args, {maxBuffer: 64 * 1024 * 1024, env: {...process.env, ...env}});
	return stdout;
}

/** A fresh temporary directory. */
export async function temporaryDirectory(): Promise<string> {
	return mkdtemp(path.join(tmpdir(), 'pluginary-host-test-'));
}

/**
 * Compiles a one-plugin LADSPA library from C. `onDescriptor` is C run at the top of
 * `ladspa_descriptor` (to misbehave); `name` is the plugin name as a C string literal body.
 */
export async function compileLadspa(options: {onDescriptor?: string; name?: string; extra?: string; file?: string}): Promise<string> {
	const directory = await temporaryDirectory();
	const source = path.join(directory, 'plugin.c');
	const library = path.join(directory, options.file ?? 'test_plugin.so');
	await writeFile(source, `
#include <ladspa.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
${options.extra ?? ''}
static const LADSPA_PortDescriptor ports[] = {
	LADSPA_PORT_INPUT | LADSPA_PORT_AUDIO, LADSPA_PORT_OUTPUT | LADSPA_PORT_AUDIO,
	LADSPA_PORT_INPUT | LADSPA_PORT_CONTROL,
};
static const char *const names[] = {"In", "Out", "Gain"};
static const LADSPA_PortRangeHint hints[] = {
	{0, 0, 0}, {0, 0, 0},
	{LADSPA_HINT_BOUNDED_BELOW | LADSPA_HINT_BOUNDED_ABOVE | LADSPA_HINT_DEFAULT_MIDDLE, -10.0f, 10.0f},
};
static LADSPA_Descriptor descriptor = {
	4242, "test_plugin", 0, "${options.name ?? 'Test Plugin'}", "pluginary tests", "None", 3,
	ports, names, hints, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
};
const LADSPA_Descriptor *ladspa_descriptor(unsigned long index) {
	${options.onDescriptor ?? ''}
	return index == 0 ? &descriptor : NULL;
}
`);
	await exec('cc', ['-shared', '-fPIC', '-O0', '-o', library, source]);
	return library;
}
