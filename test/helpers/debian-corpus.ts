/**
 * The real plugin corpus of this machine (docs/architecture.md, Tests), read with the LADSPA and LV2 command-line
 * tools (`analyseplugin`, `lv2ls`, `lv2info`) and VST2/VST3/CLAP file names — a stand-in for a
 * real scan until the scan engine lands. Returns search documents (summary + parameter names).
 */
import {execFile, execFileSync} from 'node:child_process';
import {existsSync, readdirSync, statSync} from 'node:fs';
import path from 'node:path';
import {promisify} from 'node:util';
import {categorize} from '../../source/catalog/categories.js';
import type {Format, PluginSummary} from '../../source/catalog/plugin.js';
import type {SearchDocument} from '../../source/search/document.js';

const run = promisify(execFile);

/** One plugin of the corpus as the tools describe it. */
export type CorpusPlugin = {
	format: Format;
	uid: string;
	name: string;
	vendor: string;
	path: string;
	rawCategory: string;
	isInstrument: boolean;
	audioInputs: number;
	audioOutputs: number;
	midiInputs: number;
	/** Control input names (parameters). */
	parameterNames: string[];
};

/** True when the corpus tools and folders exist on this machine. */
export function corpusAvailable(): boolean {
	try {
		execFileSync('lv2ls', {stdio: 'ignore'});
		return existsSync('/usr/lib/ladspa');
	} catch {
		return false;
	}
}

/** The LADSPA plugins of /usr/lib/ladspa, parsed from `analyseplugin`. */
export async function ladspaPlugins(dir = '/usr/lib/ladspa'): Promise<CorpusPlugin[]> {
	const files = readdirSync(dir).filter(file => file.endsWith('.so')).sort();
	const outputs = await inBatches(files, async file => {
		const {stdout} = await run('analyseplugin', [path.join(dir, file)], {env: {...process.env, LADSPA_PATH: dir}, maxBuffer: 64 << 20});
		return parseAnalyse(stdout, path.join(dir, file));
	});
	return outputs.flat();
}

/** Parses `analyseplugin` output (one or more plugins of one library). */
export function parseAnalyse(text: string, file: string): CorpusPlugin[] {
	const plugins: CorpusPlugin[] = [];
	for (const block of text.split(/\n(?=Plugin Name:)/)) {
		const name = /Plugin Name: "(.*)"/.exec(block)?.[1];
		const label = /Plugin Label: "(.*)"/.exec(block)?.[1];
		if (!name || !label) {
			continue;
		}

		const ports = [...block.matchAll(/^\s*(?:Ports:)?\s*"(.*)" (input|output), (control|audio)/gm)];
		plugins.push({
			format: 'ladspa',
			uid: `${path.basename(file)}/${label}`,
			name,
			vendor: /Maker: "(.*)"/.exec(block)?.[1] ?? '',
			path: file,
			rawCategory: '',
			isInstrument: false,
			audioInputs: ports.filter(port => port[2] === 'input' && port[3] === 'audio').length,
			audioOutputs: ports.filter(port => port[2] === 'output' && port[3] === 'audio').length,
			midiInputs: 0,
			parameterNames: ports.filter(port => port[2] === 'input' && port[3] === 'control').map(port => port[1]),
		});
	}

	return plugins;
}

/** lv2info's class labels → lv2core class names. */
const lv2ClassOfLabel: Record<string, string> = {
	'Parametric EQ Plugin': 'ParaEQPlugin', 'Multiband EQ Plugin': 'MultiEQPlugin', 'Equaliser Plugin': 'EQPlugin',
	'Pitch Shifter Plugin': 'PitchPlugin', MIDI: 'MIDIPlugin', Plugin: 'Plugin',
};

