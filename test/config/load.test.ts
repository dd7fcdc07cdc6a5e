import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {UserError} from '../../source/errors.js';
import {configPath, loadConfig} from '../../source/config/load.js';
import {CONFIG_KEYS, envName} from '../../source/config/schema.js';
import {tempDir} from '../helpers/temp.js';

function configFile(content: unknown): string {
	const file = path.join(tempDir(), 'config.json');
	writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
	return file;
}

test('defaults fill every key when there is no file, env or flag', t => {
	const loaded = loadConfig({configFlag: path.join(tempDir(), 'none.json'), env: {}});
	t.false(loaded.fileExists);
	t.like(loaded.values, {scanTimeout: 30, blacklistThreshold: 2, formatPreference: ['vst3', 'clap', 'lv2', 'vst2', 'ladspa', 'au'], color: 'auto', defaultSort: 'name', paths: {}});
	t.true(loaded.values.jobs >= 1);
	t.true(CONFIG_KEYS.every(key => loaded.sources[key] === 'default'));
});

test('precedence: file < environment < flag', t => {
	const file = configFile({jobs: 3, scanTimeout: 10, defaultSort: 'vendor', paths: {lv2: ['/opt/lv2']}});
	const fileOnly = loadConfig({configFlag: file, env: {}});
	t.like(fileOnly.values, {jobs: 3, scanTimeout: 10, defaultSort: 'vendor', paths: {lv2: ['/opt/lv2']}});
	t.like(fileOnly.sources, {jobs: 'file', scanTimeout: 'file', formats: 'default'});
	const env = {PLUGINARY_JOBS: '5', PLUGINARY_SCAN_TIMEOUT: '12.5', PLUGINARY_FORMATS: 'lv2,vst3', PLUGINARY_PATHS: '{"clap": ["/c"]}'};
	const withEnv = loadConfig({configFlag: file, env});
	t.like(withEnv.values, {jobs: 5, scanTimeout: 12.5, formats: ['lv2', 'vst3'], paths: {clap: ['/c']}, defaultSort: 'vendor'});
	t.like(withEnv.sources, {jobs: 'env', scanTimeout: 'env', formats: 'env', defaultSort: 'file'});
	const withFlags = loadConfig({configFlag: file, env, flags: {jobs: '7', timeout: '2', format: ['LADSPA'], sort: 'params', color: false}});
	t.like(withFlags.values, {jobs: 7, scanTimeout: 2, formats: ['ladspa'], defaultSort: 'params', color: 'never'});
	t.like(withFlags.sources, {jobs: 'flag', scanTimeout: 'flag', formats: 'flag', defaultSort: 'flag', color: 'flag', paths: 'env'});
});

test('the config path: --config, then PLUGINARY_CONFIG, then the user config folder', t => {
	t.is(configPath('/a/b.json', {PLUGINARY_CONFIG: '/c/d.json'}), '/a/b.json');
	t.is(configPath(undefined, {PLUGINARY_CONFIG: '/c/d.json'}), '/c/d.json');
	t.regex(configPath(undefined, {}), /pluginary[/\\]config\.json$/);
	t.is(envName('scanTimeout'), 'PLUGINARY_SCAN_TIMEOUT');
	t.is(envName('formatPreference'), 'PLUGINARY_FORMAT_PREFERENCE');
});

test('PLUGINARY_DB, PLUGINARY_CONFIG, PLUGINARY_HOST and unknown PLUGINARY_* variables are ignored', t => {
	const loaded = loadConfig({configFlag: path.join(tempDir(), 'none.json'), env: {PLUGINARY_DB: '/x.db', PLUGINARY_HOST: '/h', PLUGINARY_WHATEVER: 'y', PLUGINARY_JOBS: ''}});
	t.true(CONFIG_KEYS.every(key => loaded.sources[key] === 'default'));
});

