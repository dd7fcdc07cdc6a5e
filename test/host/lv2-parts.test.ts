/* probe `part: {index, count}`: one LV2 bundle split across hosts (PROTOCOL.md). */
import {execFile} from 'node:child_process';
import {mkdir, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {promisify} from 'node:util';
import {setTimeout as delay} from 'node:timers/promises';
import test from 'ava';
import type {ProbedPlugin} from '../../source/catalog/plugin.js';
import {HostProbeError} from '../../source/host/errors.js';
import {HOST_ERROR_CODES} from '../../source/host/protocol.js';
import {startHost, temporaryDirectory} from './host-helpers.js';

const exec = promisify(execFile);
const env = {LV2_PATH: '/usr/lib/lv2'};
const lsp = '/usr/lib/lv2/lsp-plugins.lv2';
const byUid = (plugins: ProbedPlugin[]) => [...plugins].sort((a, b) => (a.uid < b.uid ? -1 : (a.uid > b.uid ? 1 : 0)));

test('LSP\'s 134-plugin bundle in 2 and 3 parts: disjoint, URI order modulo count, union equal to the whole', async t => {
	const host = startHost(t, env);
	const whole = await host.probe({format: 'lv2', path: lsp});
	t.is(whole.length, 134);
	const uris = whole.map(plugin => plugin.uid).sort();
	t.deepEqual(whole.map(plugin => plugin.uid), uris, 'the whole bundle comes in URI order');
	for (const count of [2, 3]) {
		const parts: ProbedPlugin[][] = [];
		for (let index = 0; index < count; index++) {
			const part = await host.probe({format: 'lv2', path: lsp, part: {index, count}});
			t.deepEqual(part.map(plugin => plugin.uid), uris.filter((_uri, position) => position % count === index), `part ${index}/${count}`);
			parts.push(part);
		}

		const union = parts.flat();
		t.is(new Set(union.map(plugin => plugin.uid)).size, union.length, 'parts are disjoint');
		t.deepEqual(byUid(union), byUid(whole), `${count} parts together are the whole, field for field`);
	}
});

/** Two Turtle-only plugins; the data file of urn:pluginary:part-b is a FIFO, so reading it would block forever. */
async function bundleWithTrap(): Promise<string> {
	const bundle = path.join(await temporaryDirectory(), 'parts.lv2');
	await mkdir(bundle);
	const prefixes = '@prefix lv2: <http://lv2plug.in/ns/lv2core#> .\n@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n@prefix doap: <http://usefulinc.com/ns/doap#> .\n';
	await writeFile(path.join(bundle, 'manifest.ttl'), `${prefixes}
<urn:pluginary:part-a> a lv2:Plugin ; lv2:binary <a.so> ; rdfs:seeAlso <a.ttl> .
<urn:pluginary:part-b> a lv2:Plugin ; lv2:binary <b.so> ; rdfs:seeAlso <b.ttl> .
`);
	await writeFile(path.join(bundle, 'a.ttl'), `${prefixes}
<urn:pluginary:part-a> a lv2:Plugin, lv2:DelayPlugin ; doap:name "Part A" ;
	lv2:port [ a lv2:ControlPort, lv2:InputPort ; lv2:index 0 ; lv2:symbol "time" ; lv2:name "Time" ; lv2:minimum 0 ; lv2:maximum 1 ; lv2:default 0.5 ] .
`);
	await exec('mkfifo', [path.join(bundle, 'b.ttl')]);
	return bundle;
}

test('a part parses only its own plugins\' data files', async t => {
	const bundle = await bundleWithTrap();
	const host = startHost(t, env);
	const reply = host.probe({format: 'lv2', path: bundle, part: {index: 0, count: 2}});
	reply.catch(() => undefined);
	const result = await Promise.race([reply, delay(10_000).then(() => 'blocked' as const)]);
	t.not(result, 'blocked', 'the host opened the other plugin\'s data file');
	if (result !== 'blocked') {
		t.deepEqual(result.map(plugin => [plugin.uid, plugin.rawCategory, plugin.warnings]), [['urn:pluginary:part-a', 'lv2:DelayPlugin', undefined]]);
	}

	// The part probe unloaded its bundle again: the next probe starts clean.
	t.deepEqual((await host.probe({format: 'lv2', path: '/usr/lib/lv2/ZamDelay.lv2', part: {index: 0, count: 1}})).map(plugin => plugin.uid), ['urn:zamaudio:ZamDelay']);
});

test('more parts than plugins: the extra parts are empty, not errors', async t => {
	const host = startHost(t, env);
	const parts = [];
	for (let index = 0; index < 4; index++) {
		parts.push(await host.probe({format: 'lv2', path: '/usr/lib/lv2/ZamDelay.lv2', part: {index, count: 4}}));
	}

	t.deepEqual(parts.map(part => part.map(plugin => plugin.uid)), [['urn:zamaudio:ZamDelay'], [], [], []]);
	t.deepEqual(await host.probe({format: 'lv2', path: '/usr/lib/lv2/core.lv2', part: {index: 1, count: 2}}), [], 'a spec bundle is still valid and plugin-free');
});

test('invalid part parameters, and part for other formats, are invalid-params errors', async t => {
	const host = startHost(t, env);
	const bad: unknown[] = [{index: 2, count: 2}, {index: -1, count: 2}, {index: 0, count: 0}, {index: 0.5, count: 2}, {index: 0}, [0, 2], 'half'];
	for (const part of bad) {
		const error = await t.throwsAsync(host.request('probe', {format: 'lv2', path: '/usr/lib/lv2/ZamDelay.lv2', part}), {instanceOf: HostProbeError});
		t.is(error?.code, HOST_ERROR_CODES.invalidParams, JSON.stringify(part));
		t.regex(error?.message ?? '', /part/);
	}

	const error = await t.throwsAsync(host.probe({format: 'ladspa', path: '/usr/lib/ladspa/amp_1181.so', part: {index: 0, count: 2}}), {instanceOf: HostProbeError});
	t.is(error?.code, HOST_ERROR_CODES.invalidParams);
	t.regex(error?.message ?? '', /only supported for lv2/);
});
