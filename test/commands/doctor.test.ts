import {writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {cli} from '../helpers/cli-assert.js';
import {fakeHost} from '../helpers/fake-host.js';
import {writeRandomBytes} from '../helpers/corrupt-db.js';
import {tempDbPath, tempDir} from '../helpers/temp.js';

type Check = {level: string; name: string; detail: string};

const allFormats = [
	{format: 'lv2', available: true}, {format: 'ladspa', available: true}, {format: 'vst2', available: true},
	{format: 'vst3', available: true}, {format: 'clap', available: false, reason: 'built without CLAP headers'},
	{format: 'au', available: false, reason: 'Audio Units exist only on macOS'},
];

function doctor(env: NodeJS.ProcessEnv, db = tempDbPath(), args: string[] = []): {checks: Check[]; status: number | null; stdout: string} {
	const home = tempDir();
	const run = cli(db, ['doctor', '--json', ...args], {HOME: home, LV2_PATH: '', LADSPA_PATH: '', VST_PATH: '', VST3_PATH: '', CLAP_PATH: '', PLUGINARY_CONFIG: path.join(home, 'config.json'), ...env});
	return {checks: JSON.parse(run.stdout) as Check[], status: run.status, stdout: run.stdout};
}

const byName = (checks: Check[], name: string): Check => checks.find(check => check.name === name)!;

test('doctor with a host that answers: ok lines, formats with reasons, AU not applicable on Linux, exit 0', t => {
	const lv2 = tempDir();
	const {checks, status} = doctor({PLUGINARY_HOST: fakeHost(allFormats), LV2_PATH: lv2});
	t.like(byName(checks, 'host'), {level: 'ok'});
	t.regex(byName(checks, 'host').detail, /version 9\.9\.9\) answers initialize/);
	t.like(byName(checks, 'node'), {level: 'ok'});
	t.like(byName(checks, 'format lv2'), {level: 'ok', detail: 'available'});
	t.like(byName(checks, 'format clap'), {level: 'warn', detail: 'not available: built without CLAP headers'});
	if (process.platform === 'linux') {
		t.like(byName(checks, 'format au'), {level: 'n/a'});
	}

	t.like(byName(checks, 'folders lv2'), {level: 'ok', detail: `${lv2} ok`});
	t.like(byName(checks, 'database'), {level: 'ok'});
	t.like(byName(checks, 'config'), {level: 'ok'});
	t.is(status, 0);
});

test('doctor reports folders that are missing or unreadable, and formats disabled in config', t => {
	const dir = tempDir();
	const missing = path.join(dir, 'missing');
	const file = path.join(dir, 'file');
	writeFileSync(file, '');
	const config = path.join(dir, 'config.json');
	writeFileSync(config, JSON.stringify({formats: ['lv2', 'ladspa', 'vst2', 'vst3'], paths: {lv2: [missing]}}));
	const {checks, status} = doctor({PLUGINARY_HOST: fakeHost(allFormats), LV2_PATH: dir, VST3_PATH: file, PLUGINARY_CONFIG: config});
	t.like(byName(checks, 'folders lv2'), {level: 'warn', detail: `${dir} ok; ${missing} missing`});
	t.like(byName(checks, 'folders vst3'), {level: 'warn', detail: `${file} not a folder`});
	t.like(byName(checks, 'format clap'), {level: 'n/a', detail: 'disabled by the config key formats'});
	t.is(status, 0, 'warnings are not failures');
});

test('doctor fails (exit 1) for a missing host, a host that does not answer, a broken database or config', t => {
	const missing = doctor({PLUGINARY_HOST: path.join(tempDir(), 'no-host')});
	t.like(byName(missing.checks, 'host'), {level: 'fail'});
	t.regex(byName(missing.checks, 'host').detail, /is missing/);
	t.is(missing.status, 1);

	const hanging = doctor({PLUGINARY_HOST: fakeHost(allFormats, 'hang')});
	t.regex(byName(hanging.checks, 'host').detail, /does not answer initialize: no answer to initialize within 5 s/);
	t.is(hanging.status, 1);

	const db = tempDbPath();
	writeRandomBytes(db);
	const config = path.join(tempDir(), 'config.json');
	writeFileSync(config, '{"jobs": -1}');
	const broken = doctor({PLUGINARY_HOST: fakeHost(allFormats), PLUGINARY_CONFIG: config}, db);
	t.like(byName(broken.checks, 'database'), {level: 'fail'});
	t.like(byName(broken.checks, 'config'), {level: 'fail'});
	t.regex(byName(broken.checks, 'config').detail, /sets 'jobs' to -1/);
	t.is(broken.status, 1);
});

test('doctor prints one line per check without --json', t => {
	const run = cli(tempDbPath(), ['doctor'], {PLUGINARY_HOST: fakeHost(allFormats), HOME: tempDir()});
	t.regex(run.stdout, /^ok {3}node {11}Node \d+/m);
	t.regex(run.stdout, /^ok {3}host {11}/m);
	t.regex(run.stdout, /^(ok |warn|n\/a ) ? ?format au/m);
});
