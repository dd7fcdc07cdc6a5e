/* The host's `check` method: each fixture that misbehaves while processing is judged right, per format. */
import {existsSync} from 'node:fs';
import path from 'node:path';
import test, {type ExecutionContext} from 'ava';
import type {Format} from '../../source/catalog/plugin.js';
import {HostCrashedError, HostProbeError} from '../../source/host/errors.js';
import {HOST_ERROR_CODES, type CheckResult} from '../../source/host/protocol.js';
import {FIXTURES_BUILD_DIR, GOOD_FIXTURES} from '../fixtures/plugins/expected.js';
import {startHost} from './host-helpers.js';

const build = path.resolve('test/fixtures/build');
const built = existsSync(path.join(build, 'health/ladspa/health_ok.so')) ? test : test.skip;

/** The behaviours of the health fixtures (test/fixtures/plugins/health) that still answer. */
const judged = ['ok', 'nan', 'silent', 'denormals', 'slow', 'latency'] as const;
type Judged = (typeof judged)[number];
type Kind = Judged | 'crash' | 'hang';

/** What `check` must say about each behaviour (latency only where the fixture reports one). */
const expected: Record<Judged, Pick<CheckResult, 'health' | 'warnings'> & {latency?: number}> = {
	ok: {health: 'ok', warnings: []},
	nan: {health: 'nan', warnings: []},
	silent: {health: 'ok', warnings: ['silent']},
	denormals: {health: 'ok', warnings: ['denormals']},
	slow: {health: 'ok', warnings: ['heavy']},
	latency: {health: 'ok', warnings: [], latency: 256},
};

type Target = {format: Format; path: string; uid: string};

const kinds: Kind[] = [...judged, 'crash', 'hang'];

/** The DPF build's class UID: the words 'DPF ', 'clas', the unique id ('PHl' + index digit) and 0, in memory order. */
function dpfClassUid(kind: Kind): string {
	const digit = (0x30 + kinds.indexOf(kind)).toString(16).toUpperCase();
	return `2046504473616C63${digit}6C485000000000`;
}

/** Where the health fixture of `kind` is in `format`, and its uid. LADSPA is plain C; the rest one DPF source. */
function healthFixture(format: Format, kind: Kind): Target {
	const name = `PluginaryHealth${kind[0]!.toUpperCase()}${kind.slice(1)}`;
	const directory = path.join(build, 'health', format === 'vst2' ? 'vst' : format);
	switch (format) {
		case 'ladspa': {
			const file = `health_${kind}.so`;
			return {format, path: path.join(directory, file), uid: `${file}/health_${kind}`};
		}

		case 'lv2': {
			return {format, path: path.join(directory, `${name}.lv2`), uid: `urn:pluginary:fixtures:health-${kind}`};
		}

		case 'vst2': {
			return {format, path: path.join(directory, `${name}.so`), uid: `${name}.so`};
		}

		case 'vst3': {
			return {format, path: path.join(directory, `${name}.vst3`), uid: dpfClassUid(kind)};
		}

		default: {
			return {format, path: path.join(directory, `${name}.clap`), uid: `org.pluginary.fixtures.health-${kind}`};
		}
	}
}

function checkJudgement(t: ExecutionContext, target: Target, kind: Judged, result: CheckResult): void {
	const want = expected[kind];
	const label = `${target.format} ${kind}`;
	t.is(result.health, want.health, label);
	t.deepEqual(result.warnings, want.warnings, label);
	t.is(typeof result.cpuPercent, 'number', label);
	if (want.latency === undefined) {
		t.true(result.latencySamples === null || result.latencySamples === 0, label);
	} else {
		t.is(result.latencySamples, want.latency, label);
	}
}

const healthFormats: Format[] = ['ladspa', 'lv2', 'vst2', 'vst3', 'clap'];

