import type {Category} from './plugin.js';

/** One vocabulary entry: a pattern over lower-cased, space-joined words, the category it speaks for, and how telling it is. */
export type Term = readonly [category: Category, pattern: RegExp, weight: number];

/**
 * Weights say how telling a word is (docs/categories.md): 4 names the category outright
 * ("reverb", "compressor"); 3 is nearly as sure ("verb", "plate", "echo"); 2 is a strong hint;
 * 1–1.5 a hint shared with other kinds ("drive", "tape", "space"); below 1 a faint one.
 */
export const NAME_TERMS: readonly Term[] = [
	['midi', /\bmidi\b|\btrigger\b|arpeggi|\barp\b|\bchords?\b|\bstrum|sequencer/, 4],
	['instrument', /synth(?!esis)|sampler|\bpiano|\borgan\b|drum ?machine|\brompler|\bdrums?\b|drummer|\bkeys\b|\bstrings\b|e ?piano|rhodes|wurli|\bclav|mellotron|\bchoir|orchestra|\bbrass\b|woodwind|bass ?line|\b(?:tr )?[89]0[89]\b/, 4],
	['analyzer', /analy[sz]|\bmeters?\b|scope|\btuner\b|spectrum|detector|profiler|tracker|histogram|correlat|loudness meter|\blufs\b|\bvu\b|\bppm\b|gonio|spectrogram/, 4.5],
	['restoration', /restor|de-?crackle|isolat|\brepair\b|\bclean(?:er|up)?\b/, 4],
	['reverb', /reverb|\bhall\b|ambience|convol|impulse resp|early reflections/, 4],
	['reverb', /verb\b|\bplate\b|\bspring\b|\bchamber|shimmer|cathedral|church/, 3],
	['reverb', /\broom\b|\bspace\b/, 1.5],
	['delay', /delay|echo/, 3.8],
	['delay', /ping ?pong|\brepeat/, 3],
	['delay', /\btaps?\b|\bdub\b/, 1.5],
	['pitch', /pitch|frequency shift|rate shift|detune|autotune|auto tune|harmoni[sz]er|\bretune|formant/, 3.6],
	['pitch', /octave|whammy|transpos/, 3],
	['pitch', /\btune\b/, 2],
	['eq', /\beq\b|equali[sz]|parametric|\bgeq\b|shelv|\bphono\b|riaa|\btone ?stack|pultec|\beqp\b|graphic|baxandall|\btilt\b/, 4],
	['dynamics', /compress|\bcomp\b|\blimit|\bgate\b|expander|de ?-?ess|transient|maxim|ducker|level(l)?er|sidechain|\bopto\b|\bleveling amp|\b1176\b|\bla [23] a\b|\bfet\b|vari ?mu|squash|\bduck/, 3.4],
	['dynamics', /dynamic(?!s? ?eq)|\brider\b/, 3],
	['eq', /dynamic ?eq/, 2],
	['dynamics', /surge/, 2],
	['distortion', /distort|overdrive|fuzz|satur|\bsat\b|crush|decimat|alias|\bdiode|sigmoid|vinyl|vynil|lo-?fi|degrade|amp ?sim|rectif|harmonic|booster|bit ?depth|\bvhs\b|screamer|cassette|redux|grunge|rectifier|cabinet|amp ?sim|guitar amp|bass amp/, 3.2],
	['distortion', /\bdrive|clip|\btube|valve|shaper|wrap|fold|warmth|\btape\b|\bamp\b/, 1.5],
	['modulation', /chorus|flang|phaser|tremol|vibrato|rotary|leslie|ring ?mod|modulat(or|ion)\b|doubler|ensemble|\blfo\b|pulsator|phasing|uni ?vibe|\bvibe\b/, 3.3],
	['spatial', /\bpan|width|widen|wider|spatiali|binaural|surround|\bhaas|ambison|\bhead|imager|stereo ?maker|\bhrtf|\borbit\b|panner|stereo ?(?:width|image|enhanc\w*|spread|ize\w*|field|expander)|upmix|downmix|\bdolby|atmos|panorama/, 3],
	['filter', /filter|lowpass|highpass|bandpass|low ?pass|high ?pass|band ?pass|notch|allpass|\bcomb\b|butterworth|\bsvf\b|moog|ladder|resonan|x-?over|\bwah\b/, 3],
	['spectral', /spectr|\bfft\b|vocoder|talk ?box|exciter|enhancer|morph/, 3],
	['generator', /generator|oscillat|\bosc\b|noise|\bsine\b|\btest ?tone|signal gen|impulses|constant/, 2.9],
	['utility', /amplifier|mixer|utility|invert|split|router|routing|crossover|crossfade|x-?fade|latency|dc offset|dc remov|karaoke|demux|\bmux\b|matrix|polarity|align/, 2.8],
	['utility', /\bgain\b|\btrim\b|\bms\b|mid ?side|balance|volume|loudness/, 1.2],
];

