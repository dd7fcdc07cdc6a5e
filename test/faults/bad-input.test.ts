import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {runCli} from '../helpers/cli.js';
import {fixtureCatalog} from '../helpers/catalog.js';
import {tempDir} from '../helpers/temp.js';
import {writeSyntheticStore} from '../helpers/synthetic-store.js';

const dir = tempDir();
const emptyFile = path.join(dir, 'empty.json');
writeFileSync(emptyFile, '');
const hugeFile = path.join(dir, 'huge.json');
writeFileSync(hugeFile, Buffer.alloc(32 * 1024 * 1024, 'x'));
const notJson = path.join(dir, 'notes.txt');
writeFileSync(notJson, 'hello\nworld\n');
const folder = path.join(dir, 'folder');
mkdirSync(folder);
const randomDb = path.join(dir, 'random.db');
writeFileSync(randomDb, Buffer.from(Array.from({length: 4096}, (_, i) => (i * 31 + 7) % 256)));
const existing = path.join(dir, 'existing.json');
writeFileSync(existing, '{}');

/** [arguments, exit code, what the one line on stderr must say]. `DB` stands for a good catalog. */
const cases: Array<[string[], number, RegExp]> = [
	[['frobnicate'], 2, /Unknown command 'frobnicate'/],
	[['list', '--frobnicate'], 2, /Unknown option --frobnicate/],
	[['list', '--format', 'vst9'], 2, /Unknown format 'vst9'/],
	[['list', '--limit', 'ten'], 2, /--limit takes a whole number/],
	[['list', '--limit', '0'], 2, /--limit takes a whole number from 1 to 9007199254740991, not '0'/],
	[['list', '--limit', '0x10'], 2, /--limit takes a whole number from 1/],
	[['list', '--limit', '9223372036854775807'], 2, /--limit takes a whole number from 1 to 9007199254740991/],
	[['list', '--offset', '99999999999999999999'], 2, /--offset takes a whole number from 0 to 9007199254740991/],
	[['search', 'gain', '--limit', '0'], 2, /--limit takes a whole number from 1/],
	[['search', 'gain', '--offset', '1e300'], 2, /--offset takes a whole number from 0/],
	[['similar', 'lv2:nothing', '--limit', 'Infinity'], 2, /--limit takes a whole number from 1/],
	[['scan', '--timeout', '2147484'], 2, /--timeout takes a number of seconds greater than 0 and at most 2147483, not '2147484'/],
	[['scan', '--timeout', '0x10'], 2, /--timeout takes a number of seconds/],
	[['retry', '--timeout', '1e10'], 2, /at most 2147483/],
	[['scan', '--jobs', '5000'], 2, /--jobs takes a whole number from 1 to 1024/],
	[['config', 'set', 'scanTimeout', '99999999'], 2, /'scanTimeout' must be a number of seconds greater than 0 and at most 2147483/],
	[['config', 'set', 'jobs', '0x10'], 2, /'jobs' must be a whole number from 1 to 1024/],
	[['list', '--format', ''], 2, /--format needs a value/],
	[['list', '--vendor', ''], 2, /--vendor needs a value/],
	[['list', '--db'], 2, /The flag --db can only be set once/],
	[['export', '--out', ''], 2, /--out needs a value/],
	[['scan', '--path', ''], 2, /--path needs a value/],
	[['blacklist', 'add', ''], 2, /empty argument/],
	[['show', ''], 2, /empty argument/],
	[['tag', 'lv2:nothing', ''], 2, /empty argument/],
	[['list', '--offset', '-3'], 2, /--offset takes a whole number/],
	[['list', '--sort', 'age'], 2, /--sort takes one of/],
	[['list', 'extra'], 2, /takes no arguments/],
	[['scan', '--jobs', '0'], 2, /--jobs takes a whole number from 1 to 1024/],
	[['scan', '--jobs', '1.5'], 2, /--jobs takes a whole number/],
	[['scan', '--timeout', '0'], 2, /--timeout takes a number of seconds greater than 0/],
	[['scan', '--timeout', 'soon'], 2, /--timeout takes a number of seconds/],
	[['scan', '--path', path.join(dir, 'missing')], 2, /does not exist/],
	[['scan', '--format', 'mp3'], 2, /Unknown format 'mp3'/],
	[['scan', 'now'], 2, /takes no arguments/],
	[['search'], 2, /Usage: pluginary search QUERY/],
	[['search', 'vendor:'], 2, /Bad query/],
	[['search', '"unclosed'], 2, /Bad query/],
	[['search', 'params>>3'], 2, /Bad query/],
	[['search', 'format:vst9'], 2, /Bad query/],
	[['show'], 2, /Usage: pluginary show/],
	[['show', 'no such plugin'], 3, /No plugin has the id or name/],
	[['similar'], 2, /Usage: pluginary similar/],
	[['similar', 'lv2:nothing'], 3, /No plugin has the id or name/],
	[['import'], 2, /Usage: pluginary import FILE/],
	[['import', path.join(dir, 'missing.json')], 1, /missing\.json/],
	[['import', folder], 1, /folder/],
	[['import', emptyFile], 1, /empty\.json/],
	[['import', hugeFile], 1, /huge\.json/],
	[['import', notJson], 1, /notes\.txt/],
	[['import', randomDb], 1, /random\.db/],
	[['export', '--as', 'xml'], 2, /--as takes one of/],
	[['export', '--out', folder], 1, /is a directory/],
	[['export', '--out', existing], 1, /exists/],
	[['export', 'vendr:x'], 2, /unknown filter 'vendr'/],
	[['fav'], 2, /Usage: pluginary fav/],
	[['fav', 'no such plugin'], 3, /No plugin/],
	[['tag', 'no such plugin', 'x'], 3, /No plugin/],
	[['category', 'no such plugin', 'reverb'], 3, /No plugin/],
	[['presets'], 2, /Usage: pluginary presets/],
	[['preset', 'save'], 2, /Usage: pluginary preset save/],
	[['preset', 'fly'], 2, /preset/],
	[['blacklist', 'add'], 2, /Usage: pluginary blacklist add/],
	[['blacklist', 'remove', '/not/listed.so'], 3, /is not blacklisted/],
	[['blacklist', 'burn'], 2, /Unknown blacklist action/],
	[['retry', 'now'], 2, /takes no arguments/],
	[['cache'], 2, /needs an action/],
	[['cache', 'explode'], 2, /Unknown cache action/],
	[['cache', 'clear'], 2, /--yes/],
	[['config', 'get', 'colour'], 2, /Unknown setting 'colour'/],
	[['config', 'set', 'jobs', 'many'], 2, /'jobs' must be a whole number/],
	[['config', 'set'], 2, /Usage: pluginary config set/],
	[['stats', 'now'], 2, /takes no arguments/],
];

