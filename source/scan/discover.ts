import {readdirSync, realpathSync, statSync, type Dirent, type Stats} from 'node:fs';
import path from 'node:path';
import type {Format} from '../catalog/plugin.js';
import {messageOf} from '../errors.js';
import {exportedEntryPoints} from './elf-symbols.js';

/** A folder (or file) to search, with its format when it is a format's own folder. */
export type Root = {
	path: string;
	/** Known format (a format's default/env/config folder); undefined for `--path` roots. */
	format?: Format;
};

/** A plugin file or bundle found by discovery. */
export type Candidate = {
	path: string;
	format: Format;
	/** Search-order rank (root index): a lower rank wins a duplicate plugin id. */
	rank: number;
	/** The real bytes of the path when they are not valid UTF-8 (`path` is then their lossy spelling). */
	source?: Buffer;
};

/** What discovery found and what it could not read. */
export type Discovery = {candidates: Candidate[]; warnings: string[]; unreadable: string[]};

const maxDepth = 16;
const bundleExtensions: Record<string, Format> = {'.lv2': 'lv2', '.vst3': 'vst3', '.clap': 'clap', '.component': 'au'};
const libraryExtensions = new Set(['.so', '.dll', '.dylib']);

/** Which formats may be searched recursively below their folders (LV2 and LADSPA are flat). */
const recursive: Record<Format, boolean> = {lv2: false, ladspa: false, vst2: true, vst3: true, clap: true, au: true};

/**
 * Finds plugin files and bundles under `roots`, in order. Format folders are searched by that
 * format's rules; other roots by layout and extension (shared libraries by their exported entry
 * points, read without loading them). Symlink loops and unreadable folders become warnings.
 */
export function discover(roots: Root[], formats?: Format[]): Discovery {
	const candidates: Candidate[] = [];
	const warnings: string[] = [];
	const unreadable: string[] = [];
	const seen = new Set<string>();
	const wanted = (format: Format): boolean => !formats || formats.includes(format);
	roots.forEach((root, rank) => {
		if (root.format && !wanted(root.format)) {
			return;
		}

		const add = (file: string, format: Format, source?: Buffer): void => {
			if (wanted(format) && !seen.has(file)) {
				seen.add(file);
				candidates.push(source ? {path: file, format, rank, source} : {path: file, format, rank});
			}
		};

		let stats: Stats;
		try {
			stats = statSync(root.path);
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
				warnings.push(`cannot read ${root.path}: ${messageOf(error)}`);
				unreadable.push(root.path);
			}

			return;
		}

		if (!stats.isDirectory() || bundleExtensions[path.extname(root.path).toLowerCase()]) {
			const format = root.format ?? classify(root.path, root.path, stats.isDirectory());
			if (format) {
				add(root.path, format);
			} else if (!root.format) {
				warnings.push(`${root.path} is not a plugin file or bundle pluginary recognises`);
			}

			return;
		}

		walk(Buffer.from(root.path), root.format, 0, new Set(), add, {warnings, unreadable});
	});
	return {candidates, warnings, unreadable};
}

type Problems = {warnings: string[]; unreadable: string[]};

/**
 * Walks a folder by its raw bytes, so names that are not valid UTF-8 are found too; such files
 * are reported with their lossy UTF-8 spelling as `path` and their real bytes as `source`.
 */
function walk(dir: Buffer, format: Format | undefined, depth: number, visiting: Set<string>, add: (file: string, format: Format, source?: Buffer) => void, problems: Problems): void {
	const {warnings} = problems;
	const shown = dir.toString('utf8');
	let real: string;
	let entries: Array<Dirent<Buffer>>;
	try {
		real = realpathSync.native(dir, {encoding: 'buffer'}).toString('latin1');
		entries = readdirSync(dir, {withFileTypes: true, encoding: 'buffer'});
	} catch (error) {
		warnings.push(`cannot read folder ${shown}: ${messageOf(error)}`);
		problems.unreadable.push(shown);
		return;
	}

	if (visiting.has(real)) {
		warnings.push(`skipped ${shown}: a symbolic link loops back to ${Buffer.from(real, 'latin1').toString('utf8')}`);
		return;
	}

	visiting.add(real);
	entries.sort((a, b) => Buffer.compare(a.name, b.name));
	for (const entry of entries) {
		const raw = Buffer.concat([dir, Buffer.from(path.sep), entry.name]);
		const full = raw.toString('utf8');
		let isDirectory = entry.isDirectory();
		if (entry.isSymbolicLink()) {
			try {
				isDirectory = statSync(raw).isDirectory();
			} catch {
				warnings.push(`skipped ${full}: broken symbolic link`);
				continue;
			}
		}

		const found = format ? classifyFor(format, full, isDirectory) : classify(raw, full, isDirectory);
		if (found) {
			add(full, found, Buffer.from(full).equals(raw) ? undefined : raw);
			continue;
		}

		const descend = isDirectory && depth < maxDepth && (format === undefined || recursive[format]) && !bundleExtensions[path.extname(full).toLowerCase()];
		if (descend) {
			walk(raw, format, depth + 1, visiting, add, problems);
		}
	}

	visiting.delete(real);
}

/** Whether `file` is a plugin of the given format by that format's layout rules. */
function classifyFor(format: Format, file: string, isDirectory: boolean): Format | undefined {
	const extension = path.extname(file).toLowerCase();
	switch (format) {
		case 'lv2':
		case 'au': {
			return isDirectory && bundleExtensions[extension] === format ? format : undefined;
		}

		case 'vst3':
		case 'clap': {
			return bundleExtensions[extension] === format ? format : undefined;
		}

		case 'ladspa':
		case 'vst2': {
			return !isDirectory && libraryExtensions.has(extension) ? format : undefined;
		}
	}
}

/** The format of a file found outside any format folder, by extension and entry points. */
function classify(raw: Buffer | string, file: string, isDirectory: boolean): Format | undefined {
	const extension = path.extname(file).toLowerCase();
	const bundle = bundleExtensions[extension];
	if (bundle) {
		return bundle === 'lv2' || bundle === 'au' ? (isDirectory ? bundle : undefined) : bundle;
	}

	if (isDirectory || !libraryExtensions.has(extension)) {
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
