/** Plugin formats pluginary knows; the same names in `--format`, `format:` and the host protocol. */
export const FORMATS = ['lv2', 'ladspa', 'vst2', 'vst3', 'clap', 'au'] as const;
/** A plugin format name. */
export type Format = (typeof FORMATS)[number];

/** Which format stands for a plugin found in several (`--collapse`, config `formatPreference`): first wins. */
export const DEFAULT_FORMAT_PREFERENCE: readonly Format[] = ['vst3', 'clap', 'lv2', 'vst2', 'ladspa', 'au'];

/** Position of a format in a preference order (formats not in it come last). */
export function formatRank(format: Format, preference: readonly Format[] = DEFAULT_FORMAT_PREFERENCE): number {
	const position = preference.indexOf(format);
	return position === -1 ? preference.length : position;
}

/** The fixed category set (docs/architecture.md, Records). */
export const CATEGORIES = [
	'eq', 'filter', 'dynamics', 'reverb', 'delay', 'modulation', 'distortion', 'pitch', 'spatial',
	'spectral', 'analyzer', 'utility', 'instrument', 'generator', 'midi', 'restoration', 'other',
] as const;
/** One category name. */
export type Category = (typeof CATEGORIES)[number];

/** Where a plugin's category came from: the format's metadata, another member of its group, name rules, or the user. */
export type CategorySource = 'native' | 'twin' | 'rules' | 'user';

/** Scan status of a plugin or file. */
export const STATUSES = ['ok', 'imported', 'failed', 'timeout', 'crashed', 'blacklisted', 'stale'] as const;
/** One status name. */
export type Status = (typeof STATUSES)[number];

/** Health of a checked plugin (docs/health.md): `unchecked` until `pluginary check` has run it on audio. */
export const HEALTHS = ['ok', 'nan', 'crashed', 'timeout', 'failed'] as const;
/** One health value of a checked plugin. */
export type Health = (typeof HEALTHS)[number];

/** Warnings a plugin that processed audio may carry. */
export const HEALTH_WARNINGS = ['silent', 'denormals', 'heavy'] as const;
/** One health warning. */
export type HealthWarning = (typeof HEALTH_WARNINGS)[number];

/** What checking a plugin found; absent from records of plugins never checked (or whose file changed since). */
export type HealthResult = {
	health: Health;
	warnings: HealthWarning[];
	/** Latency the plugin reports in samples at 48 kHz; null when the format or plugin reports none. */
	latencySamples: number | null;
	/** Time in the process call ÷ duration of the audio processed × 100; null when it never processed. */
	cpuPercent: number | null;
	/** Why it failed, crashed or timed out. */
	healthError?: string;
	/** ISO time of the check. */
	checkedAt: string;
};

/** Parameter value kinds. */
export type ParameterType = 'float' | 'int' | 'bool' | 'enum';

/** The plugin's own texts for min/max/default of a normalised (VST2/VST3) parameter. */
export type DisplayTexts = {min: string; max: string; default: string};

/** One parameter as the catalog reports it (docs/architecture.md, Records). */
export type Parameter = {
	/** Position in the plugin's list. */
	index: number;
	/** Format's own id as a string (LV2 symbol, LADSPA port index, VST2 index, VST3 ParamID, CLAP id). */
	id: string;
	name: string;
	units: string;
	min: number;
	max: number;
	default: number;
	type: ParameterType;
	/** Number of discrete values; 0 = continuous. */
	steps: number;
	/** Enum labels in value order; empty for non-enums. */
	valueStrings: string[];
	isOutput: boolean;
	isAutomatable: boolean;
	/** Present when the range was sample-rate relative and is reported at 48 kHz. */
	sampleRateScaled?: boolean;
	/** Present for VST2/VST3: the plugin's own texts. */
	display?: DisplayTexts;
};

/** A preset: shipped by the plugin (factory) or saved by the user. */
export type Preset = {name: string; source: 'factory' | 'user'};

/** Fields shared by list items and full records. */
export type PluginBase = {
	/** `<format>:<native id>`, stable across rescans. */
	id: string;
	format: Format;
	/** Display name: the group's best member's name (docs/groups.md). */
	name: string;
	/** Display vendor ("LSP", "Steve Harris"). */
	vendor: string;
	/** The vendor as the file said it, verbatim. */
	rawVendor: string;
	/** The name as the file said it, verbatim. */
	rawName: string;
	/** Id of the plugin's group: the same plugin in other formats and copies. */
	group: string;
	version: string;
	/** File or bundle directory. */
	path: string;
	/** Native id; for imports the original tool's identity. */
	uid: string;
	category: Category;
	categorySource: CategorySource;
	rawCategory: string;
	isInstrument: boolean;
	audioInputs: number;
	audioOutputs: number;
	auxInputs: number;
	midiInputs: number;
	midiOutputs: number;
	tags: string[];
	favorite: boolean;
	hidden: boolean;
	status: Status;
	/** Failure text for failed files. */
	error?: string;
	/** ISO time of the probe that produced this record. */
	scannedAt: string;
} & Partial<HealthResult>;

/** A `list`/`search` item: the record without parameters and presets. */
export type PluginSummary = PluginBase & {parameterCount: number};

/** One member of a plugin's group, as `show` lists it. */
export type GroupMember = {id: string; format: Format; path: string; status: Status};

/** A collapsed `list`/`search` item: the group's preferred member with the group's formats and ids. */
export type CollapsedSummary = PluginSummary & {
	/** The group's formats, in preference order. */
	formats: Format[];
	/** Every member's id. */
	ids: string[];
};

/** The full record of `show --json` and exports. */
export type PluginRecord = PluginBase & {
	parameters: Parameter[];
	presets: Preset[];
	/** Every member of the plugin's group (this one included), in preference order. */
	members?: GroupMember[];
	/** Other paths where the same id was found (shadowed by this one). */
	duplicates?: string[];
};

/** A plugin as the native host reports it, before the catalog assigns id and category. */
export type ProbedPlugin = {
	format: Format;
	uid: string;
	name: string;
	vendor: string;
	version: string;
	rawCategory: string;
	isInstrument: boolean;
	audioInputs: number;
	audioOutputs: number;
	auxInputs: number;
	midiInputs: number;
	midiOutputs: number;
	/** Parameters; enums also carry the value of each label (`enumValues`), which the catalog does not keep. */
	parameters: Array<Omit<Parameter, 'index'> & {enumValues?: number[]}>;
	presets: Array<{name: string; uri?: string}>;
	warnings?: string[];
};

/** Builds the catalog id of a plugin. */
export function pluginId(format: Format, uid: string): string {
	return `${format}:${uid}`;
}

/** True when `value` names a format. */
export function isFormat(value: string): value is Format {
	return (FORMATS as readonly string[]).includes(value);
}

/** True when `value` names a health value. */
export function isHealth(value: string): value is Health {
	return (HEALTHS as readonly string[]).includes(value);
}

/** True when `value` names a category. */
export function isCategory(value: string): value is Category {
	return (CATEGORIES as readonly string[]).includes(value);
}
