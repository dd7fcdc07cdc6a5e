import {words} from './text.js';
import type {Category} from './plugin.js';

/**
 * Well-known commercial products whose names say nothing about what they do ("Kotelnikov",
 * "Portal", "Sausage Fattener"). One line each: vendor, product family (the plugin's name in
 * words, without the vendor, version number or channel suffix; a regular expression), category,
 * and what the product is. Facts only; see docs/categories.md for the rules of the table.
 */
export const PRODUCTS: ReadonlyArray<readonly [vendor: string, family: string, category: Category, what: string]> = [
	['Antares', 'harmony engine', 'pitch', 'harmony generator'],
	['Applied Acoustics Systems', 'chromaphone|lounge lizard|ultra analog|strum gs|string studio', 'instrument', 'modelled instruments'],
	['Arturia', 'pigments|analog lab|mini v|jup 8 v|prophet v|cs 80 v|dx 7 v|modular v|stage 73 v|b 3 v|buchla easel v|op xa v|sq 80 v|augmented \\w+', 'instrument', 'synthesizers and keyboards'],
	['Audio Damage', 'dubstation', 'delay', 'tape-style delay'],
	['Audio Damage', 'rough rider', 'dynamics', 'compressor'],
	['Baby Audio', 'comeback kid', 'delay', 'delay'],
	['Baby Audio', 'crystalline|spaced out', 'reverb', 'reverb'],
	['Baby Audio', 'super vhs|taip', 'distortion', 'lo-fi/tape saturation'],
	['Baby Audio', 'smooth operator', 'eq', 'spectral balancing EQ'],
	['Baby Audio', 'ihny|parallel aggressor', 'dynamics', 'parallel compressor'],
	['Black Box Analog Design', 'hg 2(?: mastering)?', 'distortion', 'tube saturation'],
	['Celemony', 'melodyne', 'pitch', 'pitch and time editor'],
	['Cytomic', 'the glue', 'dynamics', 'bus compressor'],
	['Cytomic', 'the drop', 'filter', 'analog-modelled filter'],
	['D16 Group', 'sigmund|repeater', 'delay', 'delay'],
	['D16 Group', 'devastor|decimort|redoptor', 'distortion', 'distortion / bit reduction'],
	['D16 Group', 'frontier', 'dynamics', 'limiter'],
	['D16 Group', 'syntorus|fazortan|antresol', 'modulation', 'chorus / phaser / flanger'],
	['D16 Group', 'lush 101|drumazon|nepheton|phoscyon|punchbox', 'instrument', 'synthesizers and drum machines'],
	['Dada Life', 'sausage fattener', 'distortion', 'saturation and compression'],
	['Eventide', 'blackhole|sp 2016 reverb|2016 stereo room|shimmerverb|mangledverb', 'reverb', 'reverb'],
	['Eventide', 'ultratap', 'delay', 'multi-tap delay'],
	['Eventide', 'micropitch|h 910 harmonizer|h 949 harmonizer', 'pitch', 'pitch shifter / harmonizer'],
	['Eventide', 'omnipressor|elevate', 'dynamics', 'compressor / mastering limiter'],
	['FabFilter', 'pro q', 'eq', 'equaliser'],
	['FabFilter', 'pro c|pro l|pro mb|pro g|pro ds', 'dynamics', 'compressor, limiter, multiband, gate, de-esser'],
	['FabFilter', 'pro r', 'reverb', 'reverb'],
	['FabFilter', 'saturn', 'distortion', 'multiband saturation'],
	['FabFilter', 'timeless', 'delay', 'tape delay'],
	['FabFilter', 'volcano|micro|simplon', 'filter', 'filter'],
	['FabFilter', 'one|twin', 'instrument', 'synthesizer'],
	['Goodhertz', 'lossy', 'distortion', 'codec-artefact lo-fi'],
	['Goodhertz', 'canopener', 'spatial', 'headphone crossfeed'],
	['Goodhertz', 'wow control|trem control', 'modulation', 'wow / tremolo'],
	['GVST', 'gtune', 'analyzer', 'tuner'],
	['IK Multimedia', 'amplitube|tonex', 'distortion', 'guitar amp simulation'],
	['GVST', 'gtune', 'analyzer', 'tuner'],
	['IK Multimedia', 'sampletank|syntronik', 'instrument', 'sample-based instruments'],
	['Image-Line', 'sytrus|harmor|harmless|flex', 'instrument', 'synthesizers'],
	['Image-Line', 'maximus', 'dynamics', 'multiband maximiser'],
	['iZotope', 'trash', 'distortion', 'distortion'],
	['iZotope', 'iris', 'instrument', 'sample synthesizer'],
	['iZotope', 'insight|tonal balance control', 'analyzer', 'metering suite / tonal balance meter'],
	['Kilohearts', 'phase plant', 'instrument', 'modular synthesizer'],
	['Kilohearts', 'snap heap|multipass', 'other', 'effect racks'],
	['Kirnu', 'cream', 'midi', 'arpeggiator'],
	['Klanghelm', 'dc 1 a|mjuc', 'dynamics', 'compressor'],
	['Klanghelm', 'ivgi|sdrr', 'distortion', 'saturation'],
	['Klanghelm', 'vumt', 'analyzer', 'VU meter'],
	['Klevgrand', 'brusfri', 'restoration', 'noise reduction'],
	['Korg', 'm 1|wavestation|polysix|ms 20|mono poly|triton|arp odyssey|odyssey', 'instrument', 'synthesizers'],
	['LennarDigital', 'sylenth 1', 'instrument', 'synthesizer'],
	['LiquidSonics', 'seventh heaven|cinematic rooms|lustrous plates|tai chi|hd cart', 'reverb', 'reverb'],
	['Mixed In Key', 'captain (?:chords|deep|melody|beat|play)', 'midi', 'MIDI composition tools'],
	['Native Instruments', 'kontakt|massive|massive x|fm 8|absynth|monark|razor|battery|maschine|super 8|reaktor player', 'instrument', 'instruments'],
	['Native Instruments', 'raum', 'reverb', 'reverb'],
	['Native Instruments', 'replika|replika xt', 'delay', 'delay'],
	['Native Instruments', 'phasis|choral|flair', 'modulation', 'phaser, chorus, flanger'],
	['Native Instruments', 'supercharger|supercharger gt|vc 76|vc 2 a|vc 160|vari comp', 'dynamics', 'compressor'],
	['Native Instruments', 'driver|bite|dirt|freak', 'distortion', 'distortion'],
	['Neural DSP', 'archetype \\w+|parallax|fortin \\w+|soldano \\w+|quad cortex', 'distortion', 'guitar amp simulation'],
	['Newfangled Audio', 'punctuate', 'dynamics', 'transient shaper'],
	['Newfangled Audio', 'equivocate', 'eq', 'equaliser'],
	['Nicky Romero', 'kickstart', 'dynamics', 'side-chain ducking'],
	['NUGEN Audio', 'vislm|mastercheck|visualizer', 'analyzer', 'loudness and mastering meters'],
	['NUGEN Audio', 'isl', 'dynamics', 'true-peak limiter'],
	['oeksound', 'soothe|spiff', 'dynamics', 'dynamic resonance / transient processor'],
	['Ohm Force', 'frohmage', 'filter', 'filter'],
	['Ohm Force', 'ohmicide', 'distortion', 'multiband distortion'],
	['Output', 'portal', 'spectral', 'granular effect'],
	['Output', 'movement', 'modulation', 'rhythmic modulation'],
	['Output', 'thermal', 'distortion', 'distortion'],
	['Output', 'arcade|exhale|analog strings|signal|substance', 'instrument', 'instruments'],
	['Plugin Boutique', 'scaler', 'midi', 'chord tool'],
	['Polyverse', 'manipulator|i wish', 'pitch', 'pitch / formant manipulator'],
	['Polyverse', 'comet', 'reverb', 'reverb'],
	['Positive Grid', 'bias fx|bias amp', 'distortion', 'guitar amp simulation'],
	['Relab', 'lx 480(?: complete)?|sonsig rev a', 'reverb', 'reverb'],
	['Reveal Sound', 'spire', 'instrument', 'synthesizer'],
	['Rob Papen', 'blade|predator|subboombass|go 2|blue', 'instrument', 'synthesizers'],
	['Slate Digital', 'fg (?:grey|stress|116|401|2 a|bomber|mu)', 'dynamics', 'compressors'],
	['Slate Digital', 'fg (?:73|n|s|a|x)', 'eq', 'console-style EQ'],
	['Slate Digital', 'virtual tape machines', 'distortion', 'tape emulation'],
	['Softube', 'tube tech cl 1 b|weiss ds 1 mk 3|drawmer s 73|drawmer 1973|summit audio tla 100 a', 'dynamics', 'compressors'],
	['Softube', 'tube tech pe 1 c|tube tech me 1 b|weiss eq 1', 'eq', 'equalisers'],
	['Softube', 'tsar 1(?: r)?', 'reverb', 'reverb'],
	['Softube', 'mutronics mutator', 'filter', 'envelope filter'],
	['Sonnox', 'oxford transmod|oxford supresser', 'dynamics', 'transient shaper / de-esser'],
	['Soundtheory', 'gullfoss', 'eq', 'automatic equaliser'],
	['Soundtoys', 'decapitator|radiator|little radiator', 'distortion', 'saturation'],
	['Soundtoys', 'primaltap|echoboy jr', 'delay', 'delay'],
	['Soundtoys', 'microshift|phasemistress', 'modulation', 'doubler / phaser'],
	['Soundtoys', 'little alterboy|alterboy', 'pitch', 'pitch and formant shifter'],
	['Soundtoys', 'sie q', 'eq', 'equaliser'],
	['Soundtoys', 'effect rack', 'other', 'effect rack'],
	['Spectrasonics', 'omnisphere|keyscape|trilian|stylus rmx', 'instrument', 'instruments'],
	['Steinberg', 'halion|groove agent|retrologue|padshop', 'instrument', 'instruments'],
	['Sugar Bytes', 'wow', 'filter', 'filter'],
	['Sugar Bytes', 'effectrix|turnado|looperator', 'other', 'multi-effects'],
	['Sugar Bytes', 'cyclop|egoist|obscurium', 'instrument', 'instruments'],
	['Sugar Bytes', 'thesys', 'midi', 'step sequencer'],
	['Synapse Audio', 'dune|obsession|legend', 'instrument', 'synthesizers'],
	['TAL Software', 'u no lx|bassline|noisemaker|j 8|pha|mod|sampler', 'instrument', 'synthesizers'],
	['Tokyo Dawn Labs', 'kotelnikov|molotok|limiter 6', 'dynamics', 'compressor / limiter'],
	['Tokyo Dawn Labs', 'nova|vos slickeq', 'eq', 'equaliser'],
	['Toontrack', 'superior drummer|ezdrummer|ezkeys|ezbass', 'instrument', 'drum and keyboard instruments'],
	['u-he', 'diva|zebra|zebralette|hive|repro|bazille|ace|tyrell n 6', 'instrument', 'synthesizers'],
	['u-he', 'satin', 'distortion', 'tape emulation'],
	['u-he', 'colour copy|uhbik d', 'delay', 'delay'],
	['u-he', 'presswerk', 'dynamics', 'compressor'],
	['u-he', 'uhbik a|twangstrom', 'reverb', 'reverb'],
	['u-he', 'uhbik t|uhbik f|uhbik p', 'modulation', 'tremolo / flanger / phaser'],
	['u-he', 'uhbik q', 'eq', 'equaliser'],
	['u-he', 'uhbik s', 'pitch', 'frequency shifter'],
	['Universal Audio', 'teletronix la 2 a|la 2 a|1176\\w*|fairchild 670|la 3 a|dbx 160|el 8 distressor|ssl g bus', 'dynamics', 'compressors'],
	['Universal Audio', 'pultec \\w+|neve 1073|api 560|harrison 32 c', 'eq', 'equalisers'],
	['Universal Audio', 'studer a 800|ampex atr 102', 'distortion', 'tape machines'],
	['Universal Audio', 'ocean way studios|capitol chambers|lexicon 224|emt 140|emt 250', 'reverb', 'reverb'],
	['UVI', 'falcon|vintage vault', 'instrument', 'instruments'],
	['Valhalla DSP', 'supermassive|room|plate|shimmer', 'reverb', 'reverb'],
	['Valhalla DSP', 'ubermod', 'delay', 'multi-tap delay'],
	['Vital Audio', 'vital', 'instrument', 'synthesizer'],
	['Voxengo', 'span(?: plus)?', 'analyzer', 'spectrum analyser'],
	['Voxengo', 'msed', 'utility', 'mid/side encoder-decoder'],
	['Voxengo', 'pha 979', 'utility', 'phase alignment'],
	['Voxengo', 'elephant', 'dynamics', 'mastering limiter'],
	['Voxengo', 'soniformer', 'dynamics', 'spectral dynamics'],
	['Voxengo', 'boogex', 'distortion', 'guitar amp simulation'],
	['Waves', 'cla (?:76|2 a|3 a)|l 1|l 2|l 3(?: \\w+)?|c 1|c 4|c 6|api 2500|puigchild \\w+|renaissance axx|oneknob louder', 'dynamics', 'compressors and limiters'],
	['Waves', 'api 550|api 560|puigtec \\w+', 'eq', 'equalisers'],
	['Waves', 'ns 1|x noise|z noise|x click|x hum|x crackle|w 43|clarity vx|debreath', 'restoration', 'noise and click removal'],
	['Waves', 's 1 (?:imager|shuffler)|ps 22|nx \\w+(?: \\w+)*', 'spatial', 'stereo imaging / headphone spatialiser'],
	['Waves', 'wlm(?: plus)?(?: loudness meter)?|paz \\w+', 'analyzer', 'meters'],
	['Waves', 'morphoder', 'spectral', 'vocoder'],
	['Waves', 'kramer master tape|j 37(?: tape)?', 'distortion', 'tape emulation'],
	['Waves', 'inphase(?: lt)?', 'utility', 'phase alignment'],
	['Waves', 'waves tune(?: real time)?', 'pitch', 'pitch correction'],
	['Xfer Records', 'serum|nerve', 'instrument', 'synthesizer / drum machine'],
	['Xfer Records', 'ott', 'dynamics', 'multiband upward/downward compressor'],
	['Xfer Records', 'cthulhu', 'midi', 'chord memory and arpeggiator'],
	['Xfer Records', 'lfotool', 'modulation', 'LFO volume/filter shaper'],
	['XLN Audio', 'xo|addictive (?:drums|keys)', 'instrument', 'drums and keys'],
	['XLN Audio', 'rc 20(?: retro color)?', 'distortion', 'lo-fi colour'],
	['Zynaptiq', 'morph', 'spectral', 'spectral morphing'],
	['Zynaptiq', 'unveil|unchirp|unfilter', 'restoration', 'de-reverb / de-artefact'],
	['Zynaptiq', 'pitchmap', 'pitch', 'polyphonic pitch mapping'],
];