/**
 * Negations: the thing named is what the plugin removes. "De-noise", "Reverb Remover", "noise
 * reduction", "Anti-click" are restoration; removing sibilance is a de-esser (dynamics). The
 * matched words are taken out of the name before the other terms look at it, so a de-noiser is
 * never a noise generator nor a de-reverberator a reverb.
 */
export const NEGATIONS: readonly Term[] = [
	['dynamics', /\b(?:de|anti) ?-?ess\w*|\bsibilan\w* (?:remov|reduc|suppress|control)\w*/, 4],
	['restoration', /\b(?:de|un|anti) ?-?(?:nois\w*|hum|click\w*|clip\w*|crackle\w*|verb\w*|reverb\w*|plosive\w*|breath\w*|bleed|hiss|rustle|wind|buzz|pop\w*|mouth)\b/, 4.5],
	['restoration', /\b(?:nois\w*|hum|clicks?|crackles?|reverb\w*|verb|echo|hiss|buzz|breath\w*|room|wind|rustle|plosives?|clipping|reverberation)(?: and \w+)? (?:remov\w*|reduc\w*|suppress\w*|killer|eliminat\w*|cleaner|repair)\b/, 4.5],
	['restoration', /\b(?:declick|decrackle|denois\w*|dehum|declip\w*|dereverb\w*|deverb\w*|unveil)\b/, 4.5],
];

/**
 * Parameter vocabulary. Each term counts once per plugin however many parameters use it (a
 * 30-band EQ is not 30 times an EQ). Patterns run on one parameter's words joined by spaces
 * ("band_1_gain" → "band 1 gain"; "env1_atk" → "env 1 atk").
 */
