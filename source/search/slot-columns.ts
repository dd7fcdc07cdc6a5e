import type {PluginSummary} from '../catalog/plugin.js';
import type {FilterColumns} from './filters.js';
import type {Coded} from './saved-parts.js';
import {wordsOf} from './text-filter-index.js';

/**
 * What a search reads of every matched or filtered slot, as typed columns indexed by slot: the
 * hidden flag, the name as a number (names repeat across formats), and the facts the count and
 * exact-text filters test (filters.ts `columnTest`). Read over many slots, columns stay in cache
 * where records do not (docs/search.md). Texts only gain numbers; an index compaction starts afresh.
 */
export class SlotColumns implements FilterColumns {
	hidden = new Uint8Array(0);
	readonly names = new GrowingCoded();
	readonly format = new GrowingCoded();
	readonly category = new GrowingCoded();
	parameterCount = new Int32Array(0);
	audioInputs = new Int32Array(0);
	audioOutputs = new Int32Array(0);

	/** Makes room for slots below `capacity`. */
	grow(capacity: number): void {
		this.hidden = grown(this.hidden, capacity);
		this.parameterCount = grown(this.parameterCount, capacity);
		this.audioInputs = grown(this.audioInputs, capacity);
		this.audioOutputs = grown(this.audioOutputs, capacity);
		for (const column of [this.names, this.format, this.category]) {
			column.codes = grown(column.codes, capacity);
		}
	}

	/** Writes a slot's values. */
	set(slot: number, summary: PluginSummary): void {
		this.hidden[slot] = summary.hidden ? 1 : 0;
		this.names.set(slot, summary.name);
		this.format.set(slot, summary.format);
		this.category.set(slot, summary.category);
		this.parameterCount[slot] = summary.parameterCount;
		this.audioInputs[slot] = summary.audioInputs;
		this.audioOutputs[slot] = summary.audioOutputs;
	}
}

/**
 * The words of the plugins' names, each with a number, and per slot the numbers of its name's
 * words that are not its vendor's words ("Calf Compressor" by Calf → [compressor]), one after
 * another in one array: counting a hit's other words reads small integers (rerank.ts `otherWordsCounter`).
 * An index sets each slot as it adds it; a saved index gives `source` and each slot is set on
 * first use. Removed slots leave their numbers behind until the index is compacted.
 */
export class NameWordTable {
	/** The word of each number. */
	readonly words: string[] = [];
	private readonly numberOf = new Map<string, number>();
	/** Per slot: where its numbers start in `pool` (-1: not set yet), and how many there are. */
	private start = new Int32Array(0);
	private length = new Uint8Array(0);
	private pool = new Int32Array(1024);
	private used = 0;

	constructor(private readonly source?: (slot: number) => {name: string; vendor: string}) {}

	/** Makes room for slots below `capacity`. */
	grow(capacity: number): void {
		const start = new Int32Array(capacity).fill(-1);
		start.set(this.start);
		const length = new Uint8Array(capacity);
		length.set(this.length);
		[this.start, this.length] = [start, length];
	}

	/** Sets a slot's numbers: the words (`wordsOf`) of `name` that are not words of `vendor` (at most 255). */
	set(slot: number, name: string, vendor: string): void {
		const vendorWords = wordsOf(vendor);
		const others = wordsOf(name).filter(word => !vendorWords.includes(word)).slice(0, 255);
		if (this.used + others.length > this.pool.length) {
			const pool = new Int32Array(Math.max(this.pool.length * 2, this.used + others.length));
			pool.set(this.pool);
			this.pool = pool;
		}

		this.start[slot] = this.used;
		this.length[slot] = others.length;
		for (const word of others) {
			let number = this.numberOf.get(word);
			if (number === undefined) {
				number = this.words.length;
				this.words.push(word);
				this.numberOf.set(word, number);
			}

			this.pool[this.used++] = number;
		}
	}

	/** How many of the slot's numbers `covered` says no to. */
	countUncovered(slot: number, covered: (number: number) => boolean): number {
		if (this.start[slot] === -1) {
			const {name, vendor} = this.source!(slot);
			this.set(slot, name, vendor);
		}

		let count = 0;
		for (let at = this.start[slot], end = at + this.length[slot]; at < end; at++) {
			if (!covered(this.pool[at])) {
				count++;
			}
		}

		return count;
	}
}

/** A text column: each slot's text as a number into `texts`. */
class GrowingCoded implements Coded {
	readonly texts: string[] = [];
	codes = new Uint32Array(0);
	private readonly codeOf = new Map<string, number>();

	set(slot: number, text: string): void {
		let code = this.codeOf.get(text);
		if (code === undefined) {
			code = this.texts.length;
			this.texts.push(text);
			this.codeOf.set(text, code);
		}

		this.codes[slot] = code;
	}
}

/** A copy of `array` with room for `capacity` values (the new ones 0). */
function grown<T extends Uint8Array | Uint32Array | Int32Array>(array: T, capacity: number): T {
	const copy = new (array.constructor as new (length: number) => T)(capacity);
	copy.set(array);
	return copy;
}
