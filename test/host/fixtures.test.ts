/* The project's own fixture plugins through the real host, compared field by field with expected.ts. */
import path from 'node:path';
import {setTimeout as delay} from 'node:timers/promises';
import test from 'ava';
import type {ProbedPlugin} from '../../source/catalog/plugin.js';
import {HostClient} from '../../source/host/client.js';
import {HostCrashedError, HostProbeError} from '../../source/host/errors.js';
import {isNotAPlugin} from '../../source/scan/pool.js';
import {
	FIXTURES_BUILD_DIR,
	GOOD_FIXTURES,
	GOOD_PLUGIN_COUNTS,
	HOSTILE_FIXTURES,
	ODD_PATH_LADSPA,
	TEST_GAIN,
	TEST_SYNTH,
	type ExpectedPlugin,
	type HostileFixture,
} from '../fixtures/plugins/expected.js';
import {differences} from './fixture-compare.js';

const fixture = (relative: string) => path.join(FIXTURES_BUILD_DIR, relative);
/** The fixture folders plus the Debian spec bundles (lv2core gives the plugin classes). */
const env = {...process.env, LV2_PATH: [fixture('good/lv2'), fixture('hostile/lv2'), '/usr/lib/lv2'].join(':')};
/** How long a hung plugin gets before the test kills its host. */
const hangMs = 2000;

const goodFixtures: ExpectedPlugin[] = [...GOOD_FIXTURES, ODD_PATH_LADSPA];

/** Every good file or bundle probed once, in one host (one request at a time); keyed by fixture path. */
const goodResults = (async () => {
	const host = new HostClient({env});
	const results = new Map<string, ProbedPlugin[] | Error>();
	try {
		for (const {path: relative, plugin} of goodFixtures) {
			if (!results.has(relative)) {
				results.set(relative, await host.probe({format: plugin.format, path: fixture(relative)}).catch((error: unknown) => error as Error));
			}
		}
	} finally {
		host.kill();
	}

	return results;
})();

for (const expected of goodFixtures) {
	test(`${expected.id} (${expected.path}): every field as expected.ts says`, async t => {
		const result = (await goodResults).get(expected.path);
		if (result instanceof Error) {
			t.fail(`probe failed: ${result.message}`);
			return;
		}

		t.is(result?.length, GOOD_PLUGIN_COUNTS[expected.path], 'plugins in the file or bundle');
		const actual = result?.find(plugin => plugin.uid === expected.plugin.uid);
		if (!actual) {
			t.fail(`no plugin ${expected.plugin.uid} among ${result?.map(plugin => plugin.uid).join(', ')}`);
			return;
		}

		t.is(`${actual.format}:${actual.uid}`, expected.id);
		const {warnings, ...fields} = actual;
		t.deepEqual(differences(fields, expected.plugin), [], `warnings: ${JSON.stringify(warnings ?? [])}`);
	});
}

type HostileOutcome = {plugins?: ProbedPlugin[]; error?: Error; hung?: boolean; stderr: string};

/** Probes one hostile fixture in `host`; a hang is cut off after hangMs by killing the host. */
async function probeHostile(host: HostClient, hostile: HostileFixture): Promise<HostileOutcome> {
	const reply = host.probe({format: hostile.format, path: fixture(hostile.path), instantiate: hostile.instantiate});
	reply.catch(() => undefined);
	const outcome = await Promise.race([
		reply.then(plugins => ({plugins}), (error: unknown) => ({error: error as Error})),
		delay(hangMs).then(() => ({hung: true})),
	]);
	if ('hung' in outcome) {
		host.kill();
		const error = await reply.then(() => undefined, (error_: unknown) => error_ as Error);
		return {hung: true, error, stderr: host.stderr};
	}

	return {...outcome, stderr: host.stderr};
}

/** Every hostile fixture in order, in one host that is replaced whenever a fixture ends it. */
const hostileResults = (async () => {
	const outcomes: HostileOutcome[] = [];
	let host = new HostClient({env});
	try {
		for (const hostile of HOSTILE_FIXTURES) {
			const outcome = await probeHostile(host, hostile);
			outcomes.push(outcome);
			if (outcome.hung || outcome.error instanceof HostCrashedError) {
				host.kill();
				host = new HostClient({env});
			}
		}
	} finally {
		host.kill();
	}

	return outcomes;
})();