export const PARAMETER_TERMS: readonly Term[] = [
	// dynamics
	['dynamics', /\bthresh(?:old)?\b|\bthres\b/, 1.6],
	['dynamics', /\bratio\b/, 2],
	['dynamics', /\bknee\b/, 2.5],
	['dynamics', /\bmake ?-?up\b/, 2.5],
	['dynamics', /\bpeak reduction\b|\bgain reduction\b|\bcompress\w*|\blimit(?:er|ing)?\b|\bceiling\b/, 2.5],
	['dynamics', /\bupw(?:ar)?d\b|\bdownw(?:ar)?d\b|\bband \d+ (?:threshold|ratio|knee|makeup)\b/, 1.6],
	['dynamics', /\blook ?ahead\b|\bcrest\b|\bopto\b|\bduck\w*|\brider\b|\bsidechain\b|\bsc (?:hpf|filter)\b/, 1.2],
	['dynamics', /\battack\b|\brelease\b/, 0.7],
	['dynamics', /\bcrossover\w*|\bxover\b/, 0.8],
	['dynamics', /\bhold\b|\brange\b|\bsustain\b|\bde ?ess\w*|\bsibilan/, 0.5],
	// eq
	['eq', /\bband \d+ gain\b|\b(?:low|high|lo|hi) ?mid gain\b|\b[lh]m?f gain\b/, 1.2],
	['eq', /\bband \d+ freq\w*|\b(?:low|high|lo|hi) ?mid freq\w*|\b[lh]m?f (?:freq?|frq)\b/, 1.2],
	['eq', /\bband \d+ (?:q|type|shape)\b|\b[lh]m?f (?:q|bell|shape)\b/, 1.2],
	['eq', /\bshelf\b|\bbell\b|\bboost\b|\batten\w*|\bboost ?\/? ?cut\b|\bhigh shelf\b|\blow shelf\b/, 1.5],
	['eq', /^(?:\d+ )+k?hz$|\bair (?:band|gain)\b|\bq\b|\bslope\b/, 1],
	// filter
	['filter', /\bcut ?off\b|\bcut\b|\bvcf\b|\bflt\b/, 1.4],
	['filter', /\bres(?:o|onance)?\b|\bemphasis\b|\bvowel\b|\bpeak (?:hp|lp)\b|\blp bp\b/, 1.4],
	// reverb
	['reverb', /\bpre ?-?delay\b|\breverb\w*|\bearly (?:late|reflect)|\bdecay time\b|\ber (?:level|build)/, 3],
	['reverb', /\bdecay\b|\bdiffusion\b|\bdamp\w*|\bbass mult\w*|\broom size\b|\bplate\b|\bspring\b|\bshimmer\b|\btail\b|\bearly\b|\blate\b|\bverb\b/, 1.2],
	['reverb', /\bsize\b|\bdensity\b|\bgravity\b|\bfreeze\b/, 0.6],
	// delay
	['delay', /\bdelay (?:time|[lr]|left|right)\b|\becho\w*|\bping ?pong\b|\bregen\w*|\brepeats?\b|\btaps?\b|\bcross ?-?feed\w*/, 2.5],
	['delay', /\bdelay\b|\btime (?:left|right)\b/, 1.2],
	['delay', /\bfeedback\b|\btime\b/, 0.6],
	// modulation
	['modulation', /\bchorus\b|\bflang\w*|\bphaser\b|\btremolo\b|\bring mod\w*|\brotor\b|\bleslie\b/, 3],
	['modulation', /\bstages\b|\bpoles\b/, 1.2],
	['modulation', /\brate\b|\bdepth\b|\bspeed\b/, 0.8],
	['modulation', /\blfo\b|\bmod (?:rate|depth)\b|\bmodulation\b/, 0.4],
	// distortion
	['distortion', /\b(?:over)?drive\b|\bdistort\w*|\bsaturat\w*|\bfuzz\b|\bcrush\w*|\bbitcrush\w*|\bpunish\b|\bdecimat\w*|\bpentode\b|\btriode\b|\bcab\b|\bamp (?:gain|bass|mid|treble|master|volume)\b/, 2],
	['distortion', /\bbits?\b|\bbit (?:depth|resolution)\b/, 1.6],
	['distortion', /\bclip\w*|\btube\b|\bvalve\b|\btape\b|\basymmetry\b|\blo ?-?fi\b|\bvhs\b|\bcrunch\b|\bdirt\b|\bgrit\b|\bfold\w*|\bwarmth\b|\bwobble\b|\bflutter\b|\bwow\b|\bbias\b|\bhiss\b/, 1.1],
	['distortion', /\bamp\b|\bpreamp\b|\bpresence\b|\btreble\b|\bharmonics\b|\bdigital\b|\bmagnetic\b|\bflux\b/, 0.5],
	// pitch
	['pitch', /\bformants?\b|\bretune\b|\bpitch correct\w*|\bthroat\b|\bharmon(?:y|izer)\b|\bflex tune\b/, 2.6],
	['pitch', /\bpitch\b/, 2],
	['pitch', /\btranspose\b|\bsemi(?:tones?)?\b|\bcents?\b|\bshift\b|\bdetune\b|\bkey\b|\bscale\b|\boctave\b|\bnote transition\b|\btracking\b/, 0.8],
	// spatial
	['spatial', /\bazimuth\b|\belevation\b|\bstereoi[sz]e\b|\bhaas\b|\bbinaural\b|\bhrtf\b|\bhead ?tracking\b|\bsurround\b|\bambisonic\w*|\bspeaker (?:angle|position)\b|\bshuffle\b/, 3],
	['spatial', /\bwidth\b|\bpan\b|\bpanning\b|\bdistance\b|\brotation\b|\bstereo (?:amount|width)\b/, 1],
	// spectral
	['spectral', /\bvocoder\b|\bcarrier\b|\bspectral\b|\bexcit\w*|\bmorph\b/, 2.5],
	['spectral', /\bbands\b|\bharmonics\b|\bfft\b/, 0.5],
	// analyzer
	['analyzer', /\blufs\b|\bloudness (?:target|standard|range)\b|\bintegrated\b|\bmomentary\b|\bshort term\b|\bcorrelation\b|\bspectro\w*|\bpeak hold\b|\baverag\w*|\btrigger (?:level|mode)\b|\breference pitch\b|\bblock size\b|\boverlap\b/, 2.2],
	['analyzer', /\bmeter\w*|\btrue peak\b|\bzoom\b|\bdisplay\b|\bview\b|\bhistory\b|\breset\b|\bpause\b|\brms\b|\bresolution\b|\btime range\b|\bresponse time\b|\bprecision\b/, 0.8],
	// utility
	['utility', /\b(?:mid|side) (?:gain|solo|mute|level|phase)\b|\bpolarity\b|\binvert\w*|\bswap\b|\bphase (?:left|right|shift|correction|invert)\b|\bdc (?:filter|offset)\b/, 1.8],
	['utility', /\bmono\b|\bbalance\b/, 1],
	['utility', /\bgain\b|\btrim\b|\bmute\b|\bphase\b/, 0.4],
	// restoration
	['restoration', /\bnoise (?:reduction|only)\b|\bclicks? only\b|\breverb (?:reduction|only)\b|\breduction\b|\breduce\b|\bresidual\b|\blearn\b|\badaptive\b|\bclick\w*|\bhum\b|\bdenois\w*|\bprofile\b/, 1.6],
	['restoration', /\bsensitivity\b|\bfrequency skew\b|\bneural\b|\bbackground\b/, 0.6],
	// instrument
	['instrument', /\bosc(?:illator)?\b|\bvco\b|\bdco\b|\bvca\b|\bpoly(?:phony)?\b|\bglide\b|\bporta(?:mento)?\b|\bunison\b|\bwt ?pos\w*|\bwavetable\b|\blegato\b|\bpitch ?bend\b|\bmallet\b|\bhammer\b|\bpedal\b|\bop [a-f]\b|\boperator\b|\bengine \d+\b|\bmod ?wheel\b|\baftertouch\b|\bkey ?track\w*/, 2.5],
	['instrument', /\bvoices?\b|\bvoice mode\b|\bkick\b|\bsnare\b|\bhi ?hat\b|\btoms?\b|\bcymbals?\b|\boverheads\b|\bamp env\b|\benv ?\d* (?:attack|decay|sustain|release)\b|\bmaster (?:tune|volume|vol)\b|\bmast vol\b|\bmain (?:output|volume)\b|\bsub\b/, 1.3],
	// generator
	['generator', /\bnoise colou?r\b|\bsweep\w*|\btest tone\b|\bsine\b|\bpulse width\b|\bwaveform\b|\bamplitude\b/, 1.2],
	// midi
	['midi', /\barp\w*|\bchords?\b|\bstrum\b|\bprogression\b|\bvoicing\b|\bnote length\b|\bmidi\b|\bcc\b|\bstep \d+\b|\bpattern\b/, 2.2],
	['midi', /\bvelocity\b|\bswing\b|\bgate\b|\boctave range\b|\bhumani[sz]e\b|\bquantize\b|\bsort mode\b/, 0.8],
];

/**
 * Vendor and brand names that hold category words ("FabFilter", "Tube-Tech", "Softube",
 * "Spectrasonics", "ToneBoosters"): taken out of a plugin's name before its words are read, with
 * the record's own vendor. Vendor names never count as evidence.
 */
export const VENDOR_NAMES: readonly RegExp[] = [
	/fab ?filter/gi, /soft ?tube/gi, /tube-?tech/gi, /spectra ?sonics/gi, /tone ?boosters/gi, /waves ?factory/gi, /audio ?damage/gi,
	/plugin ?alliance/gi, /sound ?toys/gi, /native instruments/gi, /echo ?sound ?works/gi, /sonic ?academy/gi, /black ?box( analog design)?/gi,
	/analog ?obsession/gi, /tokyo dawn( labs)?/gi, /kilohearts|\bkhs\b/gi, /^tap (?=\w)/gi, /izotope/gi, /valhalla(?: ?dsp)?/gi, /\bwaves\b/gi, /\buad(?:x)?\b/gi,
	/universal audio/gi, /\barturia\b/gi, /\bu-?he\b/gi, /\bmelda(?: ?production)?\b/gi, /\bvoxengo\b/gi, /\beventide\b/gi, /\bsonnox\b/gi,
];
