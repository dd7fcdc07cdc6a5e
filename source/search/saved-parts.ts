import {Buffer} from 'node:buffer';
import {closeSync, constants, fstatSync, lstatSync, openSync, readSync, renameSync, rmSync, writeSync} from 'node:fs';
import process from 'node:process';
import {deserialize, serialize} from 'node:v8';
import type {CatalogVersion} from '../db/queries/catalog-version.js';
import type {SearchIndex} from './index.js';
import {normalName, similarityProfile} from './similar.js';
import type {VocabularyCounts} from './suggest.js';
import type {TermParts} from './term-index.js';
import type {TextFilterParts} from './text-filter-index.js';

/** Bumped whenever the layout of SavedParts changes (an older file is then rebuilt). */
const LAYOUT = 7;
/** Bytes before the parts: the parts' length (u32 LE) and the layout (u32 LE). */
const HEAD = 8;

/** Text column: each distinct text once, and a code per slot. */
export type Coded = {texts: string[]; codes: Uint32Array};

/**
 * What every search reads of an index, as plain arrays. The saved-index file is a small head, these
 * parts (v8-serialized), then the sections (read when a search needs them) and the summaries' JSON
 * (read slot by slot).
 */
export type SavedParts = CatalogVersion & {
	layout: number;
	capacity: number;
	terms: TermParts;
	vocabulary: VocabularyCounts;
	vendors: TextFilterParts;
	tags: TextFilterParts;
	/** The live slots in name order. */
	sorted: Int32Array;
	/** Per slot: what ranking reads of every match. */
	names: Coded;
	vendorNames: Coded;
	hidden: Uint8Array;
	/** The favourite and hidden plugins when it was saved, by id: 1 favourite, 2 hidden, 3 both (SavedIndex compares them with the store's). */
	flagged: Array<[string, number]>;
	/** Per slot: where its summary's JSON ends in the summaries (empty for a free slot). */
	summaryEnds: Uint32Array;
	/** Where each section, and then the summaries, start after these parts: [offset, length] bytes. */
	sections: Record<keyof Sections | 'summaries', [number, number]>;
};

/** What only some searches read, each read from the file on first use. */
export type Sections = {
	/** The parameter-name value index (`param:` filters, phrases, similar). */
	parameters: TextFilterParts;
	similarity: SimilarityColumns;
};

/** The similarity profile (similar.ts) of every slot as columns, and the parameter names' normal forms. */
export type SimilarityColumns = {
	category: Coded;
	/** Vendor words; code 0 is "no vendor". */
	vendor: Coded;
	format: Coded;
	/** Per slot: a number standing for its duplicate key (the keys themselves are not needed). */
	key: Uint32Array;
	/** Per slot ('' for a free slot): the plugin id. */
	ids: string[];
	isInstrument: Uint8Array;
	audioInputs: Int32Array;
	audioOutputs: Int32Array;
	/** Per distinct normal form of a parameter name (similar.ts, `normalName`): the slots holding it, ascending. */
	normalSlots: SlotLists;
	/** Per slot: how many distinct non-empty normal forms its parameter names have. */
	normalCount: Uint32Array;
};

/** Lists of slots in two arrays: each list's size, and every list's slots one after another (16 bits when they fit). */
export type SlotLists = {sizes: Uint32Array; slots: Uint16Array | Int32Array};

/** A saved index file's parts; its sections and summaries are still in the file, from `base` on. */
export type SavedFile = {parts: SavedParts; fd: number; base: number};

/** A saved index as bytes: the parts, then the sections and the summaries. */
type SavedBytes = {parts: SavedParts; body: Buffer[]};

/** A plugin's favourite and hidden flags as the saved `flagged` list holds them: 1 favourite, 2 hidden, 3 both. */
export function flagBits({favorite, hidden}: {favorite: boolean; hidden: boolean}): number {
	return (favorite ? 1 : 0) + (hidden ? 2 : 0);
}