/** A product-table hit. */
export type ProductMatch = {category: Category; vendor: string; what: string};

const trailing = new Set(['stereo', 'mono', 'm', 's', 'ms', 'x64', 'x86', 'vst', 'vst3', 'au', 'mk', 'ii', 'iii', 'iv', 'v', 'silver', 'legacy', 'native', 'plus', 'se', 'le', 'fx', 'pro', 'mkii', 'mkiii', 'uad', 'uadx']);
const leading = new Set(['uad', 'uadx', 'tdr', 'khs', 'waves', 'izotope', 'tal', 'xfer', 'ni']);
const compiled = PRODUCTS.map(([vendor, family, category, what]) => ({
	vendor, category, what, vendorWords: new Set(words(vendor)), pattern: new RegExp(`^(?:${family})$`),
}));

/** The plugin name as the table may spell its family: words without leading brand words, then without each trailing version number or channel suffix in turn. */
function familyForms(name: string, vendorWords: ReadonlySet<string>): string[] {
	const list = words(name);
	while (list.length > 1 && (leading.has(list[0]!) || vendorWords.has(list[0]!))) {
		list.shift();
	}

	const forms = [list.join(' ')];
	while (list.length > 1 && (trailing.has(list.at(-1)!) || /^\d+$/.test(list.at(-1)!))) {
		list.pop();
		forms.push(list.join(' '));
	}

	return forms;
}

/**
 * The product-table row for a plugin, if any. When the record names its vendor, only that
 * vendor's rows are considered (no vendor — as in pedalboard's 2023 cache — means any row).
 * Cost: one pass over the table.
 */
export function knownProduct(name: string, vendor = ''): ProductMatch | undefined {
	const own = new Set(words(vendor).filter(word => word.length > 1));
	const rows = compiled.filter(row => own.size === 0 || [...own].some(word => row.vendorWords.has(word)));
	const forms = rows.map(row => familyForms(name, row.vendorWords));
	const longest = Math.max(0, ...forms.map(list => list.length));
	// The fullest spelling first, across every row: "PHA-979" is Voxengo's before it is TAL's "Pha".
	for (let depth = 0; depth < longest; depth++) {
		for (const [index, row] of rows.entries()) {
			const form = forms[index]![depth];
			if (form !== undefined && (row.pattern.test(form) || row.pattern.test(form.replaceAll(' ', '')))) {
				return {category: row.category, vendor: row.vendor, what: row.what};
			}
		}
	}

	return undefined;
}
