import process from 'node:process';
import {accessSync, constants, statSync} from 'node:fs';
import path from 'node:path';
import {UserError, messageOf, usageError} from '../errors.js';
import {catalogStats, verifyStore, type VerifyFinding} from '../db/queries/stats.js';
import {clearCatalog, diagnose, salvage, vacuumStore, type SalvageResult} from '../db/salvage.js';
import {readOnlyMessage} from '../db/store-errors.js';
import {defaultDbPath} from '../paths.js';
import {withScanLock} from '../scan/lock.js';
import type {Command, CommandContext} from './command.js';
import type {Output} from './output.js';
import {confirm} from './confirm.js';
import {rescanForRepair} from './cache-rebuild.js';

const help = `
  Usage
    $ pluginary cache path           print the database location
    $ pluginary cache stats [--json] counts per format, status and category; size; last scan
    $ pluginary cache verify         integrity, foreign keys, orphan rows, interrupted probes
    $ pluginary cache repair [--yes] recover a corrupt database (moved aside as <db>.corrupt-<time>,
                                     user data salvaged into a fresh one), or rebuild a healthy
                                     catalog by a full rescan keeping user data
    $ pluginary cache vacuum         compact the database file
    $ pluginary cache clear [--yes]  empty the catalog and scan state; favourites, tags, hidden
                                     plugins, categories, user presets, blacklist and settings stay

  repair and clear ask first on a terminal; elsewhere they need --yes (else exit 2).

  Options
    --json     JSON output (stats)
    --yes      do not ask (repair, clear)

  Examples
    $ pluginary cache path
    $ pluginary cache stats --json
    $ pluginary --db /tmp/plugins.db cache verify
    $ pluginary cache repair --yes
`;

const cache: Command = {
	help,
	flags: ['json', 'yes'],
	async run(context) {
		const {args, flags, out, store, dbPath} = context;
		const [action, ...rest] = args;
		if (rest.length > 0) {
			throw usageError(`'pluginary cache ${action ?? ''}' takes no more arguments; see 'pluginary cache --help'.`);
		}

		switch (action) {
			case 'path': {
				out.line(dbPath);
				return 0;
			}

			case 'stats': {
				const stats = catalogStats(store());
				if (flags.json) {
					out.line(JSON.stringify({path: dbPath, ...stats}, null, 2));
				} else {
					printStats(out, dbPath, stats);
				}

				return 0;
			}

			case 'verify': {
				const findings = safeVerify(store());
				for (const finding of findings) {
					const mark = finding.level === 'ok' ? out.paint('green', 'ok  ') : (finding.level === 'warn' ? out.paint('yellow', 'warn') : out.paint('red', 'FAIL'));
					out.line(`${mark} ${finding.check}: ${finding.detail}`);
				}

				return findings.some(finding => finding.level === 'fail') ? 1 : 0;
			}

			case 'repair': {
				return repair(context);
			}

			case 'vacuum': {
				const opened = store();
				const before = fileSize(dbPath);
				await withScanLock(dbPath, 'cache vacuum', () => vacuumStore(opened));
				out.line(`vacuumed ${dbPath}: ${mebibytes(before)} → ${mebibytes(fileSize(dbPath))}`);
				return 0;
			}

			case 'clear': {
				const opened = store();
				if (!await confirm(`Remove every catalogued plugin and the scan state from ${dbPath}? User data stays.`, {yes: flags.yes, command: 'cache clear'})) {
					process.stderr.write('pluginary: nothing was changed.\n');
					return 1;
				}

				const cleared = await withScanLock(dbPath, 'cache clear', () => clearCatalog(opened));
				out.line(`cleared ${cleared.plugins} plugins and ${cleared.files} files from ${dbPath}; user data kept. Run 'pluginary scan' to rebuild.`);
				return 0;
			}

			default: {
				throw usageError(action === undefined
					? "'pluginary cache' needs an action: path, stats, verify, repair, vacuum or clear."
					: `Unknown cache action '${action}'; use path, stats, verify, repair, vacuum or clear.`);
			}
		}
	},
};

/** verifyStore, with a damaged file (SQLite throwing "malformed" part-way) reported as a failed check. */
function safeVerify(opened: ReturnType<CommandContext['store']>): VerifyFinding[] {
	try {
		return verifyStore(opened);
	} catch (error) {
		const code = (error as {code?: string}).code ?? '';
		if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB' || /malformed/i.test(messageOf(error))) {
			return [{level: 'fail', check: 'integrity', detail: `${messageOf(error)}; run 'pluginary cache repair'`}];
		}

		throw error;
	}
}