/** The saved form of a freshly built index at a catalog version. */
export function savedParts(index: SearchIndex, version: CatalogVersion): SavedBytes {
	const {entries} = index;
	const summaries = entries.map(entry => (entry ? JSON.stringify(entry.document.summary) : ''));
	const summaryEnds = new Uint32Array(entries.length);
	summaries.reduce((end, json, slot) => (summaryEnds[slot] = end + Buffer.byteLength(json)), 0);
	const parameters = index.parameters.parts();
	const body = [serialize(parameters), serialize(similarityColumns(index)), Buffer.from(summaries.join(''))];
	const [parametersAt, similarityAt, summariesAt] = [0, body[0]!.length, body[0]!.length + body[1]!.length];
	return {
		body,
		parts: {
			layout: LAYOUT,
			...version,
			capacity: index.capacity,
			terms: index.terms.parts(),
			vocabulary: index.vocabulary.counts(),
			vendors: index.vendors.parts(),
			tags: index.tags.parts(),
			sorted: index.sortedSlots(),
			names: coded(entries.map(entry => entry?.document.summary.name ?? '')),
			vendorNames: coded(entries.map(entry => entry?.document.summary.vendor ?? '')),
			hidden: Uint8Array.from(entries, entry => (entry?.document.summary.hidden ? 1 : 0)),
			flagged: entries.flatMap(entry => {
				const flags = entry ? flagBits(entry.document.summary) : 0;
				return flags === 0 ? [] : [[entry!.document.summary.id, flags] as [string, number]];
			}),
			summaryEnds,
			sections: {parameters: [parametersAt, body[0]!.length], similarity: [similarityAt, body[1]!.length], summaries: [summariesAt, body[2]!.length]},
		},
	};
}

function similarityColumns(index: SearchIndex): SimilarityColumns {
	const profiles = index.entries.map(entry => (entry ? similarityProfile(entry.document.summary) : undefined));
	// Each normal form as a number, in first-seen order; a slot's forms deduplicated with a stamp per number.
	const numberOf = new Map<string, number>();
	const numberOfName = new Map<string, number>();
	const normalLists: number[][] = [];
	const lastSlot: number[] = [];
	const normalCount = Uint32Array.from(index.entries, (entry, slot) => {
		let count = 0;
		for (const name of entry?.document.parameterNames ?? []) {
			let number = numberOfName.get(name);
			if (number === undefined) {
				const normal = normalName(name);
				number = normal === '' ? -1 : numberOf.get(normal) ?? normalLists.length;
				if (number === normalLists.length) {
					numberOf.set(normal, number);
					normalLists.push([]);
					lastSlot.push(-1);
				}

				numberOfName.set(name, number);
			}

			if (number !== -1 && lastSlot[number] !== slot) {
				lastSlot[number] = slot;
				normalLists[number]!.push(slot);
				count++;
			}
		}

		return count;
	});
	const lists = normalLists;
	const flat = lists.flat();
	return {
		category: coded(profiles.map(profile => profile?.category ?? '')),
		vendor: coded(profiles.map(profile => profile?.vendor), true),
		format: coded(profiles.map(profile => profile?.format ?? '')),
		key: coded(profiles.map(profile => String(profile?.key ?? ''))).codes,
		ids: index.entries.map(entry => entry?.document.summary.id ?? ''),
		isInstrument: Uint8Array.from(profiles, profile => (profile?.isInstrument ? 1 : 0)),
		audioInputs: Int32Array.from(profiles, profile => profile?.audioInputs ?? 0),
		audioOutputs: Int32Array.from(profiles, profile => profile?.audioOutputs ?? 0),
		normalSlots: {sizes: Uint32Array.from(lists, list => list.length), slots: index.capacity <= 0x1_00_00 ? Uint16Array.from(flat) : Int32Array.from(flat)},
		normalCount,
	};
}

