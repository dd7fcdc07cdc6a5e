import {words} from './text.js';
import {NAME_TERMS, NEGATIONS, PARAMETER_TERMS, VENDOR_NAMES, type Term} from './category-vocabulary.js';
import type {Category, Format} from './plugin.js';

/** Where a piece of evidence came from. */
export type SignalKind = 'name' | 'negation' | 'parameter' | 'shape' | 'format' | 'io';

/** One piece of evidence: what was seen, the category it speaks for, and its weight. */
export type Signal = {kind: SignalKind; text: string; category: Category; weight: number};

/** Channel counts, when the format reported them (imports from pedalboard do not). */
export type IoShape = {audioInputs: number; audioOutputs: number; midiInputs: number; midiOutputs: number};

/** What the evidence classifier reads. */
export type EvidenceInput = {
	format: Format;
	name: string;
	vendor?: string;
	rawCategory: string;
	parameterNames?: readonly string[];
	io?: IoShape;
	/** The format's category when it is only a hint (LV2 UtilityPlugin, VST2 RoomFx, AU aumf…). */
	formatHints?: ReadonlyArray<[Category, number]>;
};

/** Below this best score the plugin is `other`: one faint cue is not a category. */
export const CONFIDENCE_FLOOR = 1.5;

/** Parameter evidence for one category is capped, so a long parameter list cannot outvote a telling name on its own. */
export const PARAMETER_CAP = 6;

/** Order that settles exact ties: the more specific kinds first. */
const tieOrder: readonly Category[] = ['midi', 'instrument', 'analyzer', 'restoration', 'reverb', 'delay', 'pitch', 'eq', 'dynamics',
	'distortion', 'modulation', 'spatial', 'filter', 'spectral', 'generator', 'utility'];

/** The name with vendor and brand names taken out (they never count as evidence). */
export function nameWithoutVendor(name: string, vendor = ''): string {
	let text = name;
	const vendorText = vendor.trim();
	if (vendorText.length > 1) {
		const loose = vendorText.replace(/[^\p{L}\p{N}]+/gu, ' ').trim().split(' ').map(part => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^\\p{L}\\p{N}]*');
		text = text.replace(new RegExp(loose, 'giu'), ' ');
	}

	for (const pattern of VENDOR_NAMES) {
		text = text.replace(pattern, ' ');
	}

	return text;
}

const multiline = new Map<RegExp, {first: RegExp; every: RegExp}>();

/** The pattern compiled once for text of several lines: `first` finds a match, `every` cuts all of them. */
function compiled(pattern: RegExp): {first: RegExp; every: RegExp} {
	let entry = multiline.get(pattern);
	if (!entry) {
		entry = {first: new RegExp(pattern.source, 'm'), every: new RegExp(pattern.source, 'gm')};
		multiline.set(pattern, entry);
	}

	return entry;
}

/** Matches each term once against the text (one line per name or parameter); negations are cut out of it first. */
function collect(kind: SignalKind, text: string, terms: readonly Term[], scale = 1): Signal[] {
	const signals: Signal[] = [];
	for (const [category, pattern, weight] of terms) {
		const match = compiled(pattern).first.exec(text);
		if (match) {
			signals.push({kind, text: match[0].trim(), category, weight: weight * scale});
		}
	}

	return signals;
}

function cutNegations(text: string, kind: SignalKind, scale: number): {text: string; signals: Signal[]} {
	const signals = collect(kind, text, NEGATIONS, scale);
	let rest = text;
	for (const [, pattern] of NEGATIONS) {
		rest = rest.replace(compiled(pattern).every, ' ');
	}

	return {text: rest, signals};
}

/** Evidence from the plugin's name: negations, then the name vocabulary. */
export function nameSignals(name: string, vendor?: string): Signal[] {
	const stripped = nameWithoutVendor(name, vendor);
	const {text, signals} = cutNegations(`${words(stripped).join(' ')}\n${stripped.toLowerCase().replaceAll('\n', ' ')}`, 'negation', 1);
	return [...signals, ...collect('name', text, NAME_TERMS)];
}

const envelopeStage = [/\b(?:attack|atk)\b/, /\b(?:decay|dec)\b/, /\b(?:sustain|sus)\b/, /\b(?:release|rel)\b/];
const envelopeWord = /^(?:attack|atk|decay|dec|sustain|sus|release|rel)$/;
const partLevel = /^(?!(?:channel|ch|input|output|send|bus|band|track|line|mic) )[a-z]+ (\d+) (?:volume|level|vol)$/;

