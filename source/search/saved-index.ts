import {closeSync} from 'node:fs';
import {nocaseKey} from '../catalog/name-order.js';
import type {PluginSummary} from '../catalog/plugin.js';
import type {SearchDocument} from './document.js';
import type {Entry} from './entry.js';
import type {FilterDocument} from './filters.js';
import {NameWordTable} from './slot-columns.js';
import {unpackLists, type Postings} from './postings.js';
import {parseQuery, type ParsedQuery} from './query.js';
import {flagBits, readSection, readSummary, type Coded, type SavedFile, type Sections} from './saved-parts.js';
import {Scratch} from './scratch.js';
import {runSearch, type IndexParts, type SearchOptions, type SearchResult} from './searcher.js';
import {jaccardOfCounts, similarity, type SimilarHit, type SimilarityProfile} from './similar.js';
import {Vocabulary} from './suggest.js';
import {TermIndex} from './term-index.js';
import {TextFilterIndex} from './text-filter-index.js';

/**
 * A search index restored from a saved-index file (saved-parts.ts), read-only: the same term
 * index, value indexes and vocabulary SearchIndex builds, over the same slots, so runSearch ranks
 * exactly as on the index they were saved from. Ranking reads names, vendors, hidden flags and
 * the name order from columns; a plugin's summary is read from the file only when a search needs
 * it (filters, phrases, the page shown); the value indexes and the vocabulary are restored on
 * first use. Close it to release the file.
 */
export class SavedIndex implements IndexParts {
	readonly terms: TermIndex;
	readonly capacity: number;
	private readonly restored: {vocabulary?: Vocabulary; vendors?: TextFilterIndex<undefined>; tags?: TextFilterIndex<undefined>; parameters?: TextFilterIndex<undefined>} = {};
	private scratchArrays: Scratch | undefined;
	private nameRank: Int32Array | undefined;
	private live: Int32Array | undefined;
	private valueLists: Array<Postings | undefined> | undefined;
	private namesBySlot: string[][] | undefined;
	private readonly sections: Partial<Sections> = {};
	private readonly entryOf: Array<SavedEntry | undefined> = [];
	readonly words = new NameWordTable(slot => ({name: this.names.texts[this.names.codes[slot]!]!, vendor: this.vendorOf(slot)}));

	/** The hidden flag of each slot: the file's, or the store's when flags are given. */
	private readonly hidden: Uint8Array;

	/** The store's favourite and hidden plugins, when they differ from the ones the file was saved with. */
	private readonly flags: ReadonlyMap<string, Flags> | undefined;

	/**
	 * `flags`: the favourite and hidden plugins as the store has them now (`flaggedPlugins`).
	 * Flags do not change the catalog version (migration 0005), so a saved index answers with the
	 * live ones. When they are the ones it was saved with (the usual case) nothing more is read;
	 * else the slots' ids are read to place them. Without `flags` it answers with the saved ones.
	 */
	constructor(private readonly file: SavedFile, flags?: ReadonlyMap<string, Flags>) {
		const {parts} = file;
		this.terms = TermIndex.fromParts(parts.terms);
		this.capacity = parts.capacity;
		this.flags = flags && !sameFlags(flags, parts.flagged) ? flags : undefined;
		this.hidden = this.flags ? Uint8Array.from(this.section('similarity').ids, id => (this.flags!.get(id)?.hidden ? 1 : 0)) : parts.hidden;
		this.words.grow(this.capacity);
	}

	get vocabulary(): Vocabulary {
		return this.restored.vocabulary ??= Vocabulary.fromCounts(this.file.parts.vocabulary);
	}

	get vendors(): TextFilterIndex<undefined> {
		return this.restored.vendors ??= TextFilterIndex.fromParts(this.file.parts.vendors);
	}

	get tags(): TextFilterIndex<undefined> {
		return this.restored.tags ??= TextFilterIndex.fromParts(this.file.parts.tags);
	}