/** A text column; with `undefinedFirst`, code 0 stands for undefined. */
function coded(values: ReadonlyArray<string | undefined>, undefinedFirst = false): Coded {
	const codeOf = new Map<string | undefined, number>(undefinedFirst ? [[undefined, 0]] : []);
	const codes = Uint32Array.from(values, value => {
		let code = codeOf.get(value);
		if (code === undefined) {
			code = codeOf.size;
			codeOf.set(value, code);
		}

		return code;
	});
	return {texts: [...codeOf.keys()].map(text => text ?? ''), codes};
}

/**
 * Opens the saved index in `file` when it holds this catalog version (else undefined: missing,
 * stale, another layout, unreadable). The summaries stay in the file, read slot by slot from the
 * returned descriptor (the caller closes it).
 */
export function openSavedFile(file: string, version: CatalogVersion): SavedFile | undefined {
	let fd: number | undefined;
	try {
		// Never blocks on what is not a regular file (a FIFO put there): docs/scanning-safety.md.
		fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
		if (!fstatSync(fd).isFile()) {
			throw new Error('not a regular file');
		}

		const head = Buffer.alloc(HEAD);
		if (readSync(fd, head, 0, HEAD, 0) !== HEAD || head.readUInt32LE(4) !== LAYOUT) {
			throw new Error('another layout');
		}

		const bytes = readBytes(fd, HEAD, head.readUInt32LE(0));
		const parts = deserialize(bytes) as SavedParts;
		if (parts.layout !== LAYOUT || parts.catalog !== version.catalog || parts.version !== version.version) {
			throw new Error('stale');
		}

		return {parts, fd, base: HEAD + bytes.length};
	} catch {
		if (fd !== undefined) {
			closeSync(fd);
		}

		return undefined;
	}
}

/** The JSON of one slot's summary, read from the file. */
export function readSummary({parts, fd, base}: SavedFile, slot: number): string {
	const start = slot === 0 ? 0 : parts.summaryEnds[slot - 1]!;
	return readBytes(fd, base + parts.sections.summaries[0] + start, parts.summaryEnds[slot]! - start).toString('utf8');
}

/** One section of the file. */
export function readSection<K extends keyof Sections>({parts, fd, base}: SavedFile, name: K): Sections[K] {
	const [offset, length] = parts.sections[name];
	return deserialize(readBytes(fd, base + offset, length)) as Sections[K];
}

function readBytes(fd: number, position: number, length: number): Buffer {
	const bytes = Buffer.allocUnsafe(length);
	if (readSync(fd, bytes, 0, length, position) !== length) {
		throw new Error('The saved search index was cut short.');
	}

	return bytes;
}

/** The saved index replaces only a regular file of its own name (or nothing): never a device, FIFO, folder or link. */
function replaceable(file: string): boolean {
	try {
		return lstatSync(file).isFile();
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'ENOENT';
	}
}

/**
 * Writes a saved index to `file` atomically (a temporary file renamed over it). A folder that
 * cannot be written only means the next search builds again: failures are ignored.
 */
export function writeSavedFile(file: string, {parts, body}: SavedBytes): void {
	const temporary = `${file}.${process.pid}.tmp`;
	try {
		const bytes = serialize(parts);
		const head = Buffer.alloc(HEAD);
		head.writeUInt32LE(bytes.length, 0);
		head.writeUInt32LE(LAYOUT, 4);
		if (!replaceable(file)) {
			return;
		}

		rmSync(temporary, {force: true});
		const fd = openSync(temporary, 'wx', 0o644);
		try {
			for (const piece of [head, bytes, ...body]) {
				for (let written = 0; written < piece.length;) {
					written += writeSync(fd, piece, written);
				}
			}
		} finally {
			closeSync(fd);
		}

		renameSync(temporary, file);
	} catch {
		rmSync(temporary, {force: true});
	}
}
