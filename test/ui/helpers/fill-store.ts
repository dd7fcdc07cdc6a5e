/**
 * Synthetic catalogs for the explorer's tests and benchmarks: deterministic plugins of every
 * format with parameters of every type, written through the real ingest path.
 */
import {CATEGORIES, FORMATS, type Category, type Format} from '../../../source/catalog/plugin.js';
import {openStore, type Store} from '../../../source/db/open.js';
import {recordFileResult, type CatalogEntry} from '../../../source/db/queries/ingest.js';
import {prng} from '../../helpers/prng.js';

const vendors = ['LSP', 'Damien Zammit', 'Calf Studio Gear', 'x42', 'Steve Harris', 'DISTRHO', 'Guitarix', 'Airwindows', 'TAP', 'ZynAddSubFX', 'Dragonfly', 'Surge Synth Team'];
const words = ['Compressor', 'Reverb', 'Delay', 'Equalizer', 'Gate', 'Limiter', 'Chorus', 'Flanger', 'Phaser', 'Synth', 'Saturator', 'Filter', 'Analyzer', 'Pitch', 'Room', 'Plate', 'Tape', 'Tube', 'Multiband', 'Stereo'];
const suffixes = ['Mono', 'Stereo', 'x8', 'LR', 'MS', 'Pro', 'Lite', ''];

/** One synthetic plugin entry; `i` makes it unique. */
export function syntheticEntry(i: number, next: () => number, parameterCount?: number): CatalogEntry {
	const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
	const format: Format = FORMATS[i % 5]!;
	const category: Category = pick(CATEGORIES);
	const name = `${pick(words)} ${pick(words)} ${pick(suffixes)}`.trim() + ` ${i}`;
	const uid = `synthetic/${i}`;
	const count = parameterCount ?? Math.floor(next() * 24);
	return {
		id: `${format}:${uid}`, format, uid, name, vendor: pick(vendors), version: `1.${i % 10}.0`,
		path: `/synthetic/${format}/plugin-${i}.${format}`, category, categorySource: 'rules', rawCategory: category,
		isInstrument: category === 'instrument', audioInputs: category === 'instrument' ? 0 : 2, audioOutputs: 2, auxInputs: 0,
		midiInputs: category === 'instrument' ? 1 : 0, midiOutputs: 0,
		parameters: Array.from({length: count}, (_, p) => {
			const type = (['float', 'int', 'bool', 'enum'] as const)[p % 4]!;
			return {
				id: `p${p}`, name: type === 'enum' ? `Mode ${p}` : `${pick(['Threshold', 'Ratio', 'Attack', 'Release', 'Gain', 'Mix', 'Frequency', 'Q'])} ${p}`,
				units: type === 'float' ? pick(['dB', 'ms', 'Hz', '%']) : '', min: 0, max: type === 'bool' ? 1 : 100, default: type === 'bool' ? 0 : 50,
				type, steps: type === 'enum' ? 3 : type === 'bool' ? 2 : 0, valueStrings: type === 'enum' ? ['Soft', 'Hard', 'Auto'] : [],
				isOutput: p === count - 1 && count > 5, isAutomatable: true,
			};
		}),
		presets: i % 3 === 0 ? [{name: 'Init'}, {name: 'Warm'}] : [],
	};
}

/** Writes `count` synthetic plugins to the store (one file each). Cost: one transaction per plugin. */
export function fillStore(store: Store, count: number, seed = 1): void {
	const next = prng(seed);
	store.sqlite.transaction(() => {
		for (let i = 0; i < count; i++) {
			const entry = syntheticEntry(i, next);
			recordFileResult(store, {path: entry.path, format: entry.format, size: 1000 + i, mtimeMs: 1_700_000_000_000, status: 'ok'}, [entry], '2026-01-01T12:00:00.000Z');
		}
	})();
}

/** Writes the given entries (one file each). */
export function addEntries(store: Store, entries: CatalogEntry[]): void {
	for (const entry of entries) {
		recordFileResult(store, {path: entry.path, format: entry.format, size: 1, mtimeMs: 1, status: 'ok'}, [entry], '2026-01-01T12:00:00.000Z');
	}
}

/** An in-memory store with four named plugins (two reverbs, two dynamics) the explorer tests type against. */
export function namedStore(): Store {
	const store = openStore(':memory:');
	const next = prng(3);
	addEntries(store, [
		{...syntheticEntry(1, next, 3), name: 'Room Reverb', vendor: 'Dragonfly', category: 'reverb'},
		{...syntheticEntry(2, next, 5), name: 'Compressor Mono', vendor: 'LSP', category: 'dynamics'},
		{...syntheticEntry(3, next, 0), name: 'Plate Reverb', vendor: 'TAP', category: 'reverb'},
		{...syntheticEntry(4, next, 2), name: 'Gate', vendor: 'x42', category: 'dynamics'},
	]);
	return store;
}
