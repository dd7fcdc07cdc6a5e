import {readdirSync, realpathSync, statSync, type Dirent, type Stats} from 'node:fs';
import path from 'node:path';
import type {Format} from '../catalog/plugin.js';
import {messageOf} from '../errors.js';
import {fsPath, pathBytes, pathText} from '../path-text.js';
import {exportedEntryPoints} from './elf-symbols.js';
import type {Pacer} from './pacer.js';

/** A folder (or file) to search, with its format when it is a format's own folder. */
export type Root = {
	/** Path text (source/path-text.ts): the real bytes, losslessly. */
	path: string;
	/** Known format (a format's default/env/config folder); undefined for `--path` roots. */
	format?: Format;
};

/** A plugin file or bundle found by discovery. */
export type Candidate = {
	/** Path text of the file or bundle (its real bytes, losslessly; the catalog's key). */
	path: string;
	format: Format;
	/** Search-order rank (root index): a lower rank wins a duplicate plugin id. */
	rank: number;
};

/** What discovery found and what it could not read. */
export type Discovery = {candidates: Candidate[]; warnings: string[]; unreadable: string[]};

const bundleExtensions: Record<string, Format> = {'.lv2': 'lv2', '.vst3': 'vst3', '.clap': 'clap', '.component': 'au'};
const libraryExtensions = new Set(['.so', '.dll', '.dylib']);

/** Which formats may be searched recursively below their folders (LV2 and LADSPA are flat). */
const recursive: Record<Format, boolean> = {lv2: false, ladspa: false, vst2: true, vst3: true, clap: true, au: true};

/** What a directory entry is, after following a symbolic link: only files and folders are ever plugins. */
type Kind = 'file' | 'directory' | 'other';

/**
 * Finds plugin files and bundles under `roots`, in order, as deep as the folders go. Format
 * folders are searched by that format's rules; other roots by layout and extension (shared
 * libraries by their exported entry points, read without loading them). Only regular files and
 * folders are taken — a FIFO, socket or device named like a plugin is skipped with a warning, so
 * nothing ever blocks on it. Symbolic link loops and unreadable folders become warnings. Walks by
 * raw bytes: names that are not UTF-8 are found and reported as path text. Yields to the event
 * loop through `pacer`, and stops early when the pacer says the scan was cancelled.
 */
export async function discover(roots: Root[], pacer: Pacer, formats?: Format[]): Promise<Discovery> {
	const candidates: Candidate[] = [];
	const problems: Problems = {warnings: [], unreadable: []};
	const seen = new Set<string>();
	const wanted = (format: Format): boolean => !formats || formats.includes(format);
	for (const [rank, root] of roots.entries()) {
		if ((root.format && !wanted(root.format)) || !await pacer.step()) {
			continue;
		}

		const add = (file: string, format: Format): void => {
			if (wanted(format) && !seen.has(file)) {
				seen.add(file);
				candidates.push({path: file, format, rank});
			}
		};

		let stats: Stats;
		try {
			stats = statSync(fsPath(root.path));
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
				problems.warnings.push(`cannot read ${root.path}: ${messageOf(error)}`);
				problems.unreadable.push(root.path);
			}

			continue;
		}

		const kind = kindOf(stats);
		if (kind === 'other') {
			problems.warnings.push(`skipped ${root.path}: ${notRegular(stats)}`);
		} else if (kind === 'file' || bundleExtensions[path.extname(root.path).toLowerCase()]) {
			const format = root.format ?? classify(pathBytes(root.path), root.path, kind);
			if (format) {
				add(root.path, format);
			} else if (!root.format) {
				problems.warnings.push(`${root.path} is not a plugin file or bundle pluginary recognises`);
			}
		} else {
			 
			await walk(pathBytes(root.path), {format: root.format, visiting: new Set(), walked: new Set(), add, problems, pacer});
		}
	}

	return {candidates, ...problems};
}

type Problems = {warnings: string[]; unreadable: string[]};

type Walk = {
	format: Format | undefined;
	/** Real paths of the folders on the way down (a repeat is a symbolic link loop). */
	visiting: Set<string>;
	/** Real paths of every folder walked below this root (walked once, however many links lead there). */
	walked: Set<string>;
	add: (file: string, format: Format) => void;
	problems: Problems;
	pacer: Pacer;
};

