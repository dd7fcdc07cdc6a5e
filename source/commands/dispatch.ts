import process from 'node:process';
import {usageError} from '../errors.js';
import type {Store} from '../db/open.js';
import {storeWriteError} from '../db/store-errors.js';
import {resolveDbPath} from '../paths.js';
import {closest} from '../catalog/closest.js';
import {loadConfigIfAny} from '../config/location.js';
import type {Command, CommandContext, Flags} from './command.js';
import {flagSpec, globalFlags, mainHelp} from './help.js';
import {Output, colorEnabled} from './output.js';

/** Command name → lazy module, so each command loads only what it needs. */
const commands: Record<string, () => Promise<{default: Command}>> = {
	list: async () => import('./list.js'),
	scan: async () => import('./scan.js'),
	retry: async () => import('./retry.js'),
	check: async () => import('./check.js'),
	blacklist: async () => import('./blacklist.js'),
	show: async () => import('./show.js'),
	search: async () => import('./search.js'),
	similar: async () => import('./similar.js'),
	stats: async () => import('./stats.js'),
	cache: async () => import('./cache.js'),
	doctor: async () => import('./doctor.js'),
	import: async () => import('./import.js'),
	export: async () => import('./export.js'),
	presets: async () => import('./presets.js'),
	preset: async () => import('./preset.js'),
	config: async () => import('./config.js'),
	...Object.fromEntries(['fav', 'unfav', 'hide', 'unhide', 'tag', 'untag', 'category'].map(name =>
		[name, async () => ({default: (await import('./curate.js')).curationCommands[name]!})])),
};

/** Runs the command named by `input[0]` (or the explorer) and returns the exit code. */
export async function dispatch(input: string[], flags: Flags, version: string): Promise<number> {
	const out = new Output(colorEnabled(flags.color ?? await configuredColor(flags.config)));
	if (flags.version) {
		out.line(version);
		out.flush();
		return 0;
	}

	const [name, ...args] = input;
	if (name === undefined) {
		checkFlags('', {help: '', flags: [], run: () => 0}, flags);
		return openExplorer(flags, out);
	}

	const loader = commands[name];
	if (!loader) {
		const near = closest(name, Object.keys(commands));
		throw usageError(`Unknown command '${name}'${near ? ` (did you mean '${near}'?)` : ''}; run 'pluginary --help' for the list.`);
	}

	const command = (await loader()).default;
	if (flags.help) {
		out.write(command.help.replace(/^\n/, '') + '\n');
		out.flush();
		return 0;
	}

	checkFlags(name, command, flags, args);
	const {openStore} = await import('../db/open.js');
	const context = makeContext(args, flags, out, version, openStore);
	try {
		const code = await command.run(context);
		if (code === 0 && command.refreshesSearchIndex) {
			const {refreshSavedIndex} = await import('../search/catalog-index.js');
			try {
				refreshSavedIndex(context.store());
			} catch {
				// The saved index is a cache: when it cannot be refreshed, the next search builds it.
			}
		}

		return code;
	} catch (error) {
		throw storeWriteError(context.dbPath, error);
	} finally {
		out.flush();
	}
}

function makeContext(args: string[], flags: Flags, out: Output, version: string, openStore: (file: string) => Store): CommandContext {
	let store: Store | undefined;
	const dbPath = resolveDbPath(flags.db);
	return {
		args,
		flags,
		out,
		dbPath,
		version,
		store() {
			store ??= openStore(dbPath);
			return store;
		},
	};
}

/**
 * Rejects flags the command does not take, and empty values and arguments: no flag or argument
 * of pluginary means anything when empty (`--db ''` or a bare `--db` would otherwise fall back
 * to a default, `blacklist add ''` would name the current folder).
 */
function checkFlags(name: string, command: Command, flags: Flags, args: string[] = []): void {
	const allowed = new Set<string>([...globalFlags, ...command.flags]);
	const known = new Set(Object.keys(flagSpec));
	for (const [flag, value] of Object.entries(flags)) {
		const dashed = flag.replace(/[A-Z]/g, letter => '-' + letter.toLowerCase());
		if (value === '' || (Array.isArray(value) && value.includes(''))) {
			throw usageError(`--${dashed} needs a value; it was given an empty one.`);
		}

		if (value !== undefined && !allowed.has(flag) && !(Array.isArray(value) && value.length === 0)) {
			throw usageError(known.has(flag)
				? `'pluginary ${name}' does not take --${dashed}; see 'pluginary ${name} --help'.`
				: `Unknown option --${dashed}; see 'pluginary${name ? ` ${name}` : ''} --help'.`);
		}
	}

	if (args.includes('')) {
		throw usageError(`'pluginary ${name}' was given an empty argument (''); it means nothing here.`);
	}
}

async function openExplorer(flags: Flags, out: Output): Promise<number> {
	if (flags.help) {
		out.write(mainHelp.replace(/^\n/, '') + '\n');
		out.flush();
		return 0;
	}

	if (!process.stdin.isTTY || !process.stdout.isTTY) {
		process.stderr.write("pluginary: the explorer needs a terminal; run a command instead (try 'pluginary list' or 'pluginary --help').\n");
		return 2;
	}

	const {runExplorer} = await import('../ui/run.js');
	return runExplorer({dbPath: resolveDbPath(flags.db), color: flags.color !== false && !process.env['NO_COLOR']});
}

/** The config file's colour choice, when it makes one (`always`/`never`); a broken config is reported by the commands that need it. */
async function configuredColor(configFlag: string | undefined): Promise<boolean | undefined> {
	try {
		const color = (await loadConfigIfAny(configFlag))?.color;
		return color === undefined || color === 'auto' ? undefined : color === 'always';
	} catch {
		return undefined;
	}
}