for (const [index, hostile] of HOSTILE_FIXTURES.entries()) {
	const label = `${hostile.path}${hostile.instantiate ? ' (instantiate)' : ''}`;
	test(`hostile ${label}: ${hostile.status}`, async t => {
		const outcome = (await hostileResults)[index]!;
		const detail = `${outcome.error?.message ?? ''}\n${outcome.stderr.slice(-500)}`;
		switch (hostile.status) {
			case 'crashed': {
				t.true(outcome.error instanceof HostCrashedError, detail);
				t.regex(outcome.error?.message ?? '', hostile.error!);
				const crash = outcome.error as HostCrashedError;
				t.true(crash.signal === null ? crash.code === 0 : /^SIG(SEGV|ABRT)$/.test(crash.signal), 'the signal or exit code is kept');
				break;
			}

			case 'timeout': {
				t.true(outcome.hung, `no reply within ${hangMs} ms; got ${detail}`);
				t.true(outcome.error instanceof HostCrashedError && outcome.error.signal === 'SIGKILL', 'kill() ends the hung host');
				break;
			}

			case 'failed':
			case 'skipped': {
				t.true(outcome.error instanceof HostProbeError, detail);
				t.regex(outcome.error?.message ?? '', hostile.error!);
				t.is(isNotAPlugin(outcome.error as HostProbeError), hostile.status === 'skipped', 'only a missing entry point is "not a plugin"');
				break;
			}

			default: {
				t.is(outcome.error, undefined, detail);
				t.is(outcome.plugins?.length, 1);
				const actual = outcome.plugins![0]!;
				const {parameterCount, parameters, ...fields} = hostile.plugin!;
				const picked = Object.fromEntries(Object.keys(fields).map(key => [key, actual[key as keyof ProbedPlugin]]));
				t.deepEqual(differences(picked, fields), []);
				if (parameterCount === undefined) {
					t.deepEqual(differences(actual.parameters, parameters), []);
				} else {
					// Only the first and the last are listed.
					t.is(actual.parameters.length, parameterCount);
					t.deepEqual(differences([actual.parameters[0], actual.parameters.at(-1)], parameters), []);
				}
			}
		}
	});
}

test('LV2 with only the fixture folders on LV2_PATH (no spec bundles): no crash; classes as written, with a warning', async t => {
	const host = new HostClient({env: {...process.env, LV2_PATH: [fixture('good/lv2'), fixture('hostile/lv2')].join(':')}});
	t.teardown(() => {
		host.kill();
	});
	const bundles = [TEST_GAIN.lv2, TEST_SYNTH.lv2];
	for (let round = 0; round < 3; round++) {
		for (const instantiate of [false, true]) {
			for (const expected of round % 2 ? [...bundles].reverse() : bundles) {
				const [plugin] = await host.probe({format: 'lv2', path: fixture(expected.path), instantiate});
				t.is(plugin?.rawCategory, expected.plugin.rawCategory);
				t.is(plugin?.isInstrument, expected.plugin.isInstrument);
				t.deepEqual(plugin?.parameters.map(parameter => parameter.units), expected.plugin.parameters.map(parameter => parameter.units), 'units of the LV2 units namespace need no spec');
				t.deepEqual(plugin?.presets, expected.plugin.presets);
				t.regex(plugin?.warnings?.join('\n') ?? '', /core\.lv2.*LV2_PATH/);
			}

			await t.throwsAsync(host.probe({format: 'lv2', path: fixture('hostile/lv2/broken_ttl.lv2'), instantiate}), {instanceOf: HostProbeError});
		}
	}

	const [crashy] = await host.probe({format: 'lv2', path: fixture('hostile/lv2/crash_instantiate.lv2')});
	t.is(crashy?.rawCategory, 'lv2:AmplifierPlugin');
	t.is(await host.request('ping', {}), 'pong', 'the host is still alive');
});