	get parameters(): TextFilterIndex<undefined> {
		return this.restored.parameters ??= TextFilterIndex.fromParts(this.section('parameters'));
	}

	/** The entry of a live slot, made on first use. */
	entry(slot: number): SavedEntry {
		this.entryOf[slot] ??= new SavedEntry(this, slot);
		return this.entryOf[slot];
	}

	/** Number of plugins in the index. */
	get size(): number {
		return this.file.parts.sorted.length;
	}

	/** Releases the file (summaries cannot be read after). */
	close(): void {
		closeSync(this.file.fd);
	}

	get names(): Coded {
		return this.file.parts.names;
	}

	private vendorOf(slot: number): string {
		const {vendorNames} = this.file.parts;
		return vendorNames.texts[vendorNames.codes[slot]!]!;
	}

	isHidden(slot: number): boolean {
		return this.hidden[slot] === 1;
	}

	/** The whole document: a saved index reads a summary from its file only for the slots a filter tests. */
	filterDocument(slot: number): FilterDocument {
		return this.entry(slot).document;
	}

	/** The name order, as the rank of each slot in the saved name order (the same order compareEntries gives). */
	compareSlots(a: number, b: number): number {
		if (!this.nameRank) {
			this.nameRank = new Int32Array(this.capacity);
			this.file.parts.sorted.forEach((slot, rank) => {
				this.nameRank![slot] = rank;
			});
		}

		return this.nameRank[a]! - this.nameRank[b]!;
	}

	/** The summary of a slot, read from the file. */
	summaryAt(slot: number): PluginSummary {
		const summary = JSON.parse(readSummary(this.file, slot)) as PluginSummary;
		if (this.flags) {
			const flags = this.flags.get(summary.id);
			summary.favorite = flags?.favorite ?? false;
			summary.hidden = flags?.hidden ?? false;
		}

		return summary;
	}

	/** The parameter names of a slot (in no particular order), from the parameter value index (inverted once, on first use). */
	parameterNamesAt(slot: number): string[] {
		if (!this.namesBySlot) {
			const {values} = this.section('parameters');
			const bySlot: string[][] = Array.from({length: this.capacity}, () => []);
			this.lists().forEach((list, value) => {
				for (const each of list?.ids ?? []) {
					bySlot[each]!.push(values[value]!);
				}
			});
			this.namesBySlot = bySlot;
		}

		return this.namesBySlot[slot]!;
	}

	search(query: string | ParsedQuery, options: SearchOptions = {}): SearchResult {
		return runSearch(this, typeof query === 'string' ? parseQuery(query) : query, options);
	}

	scratch(): Scratch {
		this.scratchArrays ??= new Scratch(this.capacity);
		return this.scratchArrays;
	}

	sortedSlots(): Int32Array {
		return this.file.parts.sorted;
	}

	liveSlots(): Int32Array {
		this.live ??= Int32Array.from(this.file.parts.sorted).sort();
		return this.live;
	}

	/**
	 * Plugins like the plugin `id`, exactly as similarTo ranks them (similar.ts), from the saved
	 * columns: the parameter overlap is counted through the parameter value index (the target's
	 * normal forms, then the slots holding each), so only the hits shown read their summary.
	 * Undefined when `id` is not indexed.
	 */
	similar(id: string, limit: number): SimilarHit[] | undefined {
		const target = this.slotOf(id);
		if (target === undefined) {
			return undefined;
		}

		const shared = this.sharedNormals(target);
		const targetProfile = this.profileAt(target);
		const {normalCount} = this.section('similarity');
		const hitOf = (slot: number): Omit<SimilarHit, 'summary'> =>
			similarity(targetProfile, this.profileAt(slot), jaccardOfCounts(shared[slot]!, normalCount[target]!, normalCount[slot]!));
		// Scores first (no hit objects kept), then the best `limit` rescored with their parts.
		const {sorted} = this.file.parts;
		const scores = new Float64Array(sorted.length);
		const order: number[] = [];
		sorted.forEach((slot, rank) => {
			scores[rank] = slot === target ? 0 : hitOf(slot).score;
			if (scores[rank]! > 0) {
				order.push(rank);
			}
		});
		// Stable sort over ranks in name order: ties stay in name order, as similarTo orders them.
		order.sort((a, b) => scores[b]! - scores[a]!);
		return order.slice(0, limit).map(rank => ({summary: this.entry(sorted[rank]!).summary, ...hitOf(sorted[rank]!)}));
	}

