import type {Store} from '../db/open.js';
import type {Format} from '../catalog/plugin.js';
import type {CheckHandle} from '../check/events.js';
import type {ScanHandle} from '../scan/events.js';

/** Options of a scan the explorer starts. */
export type ExplorerScanOptions = {
	/** `R`: probe every file again (but the blacklist). */
	full: boolean;
};

/** Options of a health check the explorer starts. */
export type ExplorerCheckOptions = {
	/** The plugins to check (the selected one, or the filter's). */
	ids: string[];
	/** Also those with a current result. */
	all: boolean;
};

/** The folders one format is searched in, for the empty-catalog screen. */
export type FormatFolders = {format: Format; folders: string[]};

/**
 * What the explorer needs from the rest of pluginary. run.ts builds the real one; tests pass
 * an in-memory store and a fake scan.
 */
export type ExplorerServices = {
	/** The open catalog (the explorer reads it and writes favourites). */
	store: Store;
	/** Starts a scan through the scan engine's events API. */
	startScan(options: ExplorerScanOptions): ScanHandle;
	/** Starts a health check through the check engine's events API. */
	startCheck(options: ExplorerCheckOptions): CheckHandle;
	/** The folders a scan searches, per format (docs/architecture.md, Scanning). */
	searchFolders(): FormatFolders[];
	/** Time source (tests pin it). */
	now(): number;
};
