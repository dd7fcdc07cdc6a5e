/**
 * Plugin groups on the real Debian corpus (docs/groups.md): one scan of every installed plugin
 * into a fresh store with the built CLI, then the groups, display vendors and names, categories
 * and the skipped core library as `list`, `show`, `stats` and `scan --json` report them.
 * The labelled groups (labelled-groups.json) were written before the rule; `heldOut` was not
 * looked at while tuning it.
 */
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import test, {type ExecutionContext} from 'ava';
import {cli} from '../helpers/cli-assert.js';
import {tempDbPath} from '../helpers/temp.js';

type Item = {
	id: string; format: string; name: string; vendor: string; rawVendor: string; group: string; category: string;
	categorySource: string; path: string; formats?: string[]; ids?: string[];
};

const here = path.dirname(fileURLToPath(import.meta.url));
const labelled = JSON.parse(readFileSync(path.join(here, 'labelled-groups.json'), 'utf8')) as {dev: Record<string, string[]>; heldOut: Record<string, string[]>};
const corpus = existsSync('/usr/lib/vst/lsp-plugins') && existsSync('/usr/lib/lv2/ZamComp.lv2') && existsSync('/usr/lib/clap');
const db = tempDbPath();
let scanJson: {skipped?: Array<{path: string; format: string; reason: string}>; failures: Array<{path: string}>} | undefined;
let items: Item[] = [];

test.before(() => {
	if (!corpus) {
		return;
	}

	const scan = cli(db, ['scan', '--json', '--jobs', '2']);
	if (scan.status !== 0) {
		throw new Error(`scan failed: ${scan.stderr}`);
	}

	scanJson = JSON.parse(scan.stdout) as typeof scanJson;
	items = JSON.parse(cli(db, ['list', '--json']).stdout) as Item[];
});

/** `test` with the corpus; else the test registered as skipped, saying why. */
const corpusTest = (title: string, run: (t: ExecutionContext) => void): void => {
	if (corpus) {
		test(title, run);
	} else {
		test.skip(`${title} (skipped: the Debian corpus is not installed)`, run);
	}
};
const byId = (id: string): Item => {
	const item = items.find(candidate => candidate.id === id);
	if (!item) {
		throw new Error(`no plugin ${id}`);
	}

	return item;
};

const membersOf = (group: string): Item[] => items.filter(item => item.group === group);

/** Share of labelled groups found exactly (same members, nothing more). */
function accuracy(groups: Record<string, string[]>): {exact: number; total: number; wrong: string[]} {
	const wrong: string[] = [];
	for (const [label, ids] of Object.entries(groups)) {
		const group = byId(ids[0]!).group;
		const members = membersOf(group).map(item => item.id).sort();
		if (JSON.stringify(members) !== JSON.stringify([...ids].sort())) {
			wrong.push(`${label}: ${members.join(', ')}`);
		}
	}

	return {exact: Object.keys(groups).length - wrong.length, total: Object.keys(groups).length, wrong};
}

corpusTest('labelled groups: every dev and held-out group is found exactly', t => {
	const dev = accuracy(labelled.dev);
	const heldOut = accuracy(labelled.heldOut);
	t.log(`dev ${dev.exact}/${dev.total}, held out ${heldOut.exact}/${heldOut.total}`);
	t.deepEqual(dev.wrong, []);
	t.deepEqual(heldOut.wrong, []);
});

corpusTest('ZamComp is one group of five formats, one collapsed item with formats in preference order', t => {
	const collapsed = JSON.parse(cli(db, ['list', '--collapse', '--json']).stdout) as Item[];
	const zamComp = collapsed.filter(item => item.name === 'ZamComp');
	t.is(zamComp.length, 1);
	t.deepEqual(zamComp[0]!.formats, ['vst3', 'clap', 'lv2', 'vst2', 'ladspa']);
	t.is(zamComp[0]!.ids!.length, 5);
	t.is(zamComp[0]!.format, 'vst3');
	const dragonfly = collapsed.find(item => item.name === 'Dragonfly Hall Reverb');
	t.deepEqual(dragonfly?.formats, ['lv2', 'vst2']);
	const compressor = collapsed.find(item => item.ids?.includes('vst2:compressor-mono.so'));
	t.deepEqual(compressor?.formats, ['lv2', 'vst2', 'ladspa']);
	t.is(compressor?.name, 'LSP Compressor Mono');
});

corpusTest('the four LSP VST2s cut to "Sidechain Multiband Compressor" are four groups with distinct display names', t => {
	const vst2 = ['lr', 'ms', 'mono', 'stereo'].map(suffix => byId(`vst2:sc-mb-compressor-${suffix}.so`));
	t.is(new Set(vst2.map(item => item.group)).size, 4);
	t.is(new Set(vst2.map(item => item.name)).size, 4);
	for (const item of vst2) {
		t.regex(item.name, /^LSP Sidechain Multiband Compressor \w+ x8$/);
		t.deepEqual(membersOf(item.group).map(member => member.format).sort(), ['ladspa', 'lv2', 'vst2']);
	}
});