	/** Per slot: how many of the target's distinct normal parameter names it holds (through the saved lists of slots per normal name). */
	private sharedNormals(target: number): Uint32Array {
		const {sizes, slots} = this.section('similarity').normalSlots;
		const shared = new Uint32Array(this.capacity);
		let start = 0;
		for (const size of sizes) {
			const end = start + size;
			if (holds(slots, start, end, target)) {
				for (let at = start; at < end; at++) {
					shared[slots[at]!]++;
				}
			}

			start = end;
		}

		return shared;
	}

	private profileAt(slot: number): SimilarityProfile {
		const columns = this.section('similarity');
		const vendor = columns.vendor.codes[slot]!;
		return {
			category: columns.category.texts[columns.category.codes[slot]!]!,
			vendor: vendor === 0 ? undefined : columns.vendor.texts[vendor],
			format: columns.format.texts[columns.format.codes[slot]!]!,
			key: columns.key[slot]!,
			isInstrument: columns.isInstrument[slot] === 1,
			audioInputs: columns.audioInputs[slot]!,
			audioOutputs: columns.audioOutputs[slot]!,
		};
	}

	private slotOf(id: string): number | undefined {
		const slot = this.section('similarity').ids.indexOf(id);
		return slot === -1 || id === '' ? undefined : slot;
	}

	private section<K extends keyof Sections>(name: K): Sections[K] {
		this.sections[name] ??= readSection(this.file, name);
		return this.sections[name]!;
	}

	private lists(): Array<Postings | undefined> {
		this.valueLists ??= unpackLists(this.section('parameters').postings);
		return this.valueLists;
	}
}

/** An entry (and its document) whose summary and parameter names are read on first use: most searches read a few. */
class SavedEntry implements Entry, SearchDocument {
	key?: string;
	private cachedSummary: PluginSummary | undefined;
	private cachedSortName: string | undefined;

	constructor(private readonly index: SavedIndex, readonly slot: number) {}

	get document(): SearchDocument {
		return this;
	}

	get summary(): PluginSummary {
		this.cachedSummary ??= this.index.summaryAt(this.slot);
		return this.cachedSummary;
	}

	get parameterNames(): string[] {
		return this.index.parameterNamesAt(this.slot);
	}

	get sortName(): string {
		this.cachedSortName ??= nocaseKey(this.summary.name);
		return this.cachedSortName;
	}
}

/** A plugin's curation flags. */
type Flags = {favorite: boolean; hidden: boolean};

/** Whether the store's flags are the ones a file was saved with. */
function sameFlags(flags: ReadonlyMap<string, Flags>, saved: ReadonlyArray<[string, number]>): boolean {
	return flags.size === saved.length && saved.every(([id, bits]) => {
		const now = flags.get(id);
		return now !== undefined && flagBits(now) === bits;
	});
}

/** Whether the ascending slots from `start` to `end` hold `slot` (binary search). */
function holds(slots: ArrayLike<number>, start: number, end: number, slot: number): boolean {
	let low = start;
	let high = end;
	while (low < high) {
		const middle = (low + high) >>> 1;
		if (slots[middle]! < slot) {
			low = middle + 1;
		} else {
			high = middle;
		}
	}

	return low < end && slots[low] === slot;
}