async function repair(context: CommandContext): Promise<number> {
	const {flags, out, dbPath} = context;
	const diagnosis = diagnose(dbPath, {ownPath: dbPath === defaultDbPath});
	switch (diagnosis.state) {
		case 'missing':
		case 'empty': {
			out.line(`${dbPath} ${diagnosis.state === 'missing' ? 'does not exist' : 'is empty'}; nothing to repair (the first command creates it).`);
			return 0;
		}

		case 'refused': {
			throw new UserError(diagnosis.reason);
		}

		case 'corrupt': {
			if (!await confirm(`${dbPath} is damaged (${diagnosis.reason}). Move it aside and start a fresh database with the user data that can be read?`, {yes: flags.yes, command: 'cache repair'})) {
				process.stderr.write('pluginary: nothing was changed.\n');
				return 1;
			}

			assertFolderWritable(dbPath);
			const result = await withScanLock(dbPath, 'cache repair', () => salvage(dbPath));
			printSalvage(out, dbPath, result);
			return 0;
		}

		case 'healthy': {
			if (!await confirm(`Rebuild the catalog of ${dbPath} by a full rescan? User data is kept.`, {yes: flags.yes, command: 'cache repair'})) {
				process.stderr.write('pluginary: nothing was changed.\n');
				return 1;
			}

			assertFolderWritable(dbPath);
			return withScanLock(dbPath, 'cache repair', async () => {
				clearCatalog(context.store());
				return rescanForRepair(context);
			});
		}
	}
}

/** Repair renames and rewrites files beside the database: say so plainly when its folder cannot be written. */
function assertFolderWritable(dbPath: string): void {
	try {
		accessSync(path.dirname(dbPath), constants.W_OK);
		accessSync(dbPath, constants.W_OK);
	} catch (error) {
		throw new UserError(readOnlyMessage(dbPath, `repair needs to move it aside and write a new one: ${messageOf(error)}`));
	}
}

function printSalvage(out: Output, dbPath: string, result: SalvageResult): void {
	const {counts} = result;
	out.line(`moved the damaged database to ${result.movedTo}`);
	out.line(`created a fresh database at ${dbPath} and salvaged ${counts.user_data} user-data rows, ${counts.tags} tags, ${counts.user_presets} user presets, ${counts.blacklist} blacklist entries and ${counts.settings} settings`);
	for (const problem of result.problems) {
		process.stderr.write(`pluginary: could not read ${problem}\n`);
	}

	out.line("run 'pluginary scan' to rebuild the catalog");
}

function fileSize(file: string): number {
	let total = 0;
	for (const suffix of ['', '-wal']) {
		try {
			total += statSync(file + suffix).size;
		} catch {}
	}

	return total;
}

function mebibytes(bytes: number): string {
	return `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
}

function printStats(out: Output, path: string, stats: ReturnType<typeof catalogStats>): void {
	out.line(`${out.paint('bold', 'Database')}  ${path} (${(stats.databaseBytes / 1024 / 1024).toFixed(1)} MiB)`);
	out.line(`${out.paint('bold', 'Plugins')}   ${stats.plugins} with ${stats.parameters} parameters; ${stats.blacklisted} blacklisted files`);
	const section = (title: string, counts: Record<string, number>): void => {
		out.line(out.paint('bold', title));
		for (const [key, count] of Object.entries(counts)) {
			out.line(`  ${key.padEnd(14)} ${String(count).padStart(6)}`);
		}
	};

	section('By format', stats.byFormat);
	section('By status', stats.byStatus);
	section('By category', stats.byCategory);
	section('Files', stats.files);
	if (stats.lastScan) {
		const scan = stats.lastScan;
		out.line(`${out.paint('bold', 'Last scan')} ${scan.startedAt} (${scan.state}${scan.durationMs === null ? '' : `, ${(scan.durationMs / 1000).toFixed(2)} s`})`
			+ (scan.diff ? ` — ${scan.diff.new} new, ${scan.diff.changed} changed, ${scan.diff.removed} removed, ${scan.diff.unchanged} unchanged` : ''));
	} else {
		out.line(`${out.paint('bold', 'Last scan')} never — run 'pluginary scan'`);
	}
}

export default cache;
