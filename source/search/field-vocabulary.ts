/**
 * The words producers use for the same thing. Each line is one set of equivalent spellings; a
 * query word (or consecutive query words) equal to one of them is expanded to the others at a
 * lower weight than the typed word (see docs/search.md). Words are lower-case; a spelling of
 * several words ("noise gate") matches those words typed next to each other.
 */
export const FIELD_VOCABULARY: ReadonlyArray<readonly string[]> = [
	['eq', 'equalizer', 'equaliser', 'equalization', 'equalisation'],
	['verb', 'reverb', 'reverberation'],
	['comp', 'compressor', 'compression'],
	['dist', 'distortion', 'overdrive', 'fuzz'],
	['sat', 'saturation', 'saturator'],
	['amp', 'amplifier'],
	['mod', 'modulation', 'modulator'],
	['noise gate', 'gate'],
	['pitch shift', 'pitch shifter', 'pitchshift', 'pitchshifter'],
	['delay', 'echo'],
	['lim', 'limiter'],
	['exp', 'expander'],
	['synth', 'synthesizer', 'synthesiser'],
	['vocoder', 'vocoding'],
	['deesser', 'de esser', 'sibilance'],
	['flanger', 'flange'],
	['chorus', 'ensemble'],
	['lpf', 'lowpass', 'low pass'],
	['hpf', 'highpass', 'high pass'],
	['analyzer', 'analyser'],
	['crusher', 'bitcrusher', 'decimator'],
	['stereo width', 'stereo widener', 'imager'],
	['tuner', 'tuning'],
];

const spellings = new Map<string, string[][]>();
for (const set of FIELD_VOCABULARY) {
	for (const spelling of set) {
		const others = set.filter(other => other !== spelling).map(other => other.split(' '));
		spellings.set(spelling, [...(spellings.get(spelling) ?? []), ...others]);
	}
}

/** The other spellings of a word or words (each as its words); empty when the table has none. */
export function otherSpellings(text: string): string[][] {
	return spellings.get(text) ?? [];
}

/** The longest number of words of a spelling in the table. */
export const LONGEST_SPELLING = Math.max(...FIELD_VOCABULARY.flat().map(spelling => spelling.split(' ').length));
