import type {PluginSummary} from '../catalog/plugin.js';
import type {QueryFilter} from './query.js';

const FLAG_INSTRUMENT = 1;
const FLAG_FAVORITE = 2;
const FLAG_HIDDEN = 4;

/** A filter the columns answer (the text filters go through value indexes instead). */
export type ColumnFilter = Extract<QueryFilter, {field: 'format' | 'category' | 'is' | 'params' | 'in' | 'out'}>;

/**
 * The per-plugin values the query language filters on, as typed arrays indexed by the index's
 * slot: format and category codes, instrument/favourite/hidden flags, parameter and audio counts.
 * A filter becomes a closure over one array, so testing a slot is one read. Cost: 15 bytes a slot.
 */
export class FilterColumns {
	private readonly formatCodes = new Map<string, number>();
	private readonly categoryCodes = new Map<string, number>();
	private format = new Uint8Array(0);
	private category = new Uint8Array(0);
	private flags = new Uint8Array(0);
	private parameterCount = new Int32Array(0);
	private audioInputs = new Int32Array(0);
	private audioOutputs = new Int32Array(0);

	/** Makes room for `capacity` slots, keeping the values of the existing ones. */
	grow(capacity: number): void {
		const grow = <T extends Uint8Array | Int32Array>(old: T, make: (length: number) => T): T => {
			const next = make(capacity);
			next.set(old);
			return next;
		};

		this.format = grow(this.format, length => new Uint8Array(length));
		this.category = grow(this.category, length => new Uint8Array(length));
		this.flags = grow(this.flags, length => new Uint8Array(length));
		this.parameterCount = grow(this.parameterCount, length => new Int32Array(length));
		this.audioInputs = grow(this.audioInputs, length => new Int32Array(length));
		this.audioOutputs = grow(this.audioOutputs, length => new Int32Array(length));
	}

	/** Stores a plugin's values at its slot. */
	set(slot: number, summary: PluginSummary): void {
		this.format[slot] = codeOf(this.formatCodes, summary.format);
		this.category[slot] = codeOf(this.categoryCodes, summary.category);
		this.flags[slot] = (summary.isInstrument ? FLAG_INSTRUMENT : 0) | (summary.favorite ? FLAG_FAVORITE : 0) | (summary.hidden ? FLAG_HIDDEN : 0);
		this.parameterCount[slot] = summary.parameterCount;
		this.audioInputs[slot] = summary.audioInputs;
		this.audioOutputs[slot] = summary.audioOutputs;
	}

	/** A test that passes the plugins that are not hidden. */
	visible(): (slot: number) => boolean {
		const {flags} = this;
		return slot => (flags[slot]! & FLAG_HIDDEN) === 0;
	}

	/** The test of one filter (ignoring its negation). */
	check(filter: ColumnFilter): (slot: number) => boolean {
		switch (filter.field) {
			case 'format': {
				const code = this.formatCodes.get(filter.value) ?? -1;
				const {format} = this;
				return slot => format[slot] === code;
			}

			case 'category': {
				const code = this.categoryCodes.get(filter.value) ?? -1;
				const {category} = this;
				return slot => category[slot] === code;
			}

			case 'is': {
				const {flags} = this;
				const bit = filter.value === 'instrument' || filter.value === 'effect' ? FLAG_INSTRUMENT : filter.value === 'fav' ? FLAG_FAVORITE : FLAG_HIDDEN;
				return filter.value === 'effect' ? slot => (flags[slot]! & bit) === 0 : slot => (flags[slot]! & bit) !== 0;
			}

			case 'params':
			case 'in':
			case 'out': {
				const column = filter.field === 'params' ? this.parameterCount : filter.field === 'in' ? this.audioInputs : this.audioOutputs;
				return compareTo(column, filter.op, filter.value);
			}
		}
	}
}

function compareTo(column: Int32Array, op: '>' | '<' | '>=' | '<=' | '=', wanted: number): (slot: number) => boolean {
	switch (op) {
		case '>': {
			return slot => column[slot]! > wanted;
		}

		case '<': {
			return slot => column[slot]! < wanted;
		}

		case '>=': {
			return slot => column[slot]! >= wanted;
		}

		case '<=': {
			return slot => column[slot]! <= wanted;
		}

		case '=': {
			return slot => column[slot] === wanted;
		}
	}
}

function codeOf(codes: Map<string, number>, value: string): number {
	let code = codes.get(value);
	if (code === undefined) {
		code = codes.size + 1;
		codes.set(value, code);
	}

	return code;
}
