import {readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import {Buffer} from 'node:buffer';
import process from 'node:process';
import {deserialize, serialize} from 'node:v8';
import type {CatalogVersion} from '../db/queries/catalog-version.js';
import {nocaseKey} from '../catalog/name-order.js';
import type {PluginSummary} from '../catalog/plugin.js';
import type {SearchDocument} from './document.js';
import type {Entry} from './entry.js';
import type {SearchIndex} from './index.js';
import {packLists, Postings, unpackLists, type PackedLists} from './postings.js';
import {parseQuery, type ParsedQuery} from './query.js';
import {Scratch} from './scratch.js';
import {runSearch, type IndexParts, type SearchOptions, type SearchResult} from './searcher.js';
import {Vocabulary, type VocabularyCounts} from './suggest.js';
import {TermIndex, type TermParts} from './term-index.js';
import {TextFilterIndex, type TextFilterParts} from './text-filter-index.js';

/** Bumped whenever the layout of SavedParts changes (an older file is then rebuilt). */
const LAYOUT = 2;

/** Everything a search reads of an index, as plain arrays: what the saved-index file holds. */
export type SavedParts = CatalogVersion & {
	layout: number;
	capacity: number;
	terms: TermParts;
	vocabulary: VocabularyCounts;
	vendors: TextFilterParts;
	tags: TextFilterParts;
	parameters: TextFilterParts;
	/** Per slot: the summary as JSON (empty for a free slot), in one UTF-8 text; read when a search first needs it. */
	summaries: Texts;
	/** Per slot: its parameter names, as positions in `parameters.values`. */
	parameterNames: PackedLists;
	/** The live slots in name order. */
	sorted: Int32Array;
};

/** The parts of a freshly built index at a catalog version (see `SavedIndex`). */
export function savedParts(index: SearchIndex, version: CatalogVersion): SavedParts {
	const parameters = index.parameters.parts();
	const position = new Map(parameters.values.map((value, at) => [value, at]));
	const {entries} = index;
	return {
		layout: LAYOUT,
		...version,
		capacity: index.capacity,
		terms: index.terms.parts(),
		vocabulary: index.vocabulary.counts(),
		vendors: index.vendors.parts(),
		tags: index.tags.parts(),
		parameters,
		summaries: packTexts(entries.map(entry => (entry ? JSON.stringify(entry.document.summary) : ''))),
		parameterNames: packLists(entries.map(entry => Postings.of(Int32Array.from(entry?.document.parameterNames ?? [], name => position.get(name)!)))),
		sorted: index.sortedSlots(),
	};
}

/**
 * A search index restored from saved parts, read-only: the same structures SearchIndex builds
 * (term index, value indexes, vocabulary) over the same slots, so runSearch ranks exactly as it
 * does on the index they were saved from. What a search may not need — the value indexes, the
 * vocabulary, each plugin's summary — is restored on first use.
 */
export class SavedIndex implements IndexParts {
	readonly terms: TermIndex;
	readonly entries: Array<Entry | undefined>;
	readonly capacity: number;
	private scratchArrays: Scratch | undefined;
	private restored: {vocabulary?: Vocabulary; vendors?: TextFilterIndex<undefined>; tags?: TextFilterIndex<undefined>; parameters?: TextFilterIndex<undefined>} = {};
	private parameterLists: Array<Postings | undefined> | undefined;
	private slotOf: Map<string, number> | undefined;

	constructor(private readonly parts: SavedParts) {
		this.terms = TermIndex.fromParts(parts.terms);
		this.capacity = parts.capacity;
		const {ends} = parts.summaries;
		this.entries = Array.from(ends, (end, slot) => (end === (slot === 0 ? 0 : ends[slot - 1]) ? undefined : new SavedEntry(this, slot)));
	}

	get vocabulary(): Vocabulary {
		return this.restored.vocabulary ??= Vocabulary.fromCounts(this.parts.vocabulary);
	}

	get vendors(): TextFilterIndex<undefined> {
		return this.restored.vendors ??= TextFilterIndex.fromParts(this.parts.vendors);
	}

	get tags(): TextFilterIndex<undefined> {
		return this.restored.tags ??= TextFilterIndex.fromParts(this.parts.tags);
	}

	get parameters(): TextFilterIndex<undefined> {
		return this.restored.parameters ??= TextFilterIndex.fromParts(this.parts.parameters);
	}

	/** Number of plugins in the index. */
	get size(): number {
		return this.parts.sorted.length;
	}

	/** The document of a plugin id, if indexed. */
	get(id: string): SearchDocument | undefined {
		this.slotOf ??= new Map(this.entries.filter(entry => entry !== undefined).map(entry => [entry.document.summary.id, entry.slot]));
		const slot = this.slotOf.get(id);
		return slot === undefined ? undefined : this.entries[slot]!.document;
	}

	/** All documents, in slot order. */
	documents(): SearchDocument[] {
		return this.entries.filter(entry => entry !== undefined).map(entry => entry.document);
	}

	/** The summary of a slot, read from the saved parts. */
	summaryAt(slot: number): PluginSummary {
		return JSON.parse(textAt(this.parts.summaries, slot)) as PluginSummary;
	}

	/** The parameter names of a slot, read from the saved parts. */
	parameterNamesAt(slot: number): string[] {
		this.parameterLists ??= unpackLists(this.parts.parameterNames);
		const {values} = this.parts.parameters;
		return Array.from(this.parameterLists[slot]?.ids ?? [], at => values[at]!);
	}

	search(query: string | ParsedQuery, options: SearchOptions = {}): SearchResult {
		return runSearch(this, typeof query === 'string' ? parseQuery(query) : query, options);
	}

	scratch(): Scratch {
		this.scratchArrays ??= new Scratch(this.capacity);
		return this.scratchArrays;
	}

	sortedSlots(): Int32Array {
		return this.parts.sorted;
	}
}

/** An entry whose summary and parameter names are read from the saved parts on first use (most searches read a few). */
class SavedEntry implements Entry, SearchDocument {
	key?: string;
	private cachedSummary: PluginSummary | undefined;
	private cachedSortName: string | undefined;
	private cachedNames: string[] | undefined;

	constructor(private readonly index: SavedIndex, readonly slot: number) {}

	get document(): SearchDocument {
		return this;
	}

	get summary(): PluginSummary {
		this.cachedSummary ??= this.index.summaryAt(this.slot);
		return this.cachedSummary;
	}

	get parameterNames(): string[] {
		this.cachedNames ??= this.index.parameterNamesAt(this.slot);
		return this.cachedNames;
	}

	get sortName(): string {
		this.cachedSortName ??= nocaseKey(this.summary.name);
		return this.cachedSortName;
	}
}

/** Texts in one UTF-8 buffer: each text ends at its `ends` offset (and starts where the one before ends). */
type Texts = {utf8: Uint8Array; ends: Uint32Array};

function packTexts(texts: readonly string[]): Texts {
	const encoded = texts.map(text => Buffer.from(text, 'utf8'));
	const ends = new Uint32Array(texts.length);
	let end = 0;
	encoded.forEach((bytes, at) => {
		end += bytes.length;
		ends[at] = end;
	});
	return {utf8: Buffer.concat(encoded), ends};
}

function textAt({utf8, ends}: Texts, at: number): string {
	return Buffer.from(utf8.buffer, utf8.byteOffset, utf8.byteLength).toString('utf8', at === 0 ? 0 : ends[at - 1], ends[at]);
}

/** The saved index in `file` when it holds this catalog version, else undefined (missing, stale, unreadable). */
export function readSavedIndex(file: string, version: CatalogVersion): SavedIndex | undefined {
	let parts: SavedParts;
	try {
		parts = deserialize(readFileSync(file)) as SavedParts;
	} catch {
		return undefined;
	}

	const current = parts?.layout === LAYOUT && parts.catalog === version.catalog && parts.version === version.version;
	return current ? new SavedIndex(parts) : undefined;
}

/**
 * Writes saved parts to `file` atomically (a temporary file renamed over it). A folder that
 * cannot be written only means the next search builds again: failures are ignored.
 */
export function writeSavedIndex(file: string, parts: SavedParts): void {
	const temporary = `${file}.${process.pid}.tmp`;
	try {
		writeFileSync(temporary, serialize(parts));
		renameSync(temporary, file);
	} catch {
		rmSync(temporary, {force: true});
	}
}
