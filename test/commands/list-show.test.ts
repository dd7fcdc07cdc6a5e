import {readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {CATEGORIES, FORMATS, STATUSES} from '../../source/catalog/plugin.js';
import {runCli} from '../helpers/cli.js';
import {fixtureCatalog} from '../helpers/catalog.js';
import {tempDbPath, tempDir} from '../helpers/temp.js';

const summaryKeys = ['id', 'format', 'name', 'vendor', 'version', 'path', 'uid', 'category', 'categorySource', 'rawCategory', 'isInstrument',
	'audioInputs', 'audioOutputs', 'auxInputs', 'midiInputs', 'midiOutputs', 'parameterCount', 'tags', 'favorite', 'hidden', 'status', 'scannedAt'];
const parameterKeys = ['index', 'id', 'name', 'units', 'min', 'max', 'default', 'type', 'steps', 'valueStrings', 'isOutput', 'isAutomatable'];

function listJson(args: string[]): Array<Record<string, unknown>> {
	const result = runCli(['list', '--db', fixtureCatalog(), '--json', ...args]);
	if (result.status !== 0) {
		throw new Error(result.stderr);
	}

	return JSON.parse(result.stdout) as Array<Record<string, unknown>>;
}

test('list --json prints only a JSON array of items shaped as records', t => {
	const items = listJson([]);
	t.true(items.length >= 10);
	for (const item of items) {
		for (const key of summaryKeys) {
			t.true(key in item, `${String(item['id'])} has ${key}`);
		}

		t.false('parameters' in item);
		t.true((FORMATS as readonly string[]).includes(item['format'] as string));
		t.true((CATEGORIES as readonly string[]).includes(item['category'] as string));
		t.true((STATUSES as readonly string[]).includes(item['status'] as string));
		t.is(item['id'], `${String(item['format'])}:${String(item['uid'])}`);
	}
});

test('list filters by format, category, vendor word prefix and instrument; sorts; pages', t => {
	const all = listJson([]);
	const vst3 = listJson(['--format', 'vst3']);
	t.true(vst3.length > 0 && vst3.every(item => item['format'] === 'vst3'));
	t.is(listJson(['--format', 'vst3,clap']).length, vst3.length + listJson(['--format', 'clap']).length);
	t.true(listJson(['--instrument']).every(item => item['isInstrument'] === true));
	t.is(listJson(['--instrument']).length + listJson(['--effect']).length, all.length);
	t.true(listJson(['--vendor', 'fixt']).length > 0, 'vendor matches the start of any word');
	t.is(listJson(['--vendor', 'ixtures']).length, 0, 'but not the middle of a word');
	const byParams = listJson(['--sort', 'params']);
	t.true(byParams.every((item, i) => i === 0 || (byParams[i - 1]!['parameterCount'] as number) >= (item['parameterCount'] as number)));
	t.deepEqual(listJson(['--limit', '2', '--offset', '1']).map(item => item['id']), all.slice(1, 3).map(item => item['id']));
	const category = all[0]!['category'] as string;
	t.true(listJson(['--category', category]).every(item => item['category'] === category));
});

test('list --ndjson prints one record a line, --csv a header and RFC 4180 rows', t => {
	const ndjson = runCli(['list', '--db', fixtureCatalog(), '--ndjson']);
	const lines = ndjson.stdout.trim().split('\n');
	t.is(lines.length, listJson([]).length);
	t.notThrows(() => lines.map(line => JSON.parse(line) as unknown));
	const csv = runCli(['list', '--db', fixtureCatalog(), '--csv']);
	t.is(csv.status, 0);
	t.true(csv.stdout.startsWith('id,format,name,vendor,'));
	t.is(csv.stdout.trim().split('\r\n').length, lines.length + 1);
});

test('list rejects bad flags with one line and exit 2', t => {
	for (const args of [['--format', 'vst4'], ['--category', 'reverbs'], ['--sort', 'size'], ['--limit', '-1'], ['--json', '--csv'], ['--instrument', '--effect'], ['--bogus'], ['extra']]) {
		const result = runCli(['list', '--db', fixtureCatalog(), ...args]);
		t.is(result.status, 2, args.join(' '));
		t.is(result.stdout, '');
		t.is(result.stderr.trim().split('\n').length, 1, result.stderr);
		t.notRegex(result.stderr, /\n\s+at /);
	}
});

test('show --json gives the full record with parameters; show by name works case-insensitively', t => {
	const [first] = listJson(['--format', 'clap', '--limit', '1']);
	const byId = runCli(['show', first!['id'] as string, '--db', fixtureCatalog(), '--json']);
	t.is(byId.status, 0);
	const record = JSON.parse(byId.stdout) as Record<string, unknown> & {parameters: Array<Record<string, unknown>>; presets: unknown[]};
	t.is(record.parameters.length, first!['parameterCount'] as number);
	for (const parameter of record.parameters) {
		for (const key of parameterKeys) {
			t.true(key in parameter, `parameter has ${key}`);
		}
	}

	t.true(Array.isArray(record.presets));
	const clapNames = listJson(['--format', 'clap']).map(item => item['name'] as string);
	const unique = clapNames.find(name => listJson([]).filter(item => item['name'] === name).length === 1);
	if (unique) {
		const byName = runCli(['show', unique.toUpperCase(), '--db', fixtureCatalog(), '--json']);
		t.is(byName.status, 0);
	}
});

test('show: a name of one plugin in several formats shows it; a name of several plugins lists them (exit 2); an unknown one exits 3', t => {
	const names = listJson([]).map(item => item['name'] as string);
	const shared = names.find((name, i) => names.indexOf(name) !== i)!;
	t.truthy(shared, 'the fixtures have the same plugin in several formats');
	const one = runCli(['show', shared, '--db', fixtureCatalog(), '--json']);
	t.is(one.status, 0, one.stderr);
	t.true((JSON.parse(one.stdout) as {members: unknown[]}).members.length >= 2, 'every format of the plugin is listed');
	const db = tempDbPath();
	const plugin = (vendor: string) => ({id: `ladspa:${vendor}.so/gate`, format: 'ladspa', name: 'Gate', vendor, path: `/x/${vendor}.so`, uid: `${vendor}.so/gate`, scannedAt: '2026-01-01T00:00:00Z'});
	const file = path.join(tempDir(), 'two-gates.json');
	writeFileSync(file, JSON.stringify({pluginary: {version: '1', exportedAt: '2026-01-01T00:00:00Z', count: 2}, plugins: [plugin('Alpha'), plugin('Beta')]}));
	t.is(runCli(['import', file, '--db', db]).status, 0);
	const ambiguous = runCli(['show', 'Gate', '--db', db]);
	t.is(ambiguous.status, 2);
	t.regex(ambiguous.stderr, /plugins are named/);
	t.true(ambiguous.stdout.trim().split('\n').length >= 2);
	const missing = runCli(['show', 'No Such Plugin', '--db', fixtureCatalog()]);
	t.is(missing.status, 3);
	t.regex(missing.stderr, /^pluginary: No plugin has the id or name 'No Such Plugin'/);
	t.is(runCli(['show', '--db', fixtureCatalog()]).status, 2);
});

test('show prints every parameter for people', t => {
	const [many] = listJson(['--sort', 'params', '--limit', '1']);
	const result = runCli(['show', many!['id'] as string, '--db', fixtureCatalog()]);
	t.is(result.status, 0);
	t.regex(result.stdout, new RegExp(`Parameters \\(${String(many!['parameterCount'])}\\)`));
});

test('cache path, stats and verify on a scanned catalog', t => {
	const dbPath = fixtureCatalog();
	t.is(runCli(['cache', 'path', '--db', dbPath]).stdout.trim(), dbPath);
	const stats = JSON.parse(runCli(['cache', 'stats', '--db', dbPath, '--json']).stdout) as {plugins: number; byFormat: Record<string, number>; lastScan: {state: string}};
	t.is(stats.plugins, listJson([]).length);
	t.truthy(stats.byFormat['vst3']);
	t.is(stats.lastScan.state, 'done');
	const verify = runCli(['cache', 'verify', '--db', dbPath]);
	t.is(verify.status, 0);
	t.regex(verify.stdout, /ok\s+integrity/);
	t.is(runCli(['cache', 'bogus', '--db', dbPath]).status, 2);
});

test('a database path that does not exist yet is created with its folders', t => {
	const dbPath = path.join(tempDir(), 'deep', 'er', 'catalog.db');
	const result = runCli(['list', '--db', dbPath, '--json']);
	t.is(result.status, 0);
	t.is(result.stdout.trim(), '[]');
});

test('a corrupt database (random bytes) is one line on stderr and exit 1, no stack trace', t => {
	const dbPath = tempDbPath();
	writeFileSync(dbPath, Buffer.from(Array.from({length: 8192}, (_, i) => (i * 7919) % 256)));
	const result = runCli(['list', '--db', dbPath]);
	t.is(result.status, 1);
	t.is(result.stdout, '');
	t.regex(result.stderr, /^pluginary: .*not a pluginary database.*\n$/);
});

test('no command without a terminal: a hint and exit 2', t => {
	const result = runCli([]);
	t.is(result.status, 2);
	t.regex(result.stderr, /needs a terminal/);
});

test('--version prints the package version; --help has Usage, Options/Commands and Examples for every command', t => {
	t.regex(runCli(['--version']).stdout, /^\d+\.\d+\.\d+\n$/);
	for (const command of ['', 'list', 'show', 'scan', 'cache', 'doctor', 'blacklist', 'retry']) {
		const result = runCli(command ? [command, '--help'] : ['--help']);
		t.is(result.status, 0, command);
		t.regex(result.stdout, /Usage/);
		t.regex(result.stdout, /Examples/);
	}
});

test('an unknown command suggests the closest one', t => {
	const result = runCli(['lsit']);
	t.is(result.status, 2);
	t.regex(result.stderr, /did you mean 'list'/);
});

test('the whole --help text is pinned (update test/commands/snapshots/help.txt on purpose)', t => {
	const pinned = readFileSync(new URL('snapshots/help.txt', import.meta.url), 'utf8');
	t.is(runCli(['--help']).stdout, pinned);
});
