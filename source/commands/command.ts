import type {Store} from '../db/open.js';
import type {Output} from './output.js';

/** Parsed flags as meow gives them (every flag of help.ts, optional). */
export type Flags = {
	db?: string;
	config?: string;
	color?: boolean;
	verbose?: boolean;
	help?: boolean;
	version?: boolean;
	json?: boolean;
	ndjson?: boolean;
	csv?: boolean;
	format?: string[];
	category?: string;
	vendor?: string;
	instrument?: boolean;
	effect?: boolean;
	sort?: string;
	limit?: string;
	offset?: string;
	all?: boolean;
	collapse?: boolean;
	rescan?: boolean;
	path?: string[];
	jobs?: string;
	timeout?: string;
	as?: string;
	out?: string;
	force?: boolean;
	yes?: boolean;
	dryRun?: boolean;
	set?: string[];
	reset?: boolean;
};

/** What a command gets to run with. */
export type CommandContext = {
	/** Positional arguments after the command name. */
	args: string[];
	flags: Flags;
	out: Output;
	/** Opens (once) and returns the store at the resolved `--db` location. */
	store(): Store;
	/** The resolved database path. */
	dbPath: string;
	version: string;
};

/** One CLI command: its help, the flags it accepts, and what it does. Returns the exit code. */
export type Command = {
	help: string;
	flags: ReadonlyArray<keyof Flags>;
	run(context: CommandContext): Promise<number> | number;
	/** After a run that exits 0, bring a saved search index beside the database up to date (catalog-index.ts `refreshSavedIndex`): for the commands that rewrite much of the catalog. */
	refreshesSearchIndex?: boolean;
};