corpusTest('distinct plugins of one vendor and format never share a display name', t => {
	const seen = new Map<string, string>();
	for (const item of items) {
		const key = `${item.vendor}|${item.format}|${item.name.toLowerCase()}`;
		t.is(seen.get(key), undefined, `${item.id} and ${seen.get(key) ?? ''} are both "${item.name}"`);
		seen.set(key, item.id);
	}
});

corpusTest('display vendors: no e-mail address, one LSP; rawVendor keeps what the file said', t => {
	t.deepEqual(items.filter(item => /@|<|>|\bat\b.*\bdot\b/.test(item.vendor)).map(item => item.vendor), []);
	t.deepEqual([...new Set(items.filter(item => /\bLSP\b/i.test(item.vendor)).map(item => item.vendor))], ['LSP']);
	t.is(byId('ladspa:amp_1181.so/amp').vendor, 'Steve Harris');
	t.is(byId('ladspa:amp_1181.so/amp').rawVendor, 'Steve Harris <steve@plugin.org.uk>');
	t.is(byId('vst2:compressor-mono.so').rawVendor, 'LSP VST');
	const stats = JSON.parse(cli(db, ['stats', '--json']).stdout) as {topVendors: Record<string, number>};
	t.false(Object.keys(stats.topVendors).some(vendor => /LSP (LV2|VST|LADSPA)|@/.test(vendor)));
});

corpusTest('one category per group; a native member decides for the others (twin)', t => {
	const categories = new Map<string, Set<string>>();
	for (const item of items) {
		(categories.get(item.group) ?? categories.set(item.group, new Set()).get(item.group)!).add(item.category);
	}

	t.deepEqual([...categories].filter(([, set]) => set.size > 1).map(([group]) => group), []);
	const splitter = membersOf(byId('lv2:http://distrho.sf.net/plugins/3BandSplitter').group);
	t.is(splitter.length, 3);
	t.true(splitter.some(item => item.categorySource === 'twin'));
	const ladspaCompressor = byId('ladspa:lsp-plugins-ladspa-1.2.5.so/http://lsp-plug.in/plugins/ladspa/compressor_mono');
	t.is(ladspaCompressor.category, 'dynamics');
	t.is(ladspaCompressor.categorySource, 'twin');
});

corpusTest('a user category applies to the whole group', t => {
	const target = byId('vst2:ZamComp-vst.so');
	t.is(cli(db, ['category', target.id, 'utility']).status, 0);
	const members = (JSON.parse(cli(db, ['list', '--json']).stdout) as Item[]).filter(item => item.group === target.group);
	t.is(members.length, 5);
	t.true(members.every(item => item.category === 'utility' && item.categorySource === 'user'));
	t.is(cli(db, ['category', target.id, 'dynamics']).status, 0);
});

corpusTest('LSP\'s core library is skipped, not failed, and not a catalog row', t => {
	const core = '/usr/lib/vst/lsp-plugins/lsp-plugins-vst2-1.2.5.so';
	t.true(scanJson!.skipped?.some(entry => entry.path === core && entry.format === 'vst2' && entry.reason.length > 0));
	t.false(scanJson!.failures.some(failure => failure.path === core));
	t.false(items.some(item => item.path === core));
	const again = JSON.parse(cli(db, ['scan', '--json']).stdout) as {diff: {new: string[]; changed: string[]}; skipped?: unknown[]; counts: Record<string, Record<string, number>>};
	t.deepEqual(again.diff.new, [], 'not re-probed until it changes');
	t.false(Object.values(again.counts).some(counts => (counts['failed'] ?? 0) > 0));
});

corpusTest('show lists every member of the group with format, path and status', t => {
	const run = cli(db, ['show', 'vst2:ZamComp-vst.so', '--json']);
	const record = JSON.parse(run.stdout) as {members: Array<{id: string; format: string; path: string; status: string}>};
	t.is(record.members.length, 5);
	t.true(record.members.every(member => member.path.length > 0 && member.status === 'ok'));
	const text = cli(db, ['show', 'vst2:ZamComp-vst.so']).stdout;
	for (const format of ['vst3', 'clap', 'lv2', 'vst2', 'ladspa']) {
		t.regex(text, new RegExp(`\\b${format}\\b`));
	}
});

corpusTest('stats count plugins and groups', t => {
	const stats = JSON.parse(cli(db, ['stats', '--json']).stdout) as {plugins: number; groups: number; byCategory: Record<string, number>};
	t.is(stats.plugins, items.length);
	t.is(stats.groups, new Set(items.map(item => item.group)).size);
	t.true(stats.groups < stats.plugins);
	t.log(`rows ${stats.plugins}, groups ${stats.groups}, other ${stats.byCategory['other'] ?? 0}`);
});
