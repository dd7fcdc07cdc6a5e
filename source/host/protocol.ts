import type {Format, ProbedPlugin} from '../catalog/plugin.js';

/** JSON-RPC error codes the host uses (native-host/src/rpc/errors.hpp, documented in PROTOCOL.md). */
export const HOST_ERROR_CODES = {
	parseError: -32_700,
	invalidRequest: -32_600,
	methodNotFound: -32_601,
	invalidParams: -32_602,
	internalError: -32_603,
	fileNotFound: -32_001,
	notAPlugin: -32_002,
	loadFailed: -32_003,
	formatUnavailable: -32_004,
	pluginError: -32_005,
	unknownPlugin: -32_006,
} as const;

/** Whether one format can be probed by this host build, and why not when it cannot. */
export type FormatStatus = {format: Format; available: boolean; reason?: string};

/** Result of `initialize`. */
export type InitializeResult = {
	/** Host version (the native-host CMake project version). */
	version: string;
	/** Every format name, available or not. */
	formats: FormatStatus[];
};

/** Parameters of `probe`. */
export type ProbeParams = {
	format: Format;
	/** The file (LADSPA/VST2 `.so`, `.clap`) or bundle directory (`.lv2`, `.vst3`). */
	path: string;
	/** LV2 only: also instantiate the plugin to prove its binary loads. Other formats always load code. */
	instantiate?: boolean;
	/**
	 * LV2 only (other formats reject it with invalidParams): return only the bundle's plugins whose position in
	 * URI order is ≡ index (mod count), parsing only their data files, so hosts can share one big bundle. The
	 * parts of a bundle together give exactly the whole; see PROTOCOL.md for merging their errors.
	 */
	part?: ProbePart;
};

/** One share of an LV2 bundle: integers with 0 ≤ index < count. */
export type ProbePart = {index: number; count: number};

/** Result of `probe`: every plugin in the file or bundle. */
export type ProbeResult = {plugins: ProbedPlugin[]};

/** Parameters of `check`: run one plugin of a file on audio and judge it (PROTOCOL.md, "check"). */
export type CheckParams = {
	format: Format;
	/** The file or bundle, as for `probe`. */
	path: string;
	/** The plugin's `uid` as `probe` returns it. */
	uid: string;
	/** Seconds of audio to process (default 2). */
	seconds?: number;
	/** Default 48000. */
	sampleRate?: number;
	/** Frames per process call (default 512). */
	blockSize?: number;
};

/** What the host itself can judge; `crashed` and `timeout` are the client's verdicts when the host dies or hangs. */
export type HostHealth = 'ok' | 'nan' | 'failed';

/** A finding next to a health value: all-zero output of an effect, subnormal output samples, cpuPercent ≥ 50. */
export type CheckWarning = 'silent' | 'denormals' | 'heavy';

/** Result of `check`. */
export type CheckResult = {
	health: HostHealth;
	warnings: CheckWarning[];
	/** The latency the plugin reports in its format, in samples; null when it reports none. */
	latencySamples: number | null;
	/** Time in the process call ÷ duration of the audio processed × 100; null when nothing was processed. */
	cpuPercent: number | null;
	/** Why the plugin `failed`. */
	error?: string;
};