const fileErrors: Array<[string, unknown, RegExp]> = [
	['an unknown key', {jbos: 2}, /has an unknown key 'jbos' \(did you mean 'jobs'\?\); known keys: jobs, scanTimeout/],
	['jobs 0', {jobs: 0}, /sets 'jobs' to 0, but it must be a whole number from 1 to 1024\./],
	['jobs as text', {jobs: 'many'}, /sets 'jobs' to "many", but it must be a whole number from 1 to 1024\./],
	['a fractional jobs', {jobs: 1.5}, /sets 'jobs' to 1\.5/],
	['a zero timeout', {scanTimeout: 0}, /'scanTimeout' to 0, but it must be a number of seconds greater than 0 and at most 2147483\./],
	['paths for an unknown format', {paths: {dssi: ['/x']}}, /'paths\.dssi' to .*, but it must be a format name \(lv2, ladspa, vst2, vst3, clap, au\)\./],
	['paths that are not lists', {paths: {lv2: '/x'}}, /'paths\.lv2' to .*, but it must be a list of folder paths/],
	['paths that are not an object', {paths: ['/x']}, /'paths' to \["\/x"\], but it must be an object of folder lists per format/],
	['an unknown format', {formats: ['lv2', 'dssi']}, /'formats' to \["lv2","dssi"\], but it must be a non-empty list of distinct formats/],
	['no formats', {formats: []}, /'formats' to \[\], but it must be a non-empty list/],
	['a repeated format preference', {formatPreference: ['vst3', 'vst3']}, /'formatPreference' to \["vst3","vst3"\], but it must be a non-empty list of distinct formats/],
	['a threshold of 0', {blacklistThreshold: 0}, /'blacklistThreshold' to 0, but it must be a whole number from 1 to 1000\./],
	['a bad color', {color: 'sometimes'}, /'color' to "sometimes", but it must be one of auto, always, never\./],
	['a bad sort', {defaultSort: 'size'}, /'defaultSort' to "size", but it must be one of name, vendor, format, params, cpu, latency\./],
	['invalid JSON', '{"jobs": 2,', /is not valid JSON .*; fix it or delete it\./],
	['a JSON array', '[1]', /must hold a JSON object of settings, not an array\./],
];

for (const [what, content, message] of fileErrors) {
	test(`a config file with ${what} is an error naming the file and the key (exit 1)`, t => {
		const file = configFile(content);
		const error = t.throws(() => loadConfig({configFlag: file, env: {}}), {instanceOf: UserError, message});
		t.is(error.exitCode, 1);
		t.true(error.message.includes(file));
		t.false(error.message.includes('\n'));
	});
}

test('a config path that is a directory is an error', t => {
	const dir = tempDir();
	mkdirSync(path.join(dir, 'config.json'));
	t.throws(() => loadConfig({configFlag: path.join(dir, 'config.json'), env: {}}), {message: /is a directory/});
});

test('bad environment values name the variable (exit 1); bad flags name the flag (exit 2)', t => {
	const none = path.join(tempDir(), 'none.json');
	const environment = t.throws(() => loadConfig({configFlag: none, env: {PLUGINARY_SCAN_TIMEOUT: 'soon'}}), {instanceOf: UserError});
	t.is(environment.message, "PLUGINARY_SCAN_TIMEOUT=\"soon\" is not allowed: 'scanTimeout' must be a number of seconds greater than 0 and at most 2147483.");
	t.is(environment.exitCode, 1);
	t.throws(() => loadConfig({configFlag: none, env: {PLUGINARY_FORMATS: 'lv2,foo'}}), {message: /PLUGINARY_FORMATS="lv2,foo" is not allowed: 'formats' must be/});
	t.throws(() => loadConfig({configFlag: none, env: {PLUGINARY_PATHS: 'not json'}}), {message: /PLUGINARY_PATHS="not json" is not allowed: 'paths' must be an object/});
	const flag = t.throws(() => loadConfig({configFlag: none, env: {}, flags: {jobs: 'x'}}), {instanceOf: UserError});
	t.is(flag.message, "--jobs takes a whole number from 1 to 1024, not \"x\".");
	t.is(flag.exitCode, 2);
	t.throws(() => loadConfig({configFlag: none, env: {}, flags: {timeout: '-1'}}), {message: /--timeout takes a number of seconds greater than 0 and at most 2147483, not "-1"\./});
	t.throws(() => loadConfig({configFlag: none, env: {}, flags: {format: ['lv3']}}), {message: /--format takes a non-empty list of distinct formats/});
	t.throws(() => loadConfig({configFlag: none, env: {}, flags: {sort: 'size'}}), {message: /--sort takes one of name, vendor, format, params, cpu, latency, not "size"\./});
});
