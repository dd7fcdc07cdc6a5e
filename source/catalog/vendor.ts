/**
 * Display vendors: the name people use for a maker, from what a plugin file says (docs/groups.md).
 * The file's text is kept verbatim as `rawVendor`; `vendor` is this.
 */
import {words} from './text.js';

/** Format names that vendors append to their name in some formats ("LSP LV2", "LSP VST"). */
const formatWords = /\b(?:lv2|ladspa|vst[23]?|lxvst|clap|au|plugins?)\b/gi;

/**
 * Spellings the rules cannot settle, by their cleaned lower-case text. Kept small: every entry
 * is a maker seen spelling itself differently across formats or packages.
 */
export const VENDOR_TABLE: Readonly<Record<string, string>> = {
	'lsp lv2': 'LSP',
	'lsp vst': 'LSP',
	'lsp vst2': 'LSP',
	'lsp vst3': 'LSP',
	'lsp ladspa': 'LSP',
	'lsp clap': 'LSP',
	'linux studio plugins': 'LSP',
	'linux studio plugins project': 'LSP',
};

/**
 * The display vendor of a raw vendor text. Rules, in order: drop e-mail addresses (`<a@b.c>`,
 * `a@b.c`, `a at b dot c`) and parenthesised notes ("(LADSPA example plugins)"); drop a trailing
 * credit for a port (", LADSPAification by …", ", ported by …"); tidy spaces and stray
 * punctuation; then the table; else a trailing format word goes ("ACME VST3" → "ACME").
 * Cost: a few regex replacements.
 */
export function displayVendor(raw: string): string {
	const cleaned = raw
		.replace(/<[^>]*>/g, ' ')
		.replace(/\([^)]*\)/g, ' ')
		.replace(/\S+@\S+/g, ' ')
		.replace(/\S+\s+at\s+\S+\s+dot\s+\S+/gi, ' ')
		.replace(/,\s*\S*(?:ification|ported|adapted|converted)\s+by\b.*$/i, '')
		.replace(/\s+/g, ' ')
		.replace(/^[\s,;:/-]+|[\s,;:/-]+$/g, '');
	const fromTable = VENDOR_TABLE[cleaned.toLowerCase()];
	if (fromTable !== undefined) {
		return fromTable;
	}

	const withoutFormat = cleaned.replace(/\s+(?:lv2|ladspa|vst[23]?|lxvst|clap|au)$/i, '');
	return withoutFormat === '' ? cleaned : withoutFormat;
}

/** The vendor as it identifies a maker across formats: the display vendor's lower-case words, format words left out. */
export function vendorKey(raw: string): string {
	return words(displayVendor(raw).replace(formatWords, ' ')).join(' ');
}

/**
 * The name as it identifies a plugin across formats: lower-case words, without format words and
 * a leading vendor name ("LSP Compressor Mono" of vendor "LSP LV2" → "compressor mono").
 */
export function nameKey(name: string, vendor = ''): string {
	let list = words(name.replace(formatWords, ' '));
	const vendorWords = vendorKey(vendor).split(' ').filter(Boolean);
	if (vendorWords.length > 0 && vendorWords.every((word, i) => list[i] === word) && list.length > vendorWords.length) {
		list = list.slice(vendorWords.length);
	}

	return list.join(' ');
}
