/**
 * The README's first command, run for real by bash with the programs it calls replaced by
 * recorders: as root without sudo (a container) and as a user with sudo.
 */
import {execFileSync} from 'node:child_process';
import {chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync, copyFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {tempDir} from '../helpers/temp.js';

const root = path.resolve(import.meta.dirname, '..', '..');

/** The first line of the README's first code block: the set-up command. */
function setupCommand(): string {
	const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
	const block = /```sh\n([^\n]+)\n/.exec(readme);
	if (!block) {
		throw new Error('README has no sh code block');
	}

	return block[1]!;
}

/** A folder laid out like the project with recording stand-ins for id, apt-get, npm, node and (optionally) sudo. */
function sandbox(uid: number, withSudo: boolean): {dir: string; log: string; env: NodeJS.ProcessEnv} {
	const dir = tempDir();
	const bin = path.join(dir, 'bin');
	const log = path.join(dir, 'calls.log');
	mkdirSync(path.join(dir, '.ci'), {recursive: true});
	mkdirSync(bin);
	copyFileSync(path.join(root, '.ci', 'apt-packages.txt'), path.join(dir, '.ci', 'apt-packages.txt'));
	const recorder = (name: string, body = '') => {
		writeFileSync(path.join(bin, name), `#!/bin/bash\necho "${name} $*" >> "${log}"\n${body}\n`);
		chmodSync(path.join(bin, name), 0o755);
	};

	recorder('id', `echo ${uid}`);
	recorder('apt-get');
	recorder('npm');
	recorder('node');
	if (withSudo) {
		recorder('sudo', '"$@"');
	}

	for (const tool of ['grep', 'bash', 'cat']) {
		symlinkSync(execFileSync('bash', ['-c', `command -v ${tool}`], {encoding: 'utf8'}).trim(), path.join(bin, tool));
	}

	return {dir, log, env: {PATH: bin, HOME: dir}};
}

function run(uid: number, withSudo: boolean): {calls: string[]; stderr: string} {
	const {dir, log, env} = sandbox(uid, withSudo);
	let stderr = '';
	try {
		execFileSync(path.join(dir, 'bin', 'bash'), ['-c', setupCommand()], {cwd: dir, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']});
	} catch (error) {
		stderr = String((error as {stderr?: string}).stderr ?? error);
	}

	let calls: string[] = [];
	try {
		calls = readFileSync(log, 'utf8').trim().split('\n');
	} catch {}

	return {calls, stderr};
}

test('as root in a container without sudo, the set-up command runs apt-get directly and goes on to npm and the explorer', t => {
	const {calls, stderr} = run(0, false);
	t.is(stderr, '');
	t.false(calls.some(call => call.startsWith('sudo')), calls.join('\n'));
	t.true(calls.includes('apt-get update'), calls.join('\n'));
	t.true(calls.some(call => call.startsWith('apt-get install -y') && call.includes('liblilv-dev')), calls.join('\n'));
	t.true(calls.includes('npm ci'));
	t.true(calls.includes('node dist/cli.js scan'));
	t.is(calls.at(-1), 'node dist/cli.js');
});

test('as a normal user, the set-up command runs apt-get through sudo', t => {
	const {calls, stderr} = run(1000, true);
	t.is(stderr, '');
	t.true(calls.includes('sudo apt-get update'), calls.join('\n'));
	t.true(calls.some(call => call.startsWith('sudo apt-get install -y')), calls.join('\n'));
	t.false(calls.some(call => call.startsWith('sudo npm') || call.startsWith('sudo node')), 'only apt-get needs root');
	t.is(calls.at(-1), 'node dist/cli.js');
});