/** Evidence from the parameter names: negations, vocabulary, and two shapes (an ADSR envelope; per-voice levels). */
export function parameterSignals(parameterNames: readonly string[]): Signal[] {
	const lines = parameterNames.map(name => words(name).join(' '));
	const parts = new Set(lines.map(text => partLevel.exec(text)?.[1]).filter(Boolean));
	// Numbers only index bands, voices and slots here: "band 1 gain" … "band 32 gain" read once, as "band 1 gain".
	const cut = cutNegations([...new Set(lines.map(text => text.replace(/\d+/g, '1')))].join('\n'), 'parameter', 0.6);
	const all = cut.text;
	let signals = [...cut.signals, ...collect('parameter', all, PARAMETER_TERMS)];
	const stages = envelopeStage.filter(stage => stage.test(all));
	if (stages.length >= 3 && stages.includes(envelopeStage[1]!) && stages.includes(envelopeStage[2]!)) {
		// Attack/decay/sustain/release together are a voice's envelope, not a compressor's or a reverb's.
		signals = signals.filter(signal => !envelopeWord.test(signal.text));
		signals.push({kind: 'shape', text: 'envelope (attack/decay/sustain/release)', category: 'instrument', weight: 2.5});
	}

	if (/\bfeedback\b|\bregen\w*/.test(all) && /\btime\b/.test(all)) {
		// A chorus or flanger has a delay and feedback too, but no delay time.
		signals.push({kind: 'shape', text: 'feedback with a delay time', category: 'delay', weight: 2.5});
	}

	if (parts.size >= 2) {
		signals.push({kind: 'shape', text: `levels of ${parts.size} numbered voices/pads`, category: 'instrument', weight: 2});
	}

	return signals;
}

/** Evidence from the channel layout, when it is known. */
export function ioSignals(io: IoShape | undefined): Signal[] {
	if (!io) {
		return [];
	}

	const {audioInputs, audioOutputs, midiInputs, midiOutputs} = io;
	if (midiInputs > 0 && audioInputs === 0) {
		return audioOutputs > 0
			? [{kind: 'io', text: 'MIDI in, audio out, no audio in', category: 'instrument', weight: 3}]
			: (midiOutputs > 0 ? [{kind: 'io', text: 'MIDI in and out, no audio', category: 'midi', weight: 4}] : []);
	}

	if (audioInputs > 0 && midiOutputs > 0) {
		return [{kind: 'io', text: 'audio in, MIDI out', category: 'midi', weight: 1.5}, {kind: 'io', text: 'audio in, MIDI out', category: 'analyzer', weight: 1.4}];
	}

	if (audioInputs === 0 && midiInputs === 0 && audioOutputs > 0) {
		return [{kind: 'io', text: 'audio out only', category: 'generator', weight: 1.5}];
	}

	if (audioInputs > 0 && audioOutputs === 0) {
		return [{kind: 'io', text: 'audio in, no audio out', category: 'analyzer', weight: 2}];
	}

	return [];
}

/** Every signal for a record. Cost: linear in the parameter names times the vocabulary. */
export function gatherSignals(input: EvidenceInput): Signal[] {
	const hints = (input.formatHints ?? []).map(([category, weight]): Signal => ({kind: 'format', text: input.rawCategory.trim(), category, weight}));
	return [...nameSignals(input.name, input.vendor), ...parameterSignals(input.parameterNames ?? []), ...ioSignals(input.io), ...hints];
}

/** Scores per category: the sum of its signals, parameter evidence capped at PARAMETER_CAP. */
export function scoreSignals(signals: readonly Signal[]): Map<Category, number> {
	const fromParameters = new Map<Category, number>();
	const scores = new Map<Category, number>();
	for (const signal of signals) {
		if (signal.kind === 'parameter' || signal.kind === 'shape') {
			fromParameters.set(signal.category, (fromParameters.get(signal.category) ?? 0) + signal.weight);
		} else {
			scores.set(signal.category, (scores.get(signal.category) ?? 0) + signal.weight);
		}
	}

	for (const [category, score] of fromParameters) {
		scores.set(category, (scores.get(category) ?? 0) + Math.min(score, PARAMETER_CAP));
	}

	return scores;
}

/** The best-scoring category, or `other` below the confidence floor. */
export function bestCategory(scores: ReadonlyMap<Category, number>): {category: Category; score: number} {
	let best: Category = 'other';
	let bestScore = 0;
	for (const category of tieOrder) {
		const score = scores.get(category) ?? 0;
		if (score > bestScore + 1e-9) {
			best = category;
			bestScore = score;
		}
	}

	return bestScore < CONFIDENCE_FLOOR ? {category: 'other', score: bestScore} : {category: best, score: bestScore};
}
