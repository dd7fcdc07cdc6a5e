import type {PluginSummary} from '../catalog/plugin.js';
import type {FilterColumns} from './filters.js';
import type {Coded} from './saved-parts.js';

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