test('preset save --set takes numbers by the one rule of the CLI: hex is a usage error, as for --limit', t => {
	const db = path.join(dir, 'presets.db');
	writeSyntheticStore(db);
	const result = runCli(['--db', db, 'preset', 'save', 'Test Comp', 'X', '--set', 'ratio=0x10']);
	t.is(result.status, 2, result.stderr);
	t.regex(result.stderr, /^pluginary: Parameter 'Ratio' \(ratio\) takes a number from 1 to 20, not '0x10'\.\n$/);
});

for (const [args, code, message] of cases) {
	test(`pluginary ${args.map(arg => (arg === '' ? "''" : arg)).join(' ')} → exit ${code}, one line`, t => {
		const result = runCli(['--db', fixtureCatalog(), ...args], {env: {...process.env, PLUGINARY_CONFIG: path.join(dir, 'config.json')}});
		t.is(result.status, code, result.stderr);
		const lines = result.stderr.trimEnd().split('\n');
		t.is(lines.length, 1, result.stderr);
		t.regex(lines[0]!, /^pluginary: /);
		t.regex(lines[0]!, message);
		t.notRegex(result.stderr, /\n\s+at |unexpected error/);
	});
}

for (const [name, db] of [['a random-bytes file', randomDb], ['a directory', folder], ['a JSON file', existing], ['a path below a file', path.join(existing, 'x.db')], ['an unwritable place', '/proc/pluginary/catalog.db']] as const) {
	test(`--db pointing at ${name}: every command that opens the store fails with one line, exit 1`, t => {
		for (const args of [['list'], ['stats'], ['search', 'x'], ['fav', 'x'], ['cache', 'stats']]) {
			const result = runCli(['--db', db, ...args]);
			t.is(result.status, 1, `${args.join(' ')}: ${result.stderr}`);
			t.is(result.stderr.trimEnd().split('\n').length, 1, result.stderr);
			t.notRegex(result.stderr, /\n\s+at |unexpected error/);
		}
	});
}
