import {words} from './text.js';
import type {Category} from './plugin.js';

/**
 * Name rules, tried in order; the first match wins. The order settles overlaps: "Delay
 * Compensator" is a delay (not dynamics), "Allpass delay line" a delay (not a filter), "Spectrum
 * Analyzer" an analyzer (not spectral), "ZamDynamicEQ" an EQ, "Harmonic generator" a distortion.
 * Patterns run on the lower-cased words of the name joined by spaces (camelCase and digits split:
 * "ZamGEQ31" → "zam geq 31") and on the plain lower-cased name.
 */
export const NAME_RULES: ReadonlyArray<[Category, RegExp]> = [
	['midi', /\bmidi\b|\btrigger\b|arpeggi|\bchord/],
	['instrument', /synth(?!esis)|sampler|\bpiano|\borgan\b|drum ?machine|\brompler/],
	['analyzer', /analy[sz]|\bmeters?\b|scope|\btuner\b|spectrum|detector|profiler|tracker|histogram|correlation/],
	['restoration', /denois|de-?click|de-?clip|restor|de-?hum|de-?crackle/],
	['reverb', /reverb|verb\b|\bhall\b|\bplate\b|\broom\b|ambience|convol|impulse resp|early reflections/],
	['delay', /delay|echo/],
	['pitch', /pitch|frequency shift|rate shift|octave|detune|autotune|harmoni[sz]er/],
	['eq', /\beq\b|equali[sz]|parametric|\bgeq\b|shelv|\bphono\b|riaa|\btone ?stack/],
	['dynamics', /compress|\bcomp\b|\blimit|\bgate\b|expander|dynamic|de ?-?ess|transient|maxim|surge|ducker|level(l)?er|sidechain/],
	['distortion', /distort|drive|fuzz|satur|\bsat\b|crush|decimat|alias|clip|\btube|valve|diode|shaper|wrap|fold|sigmoid|warmth|vinyl|vynil|lo-?fi|degrade|amp ?sim|rectif|harmonic|booster|bit ?depth/],
	['modulation', /chorus|flang|phaser|tremolo|vibrato|rotary|leslie|ring ?mod|modulat(or|ion)\b|doubler|ensemble|\blfo\b|pulsator/],
	['spatial', /\bpan|width|widen|spatiali|binaural|surround|\bhaas|ambison|\bhead|imager/],
	['filter', /filter|lowpass|highpass|bandpass|low ?pass|high ?pass|band ?pass|notch|allpass|\bcomb\b|butterworth|\bsvf\b|moog|ladder|resonan|x-?over|\bwah\b/],
	['spectral', /spectr|\bfft\b|vocoder|talk ?box|exciter|enhancer/],
	['generator', /generator|oscillat|\bosc\b|noise|\bsine\b|\btest ?tone|signal gen|impulses|constant/],
	['utility', /\bgain\b|amplifier|\bamp\b|mixer|utility|\btrim\b|invert|split|router|routing|crossover|crossfade|x-?fade|latency|dc offset|dc remov|karaoke|demux|\bmux\b|matrix|\bms\b|mid ?side|balance|volume|loudness|polarity/],
];

/**
 * Parameter-name rules: each parameter name matching a pattern is one vote for its category;
 * the category with most votes wins (at least `PARAM_MIN_VOTES`). Only used when the name says
 * nothing. Dynamics' vocabulary (threshold, ratio, knee, attack…) is the most telling.
 */
export const PARAM_RULES: ReadonlyArray<[Category, RegExp, number]> = [
	['dynamics', /thresh|thres\b|\bratio\b|\bknee\b|makeup|lookahead|\battack\b|\brelease\b/, 1],
	['reverb', /reverb|room ?size|predelay|pre-delay|early refl/, 1],
	['delay', /\bdelay\b|\becho\b|tempo sync/, 1],
	['eq', /\d+ ?hz\b.*gain|band \d+ gain|shelv|boost\/cut/, 1],
	['filter', /cutoff|resonance/, 1],
	['modulation', /\blfo\b|\brate\b|\bdepth\b/, 0.5],
	['distortion', /drive|distortion|\bshape\b|\bbits?\b|bit depth|waveshape/, 1],
	['spatial', /\bwidth\b|\bpan(ning|orama)?\b/, 0.5],
	['generator', /waveform|\bamplitude\b/, 0.5],
];

/** Votes a parameter-name rule needs to decide. */
export const PARAM_MIN_VOTES = 1;

/** The category the name suggests, or undefined. Cost: one pass over the rules. */
export function categoryFromName(name: string): Category | undefined {
	const split = words(name).join(' ');
	const plain = name.toLowerCase();
	for (const [category, pattern] of NAME_RULES) {
		if (pattern.test(split) || pattern.test(plain)) {
			return category;
		}
	}

	return undefined;
}

/** The category the parameter names vote for, or undefined. Cost: linear in the names. */
export function categoryFromParameters(parameterNames: readonly string[]): Category | undefined {
	const votes = new Map<Category, number>();
	for (const name of parameterNames) {
		const text = name.toLowerCase();
		for (const [category, pattern, weight] of PARAM_RULES) {
			if (pattern.test(text)) {
				votes.set(category, (votes.get(category) ?? 0) + weight);
			}
		}
	}

	let best: Category | undefined;
	let bestVotes = PARAM_MIN_VOTES - Number.EPSILON;
	for (const [category, count] of votes) {
		if (count > bestVotes) {
			best = category;
			bestVotes = count;
		}
	}

	return best;
}