/** The LV2 plugins `lv2ls` lists, parsed from `lv2info`. */
export async function lv2Plugins(): Promise<CorpusPlugin[]> {
	const {stdout} = await run('lv2ls');
	const uris = stdout.split('\n').filter(Boolean);
	return inBatches(uris, async uri => {
		const {stdout: info} = await run('lv2info', [uri], {maxBuffer: 64 << 20});
		return parseLv2Info(info, uri);
	});
}

/** Parses `lv2info` output of one plugin. */
export function parseLv2Info(text: string, uri: string): CorpusPlugin {
	const field = (name: string): string => new RegExp(`^\\t${name}:\\s+(.*)$`, 'm').exec(text)?.[1]?.trim() ?? '';
	const label = field('Class');
	const className = lv2ClassOfLabel[label] ?? label.replace(/\s+/g, '');
	const ports = text.split(/\n\tPort \d+:\n/).slice(1);
	const has = (port: string, kind: string): boolean => port.includes(`lv2core#${kind}`) || port.includes(`#${kind}`);
	const audio = ports.filter(port => has(port, 'AudioPort') && !/sidechain/i.test(port));
	const bundle = field('Bundle').replace(/^file:\/\//, '').replace(/\/$/, '');
	return {
		format: 'lv2',
		uid: uri,
		name: field('Name'),
		vendor: field('Author'),
		path: bundle,
		rawCategory: `lv2:${className}`,
		isInstrument: className === 'InstrumentPlugin',
		audioInputs: audio.filter(port => has(port, 'InputPort')).length,
		audioOutputs: audio.filter(port => has(port, 'OutputPort')).length,
		midiInputs: ports.filter(port => (has(port, 'AtomPort') || has(port, 'EventPort')) && has(port, 'InputPort')).length,
		parameterNames: ports.filter(port => has(port, 'ControlPort') && has(port, 'InputPort'))
			.map(port => /\t\tName:\s+(.*)/.exec(port)?.[1]?.trim() ?? ''),
	};
}

/**
 * VST2, VST3 and CLAP plugins from file names (their metadata needs the native host): names
 * from the file ("ZamComp-vst.so" → "ZamComp", LSP's "compressor-mono.so" → "LSP Compressor
 * Mono"), vendor and parameters borrowed from the LADSPA twin when there is one.
 */
export function fileNamePlugins(ladspa: CorpusPlugin[]): CorpusPlugin[] {
	const twins = new Map(ladspa.map(plugin => [plugin.name.toLowerCase().replace(/[^a-z\d]/g, ''), plugin]));
	const make = (format: Format, file: string, name: string, lookup: string): CorpusPlugin => {
		const twin = twins.get(lookup.toLowerCase().replace(/[^a-z\d]/g, ''));
		return {
			format, uid: path.basename(file), name, vendor: twin?.vendor.replace('LSP LADSPA', `LSP ${format.toUpperCase()}`) ?? '', path: file,
			rawCategory: '', isInstrument: false, audioInputs: twin?.audioInputs ?? 2, audioOutputs: twin?.audioOutputs ?? 2,
			midiInputs: 0, parameterNames: twin?.parameterNames ?? [],
		};
	};

	const plugins: CorpusPlugin[] = [];
	for (const dir of ['/usr/lib/vst', '/usr/lib/lxvst']) {
		for (const file of list(dir)) {
			const name = file.replace(/(-vst)?\.(so|vst)$/, '');
			if (file.endsWith('.so') || file.endsWith('.vst')) {
				plugins.push(make('vst2', path.join(dir, file), name, name));
			}
		}
	}

	for (const file of list('/usr/lib/vst/lsp-plugins').filter(file => !file.startsWith('lsp-plugins-vst2'))) {
		const title = lspTitle(file.replace(/\.so$/, ''));
		plugins.push(make('vst2', path.join('/usr/lib/vst/lsp-plugins', file), `LSP ${title}`, title));
	}

	for (const [format, dir, extension] of [['vst3', '/usr/lib/vst3', '.vst3'], ['clap', '/usr/lib/clap', '.clap']] as const) {
		for (const file of list(dir).filter(file => file.endsWith(extension))) {
			const name = file.slice(0, -extension.length);
			plugins.push(make(format, path.join(dir, file), name, name));
		}
	}

	return plugins;
}

/** The whole corpus as search documents, categorised by the catalog's rules. */
export async function corpusDocuments(): Promise<SearchDocument[]> {
	const ladspa = await ladspaPlugins();
	const plugins = [...await lv2Plugins(), ...ladspa, ...fileNamePlugins(ladspa)];
	const seen = new Set<string>();
	return plugins.filter(plugin => {
		const id = `${plugin.format}:${plugin.uid}`;
		const fresh = !seen.has(id);
		seen.add(id);
		return fresh;
	}).map(plugin => toDocument(plugin));
}

/** A corpus plugin as a search document. */
export function toDocument(plugin: CorpusPlugin): SearchDocument {
	const {category, categorySource} = categorize({
		format: plugin.format, name: plugin.name, vendor: plugin.vendor, rawCategory: plugin.rawCategory, isInstrument: plugin.isInstrument, parameterNames: plugin.parameterNames,
	});
	const summary: PluginSummary = {
		id: `${plugin.format}:${plugin.uid}`, format: plugin.format, name: plugin.name, vendor: plugin.vendor, rawVendor: plugin.vendor, rawName: plugin.name, group: '', version: '',
		path: plugin.path, uid: plugin.uid, category, categorySource, rawCategory: plugin.rawCategory, isInstrument: plugin.isInstrument,
		audioInputs: plugin.audioInputs, audioOutputs: plugin.audioOutputs, auxInputs: 0, midiInputs: plugin.midiInputs, midiOutputs: 0,
		tags: [], favorite: false, hidden: false, status: 'ok', scannedAt: '2026-01-01T00:00:00Z', parameterCount: plugin.parameterNames.length,
	};
	return {summary, parameterNames: plugin.parameterNames};
}

const lspWords: Array<[RegExp, string]> = [
	[/^art-delay/, 'artistic-delay'], [/^comp-delay/, 'delay-compensator'], [/^loud-comp/, 'loudness-compensator'],
	[/dyna-processor/, 'dynamic-processor'], [/graph-/, 'graphic-'], [/para-/, 'parametric-'], [/^slap-/, 'slapback-'],
	[/^sc-/, 'sidechain-'], [/(^|-)mb-/, '$1multiband-'], [/multisampler/, 'multi_sampler'], [/-do$/, '-directout'],
];
const lspCase: Record<string, string> = {lr: 'LeftRight', ms: 'MidSide', midi: 'MIDI', directout: 'DirectOut', multi_sampler: 'Multi-Sampler'};

/** LSP's VST2 file name → its plugin title ("sc-mb-gate-lr" → "Sidechain Multiband Gate LeftRight"). */
function lspTitle(stem: string): string {
	let text = stem;
	for (const [pattern, replacement] of lspWords) {
		text = text.replace(pattern, replacement);
	}

	const parts = text.split('-').map(word => lspCase[word] ?? (/^x\d+$/.test(word) ? word : word[0].toUpperCase() + word.slice(1)));
	const directOut = parts.indexOf('DirectOut');
	if (directOut !== -1 && directOut !== parts.length - 1) {
		parts.push(...parts.splice(directOut, 1));
	}

	return parts.join(' ');
}

function list(dir: string): string[] {
	return existsSync(dir) && statSync(dir).isDirectory() ? readdirSync(dir).sort() : [];
}

async function inBatches<T, R>(items: T[], work: (item: T) => Promise<R>, size = 8): Promise<R[]> {
	const results: R[] = [];
	for (let i = 0; i < items.length; i += size) {
		results.push(...await Promise.all(items.slice(i, i + size).map(work)));
	}

	return results;
}