/** Walks a folder by its raw bytes, so names that are not valid UTF-8 are found too. */
async function walk(dir: Buffer, context: Walk): Promise<void> {
	const {problems, visiting, format} = context;
	const shown = pathText(dir);
	let real: string;
	let entries: Array<Dirent<Buffer>>;
	try {
		real = realpathSync.native(dir, {encoding: 'buffer'}).toString('latin1');
		entries = readdirSync(dir, {withFileTypes: true, encoding: 'buffer'});
	} catch (error) {
		problems.warnings.push(`cannot read folder ${shown}: ${messageOf(error)}`);
		problems.unreadable.push(shown);
		return;
	}

	if (visiting.has(real)) {
		problems.warnings.push(`skipped ${shown}: a symbolic link loops back to ${pathText(Buffer.from(real, 'latin1'))}`);
		return;
	}

	if (context.walked.has(real) || !await context.pacer.step()) {
		return;
	}

	visiting.add(real);
	context.walked.add(real);
	entries.sort((a, b) => Buffer.compare(a.name, b.name));
	for (const entry of entries) {
		const raw = Buffer.concat([dir, Buffer.from(path.sep), entry.name]);
		const full = pathText(raw);
		const kind = entryKind(entry, raw);
		if (kind === undefined) {
			problems.warnings.push(`skipped ${full}: broken symbolic link`);
			continue;
		}

		if (kind === 'other') {
			if (looksLikePlugin(full)) {
				problems.warnings.push(`skipped ${full}: ${notRegular(statSync(raw, {throwIfNoEntry: false}))}`);
			}

			continue;
		}

		const found = format ? classifyFor(format, full, kind) : classify(raw, full, kind);
		if (found) {
			context.add(full, found);
		} else if (kind === 'directory' && (format === undefined || recursive[format]) && !bundleExtensions[path.extname(full).toLowerCase()]) {
			 
			await walk(raw, context);
		}
	}

	visiting.delete(real);
}

function kindOf(stats: Stats): Kind {
	return stats.isFile() ? 'file' : (stats.isDirectory() ? 'directory' : 'other');
}

/** What an entry is (a symbolic link by what it points to); undefined for a broken link. Never opens it. */
function entryKind(entry: Dirent<Buffer>, raw: Buffer): Kind | undefined {
	if (!entry.isSymbolicLink()) {
		return entry.isFile() ? 'file' : (entry.isDirectory() ? 'directory' : 'other');
	}

	const stats = statSync(raw, {throwIfNoEntry: false});
	return stats ? kindOf(stats) : undefined;
}

/** Why a path that is neither a file nor a folder was skipped. */
export function notRegular(stats: Stats | undefined): string {
	const what = stats?.isFIFO() ? 'a FIFO' : (stats?.isSocket() ? 'a socket' : (stats?.isCharacterDevice() || stats?.isBlockDevice() ? 'a device' : 'not a regular file'));
	return `${what}, not a plugin file (reading it could block)`;
}

function looksLikePlugin(file: string): boolean {
	const extension = path.extname(file).toLowerCase();
	return libraryExtensions.has(extension) || bundleExtensions[extension] !== undefined;
}

/** Whether `file` is a plugin of the given format by that format's layout rules. */
function classifyFor(format: Format, file: string, kind: Kind): Format | undefined {
	const extension = path.extname(file).toLowerCase();
	switch (format) {
		case 'lv2':
		case 'au': {
			return kind === 'directory' && bundleExtensions[extension] === format ? format : undefined;
		}

		case 'vst3':
		case 'clap': {
			return bundleExtensions[extension] === format ? format : undefined;
		}

		case 'ladspa':
		case 'vst2': {
			return kind === 'file' && libraryExtensions.has(extension) ? format : undefined;
		}
	}
}

/** The format of a file found outside any format folder, by extension and entry points. */
function classify(raw: Buffer, file: string, kind: Kind): Format | undefined {
	const extension = path.extname(file).toLowerCase();
	const bundle = bundleExtensions[extension];
	if (bundle) {
		return bundle === 'lv2' || bundle === 'au' ? (kind === 'directory' ? bundle : undefined) : bundle;
	}

	if (kind !== 'file' || !libraryExtensions.has(extension)) {
		return undefined;
	}

	const symbols = exportedEntryPoints(raw);
	if (!symbols) {
		return undefined;
	}

	if (symbols.has('ladspa_descriptor')) {
		return 'ladspa';
	}

	if (symbols.has('VSTPluginMain') || symbols.has('main')) {
		return 'vst2';
	}

	if (symbols.has('clap_entry')) {
		return 'clap';
	}

	return undefined;
}
