import {readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {cli, cliFails, cliPasses} from '../helpers/cli-assert.js';
import {tempDbPath, tempDir} from '../helpers/temp.js';

function setup(): {db: string; config: string} {
	return {db: tempDbPath(), config: path.join(tempDir(), 'config.json')};
}

test('config set writes the file; get prints the bare value; list says where each came from', t => {
	const {db, config} = setup();
	cliPasses(t, db, ['--config', config, 'config', 'set', 'jobs', '4']);
	cliPasses(t, db, ['--config', config, 'config', 'set', 'formats', 'lv2,vst3']);
	cliPasses(t, db, ['--config', config, 'config', 'set', 'paths.lv2', '/opt/lv2', '/srv/lv2']);
	t.deepEqual(JSON.parse(readFileSync(config, 'utf8')), {jobs: 4, formats: ['lv2', 'vst3'], paths: {lv2: ['/opt/lv2', '/srv/lv2']}});
	t.is(cliPasses(t, db, ['--config', config, 'config', 'get', 'jobs']).stdout, '4\n');
	t.is(cliPasses(t, db, ['--config', config, 'config', 'get', 'formats']).stdout, 'lv2,vst3\n');
	t.is(cliPasses(t, db, ['--config', config, 'config', 'get', 'paths.lv2', '--json']).stdout, '["/opt/lv2","/srv/lv2"]\n');
	t.is(cliPasses(t, db, ['--config', config, 'config', 'get', 'scanTimeout']).stdout, '30\n');
	const list = JSON.parse(cliPasses(t, db, ['--config', config, 'config', 'list', '--json']).stdout) as Record<string, {value: unknown; source: string}>;
	t.deepEqual(list['jobs'], {value: 4, source: 'file'});
	t.deepEqual(list['scanTimeout'], {value: 30, source: 'default'});
	t.is(cliPasses(t, db, ['--config', config, 'config', 'path']).stdout, `${config}\n`);
	cliPasses(t, db, ['--config', config, 'config', 'unset', 'jobs']);
	cliPasses(t, db, ['--config', config, 'config', 'unset', 'paths.lv2']);
	t.deepEqual(JSON.parse(readFileSync(config, 'utf8')), {formats: ['lv2', 'vst3'], paths: {}});
});

test('precedence through the CLI: file < PLUGINARY_* < flag', t => {
	const {db, config} = setup();
	writeFileSync(config, JSON.stringify({jobs: 2}));
	t.is(cliPasses(t, db, ['--config', config, 'config', 'get', 'jobs']).stdout, '2\n');
	t.is(cliPasses(t, db, ['--config', config, 'config', 'get', 'jobs'], {PLUGINARY_JOBS: '6'}).stdout, '6\n');
	t.is(cliPasses(t, db, ['--config', config, 'config', 'get', 'jobs', '--jobs', '9'], {PLUGINARY_JOBS: '6'}).stdout, '9\n');
	t.regex(cliPasses(t, db, ['--config', config, 'config', 'list'], {PLUGINARY_JOBS: '6'}).stdout, /^jobs +6 +\(env PLUGINARY_JOBS\)$/m);
	t.is(cliPasses(t, db, ['config', 'path'], {PLUGINARY_CONFIG: config}).stdout, `${config}\n`);
});

test('config errors: unknown key, bad value, bad file, bad env — one line and the right exit code', t => {
	const {db, config} = setup();
	cliFails(t, db, ['--config', config, 'config', 'set', 'jbos', '2'], 2, /Unknown setting 'jbos' \(did you mean 'jobs'\?\)/);
	cliFails(t, db, ['--config', config, 'config', 'set', 'jobs', 'many'], 2, /'jobs' must be a whole number from 1 to 1024, not "many"\./);
	cliFails(t, db, ['--config', config, 'config', 'set', 'jobs', '1', '2'], 2, /'jobs' takes one value, not 2\./);
	cliFails(t, db, ['--config', config, 'config', 'set', 'paths.dssi', '/x'], 2, /Unknown format 'dssi' in 'paths\.dssi'/);
	cliFails(t, db, ['--config', config, 'config', 'get'], 2, /Usage: pluginary config get KEY/);
	cliFails(t, db, ['--config', config, 'config', 'nope'], 2, /Unknown config action 'nope'/);
	cliFails(t, db, ['--config', config, 'config', 'get', 'jobs'], 1, /PLUGINARY_JOBS="0" is not allowed/, {PLUGINARY_JOBS: '0'});
	writeFileSync(config, '{"jobs": 2, "colour": "never"}');
	cliFails(t, db, ['--config', config, 'config', 'list'], 1, /has an unknown key 'colour' \(did you mean 'color'\?\)/);
	cliPasses(t, db, ['--config', config, 'config', 'unset', 'colour']);
	t.is(cliPasses(t, db, ['--config', config, 'config', 'get', 'jobs']).stdout, '2\n');
	writeFileSync(config, '{"jobs": ');
	cliFails(t, db, ['--config', config, 'config', 'get', 'jobs'], 1, /is not valid JSON/);
	cliFails(t, db, ['--config', config, 'config', 'set', 'jobs', '2'], 1, /is not valid JSON/);
});

test('config set warns when an environment variable overrides the key', t => {
	const {db, config} = setup();
	const run = cli(db, ['--config', config, 'config', 'set', 'jobs', '3'], {PLUGINARY_JOBS: '8'});
	t.is(run.status, 0);
	t.regex(run.stderr, /PLUGINARY_JOBS is set and overrides this setting/);
});