for (const format of healthFormats) {
	built(`${format}: every behaviour judged right, all in one host`, async t => {
		const host = startHost(t);
		for (const kind of judged) {
			const target = healthFixture(format, kind);
			checkJudgement(t, target, kind, await host.check(target));
		}
	});

	built(`${format}: a plugin that crashes in its process call takes the host down with SIGSEGV`, async t => {
		const host = startHost(t);
		const error = await t.throwsAsync(host.check(healthFixture(format, 'crash')), {instanceOf: HostCrashedError});
		t.is(error?.signal, 'SIGSEGV');
	});

	built(`${format}: a plugin that hangs in its process call never answers`, async t => {
		const host = startHost(t);
		const answer = host.check(healthFixture(format, 'hang')).then(() => 'answered', () => 'failed');
		const outcome = await Promise.race([answer, new Promise(resolve => {
			setTimeout(resolve, 3000, 'hung');
		})]);
		t.is(outcome, 'hung');
		host.kill();
	});
}

built('a uid that is not in the file is a JSON-RPC error, and the host goes on', async t => {
	const host = startHost(t);
	const target = healthFixture('ladspa', 'ok');
	const error = await t.throwsAsync(host.check({...target, uid: 'health_ok.so/nope'}), {instanceOf: HostProbeError});
	t.is(error?.code, HOST_ERROR_CODES.unknownPlugin);
	t.is((await host.check(target)).health, 'ok');
});

built('bad parameters are JSON-RPC errors', async t => {
	const host = startHost(t);
	const target = healthFixture('ladspa', 'ok');
	for (const bad of [{...target, uid: ''}, {...target, seconds: 0}, {...target, blockSize: 1.5}, {format: 'ladspa', path: target.path}]) {
		const error = await t.throwsAsync(host.request('check', bad), {instanceOf: HostProbeError});
		t.is(error?.code, HOST_ERROR_CODES.invalidParams, JSON.stringify(bad));
	}

	const missing = await t.throwsAsync(host.check({...target, path: '/nonexistent.so'}), {instanceOf: HostProbeError});
	t.is(missing?.code, HOST_ERROR_CODES.fileNotFound);
});

built('the well-behaved fixtures are ok in all five formats, checked one after another in one host', async t => {
	const host = startHost(t);
	const formats = new Set<Format>();
	for (const fixture of GOOD_FIXTURES) {
		const {format, uid} = fixture.plugin;
		const result = await host.check({format, path: path.join(FIXTURES_BUILD_DIR, fixture.path), uid});
		t.like(result, {health: 'ok', warnings: []}, fixture.id);
		t.true(result.latencySamples === null || result.latencySamples === 0, fixture.id);
		t.true(result.cpuPercent !== null && result.cpuPercent < 50, fixture.id);
		formats.add(format);
	}

	t.deepEqual([...formats].sort(), ['clap', 'ladspa', 'lv2', 'vst2', 'vst3']);
});

const zamaximx2: Target[] = [
	{format: 'ladspa', path: '/usr/lib/ladspa/ZaMaximX2-ladspa.so', uid: 'ZaMaximX2-ladspa.so/ZaMaximX2'},
	{format: 'lv2', path: '/usr/lib/lv2/ZaMaximX2.lv2', uid: 'urn:zamaudio:ZaMaximX2'},
	{format: 'vst2', path: '/usr/lib/vst/ZaMaximX2-vst.so', uid: 'ZaMaximX2-vst.so'},
	{format: 'vst3', path: '/usr/lib/vst3/ZaMaximX2.vst3', uid: '2046504473616C6332584D5A00000000'},
	{format: 'clap', path: '/usr/lib/clap/ZaMaximX2.clap', uid: 'com.zamaudio.ZaMaximX2'},
];
const withZam = zamaximx2.every(target => existsSync(target.path)) ? test : test.skip;

withZam('Debian ZaMaximX2 reports its 480-sample lookahead in all five formats (LADSPA through DPF\'s "_latency" port)', async t => {
	const host = startHost(t, {LV2_PATH: '/usr/lib/lv2'});
	for (const target of zamaximx2) {
		t.like(await host.check(target), {health: 'ok', warnings: [], latencySamples: 480}, target.format);
	}
});
