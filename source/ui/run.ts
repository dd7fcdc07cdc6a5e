import process from 'node:process';
import {createElement} from 'react';
import {render} from 'ink';
import {openStore} from '../db/open.js';
import {messageOf} from '../errors.js';
import type {CheckHandle} from '../check/events.js';
import type {ScanHandle} from '../scan/events.js';
import {defaultRoots, scannableFormats} from '../scan/roots.js';
import {App} from './app.js';
import {lazyHandle} from './lazy-handle.js';
import {tuneHeapForExplorer} from './model/heap.js';
import type {ExplorerServices} from './services.js';
import {alternateScreen, installGuards, SIGNAL_EXIT_CODES} from './terminal.js';
import {colorWanted, localeIsUtf8, makeTheme} from './theme.js';

/** Options of the explorer. */
export type ExplorerOptions = {
	dbPath: string;
	/** False for --no-color (NO_COLOR is read here too). */
	color: boolean;
	/** Scan options the explorer's `r`/`R` pass on (jobs, timeout, extra folders). */
	scan?: {jobs?: number; timeoutSeconds?: number};
	/** Check options the explorer's `c`/`C` pass on. */
	check?: {jobs?: number; timeoutSeconds?: number};
};

/** How long quitting waits for a running scan or check to stop (its finished files are committed already). */
const scanStopTimeoutMs = 5000;

/**
 * Runs the full-screen explorer on the alternate screen until the user quits, and returns the
 * exit code. The terminal is given back on every path: q, Ctrl-C, SIGINT/SIGTERM/SIGHUP,
 * uncaught errors. A running scan is cancelled and awaited (briefly) so the store stays consistent.
 */
export async function runExplorer(options: ExplorerOptions): Promise<number> {
	tuneHeapForExplorer();
	const store = openStore(options.dbPath);
	let activeScan: ScanHandle | undefined;
	let activeCheck: CheckHandle | undefined;
	const services: ExplorerServices = {
		store,
		startScan: ({full}) => {
			activeScan = lazyHandle(async () => (await import('../scan/run.js')).startScan({dbPath: options.dbPath, full, ...options.scan}));
			return activeScan;
		},
		startCheck: ({ids, all}) => {
			activeCheck = lazyHandle(async () => (await import('../check/run.js')).startCheck({store, ids, all, ...options.check}));
			return activeCheck;
		},
		searchFolders: () => scannableFormats().map(format => ({format, folders: defaultRoots(format)})),
		now: () => Date.now(),
	};
	const theme = makeTheme({color: colorWanted(options.color), unicode: localeIsUtf8()});
	const screen = alternateScreen(process.stdout);
	let exitCode = 0;
	let crash: unknown;
	screen.enter();
	const instance = render(createElement(App, {services, theme}), {exitOnCtrlC: false, maxFps: 60, concurrent: false});
	const removeGuards = installGuards(screen, signal => {
		exitCode = SIGNAL_EXIT_CODES[signal];
		instance.unmount();
	}, error => {
		crash = error;
		instance.unmount();
	});
	// A terminal that goes away without a SIGHUP (the input just ends) quits like SIGHUP, instead of
	// leaving an orphan that spins on a closed input.
	const terminalGone = (): void => {
		exitCode = SIGNAL_EXIT_CODES.SIGHUP;
		instance.unmount();
	};

	process.stdin.once('end', terminalGone);
	try {
		await instance.waitUntilExit();
	} catch (error) {
		crash = error;
	} finally {
		process.stdin.removeListener('end', terminalGone);
		instance.cleanup();
		screen.leave();
		removeGuards();
		await Promise.all([stopJob(activeScan), stopJob(activeCheck)]);
		store.close();
	}

	if (crash !== undefined) {
		process.stderr.write(`pluginary: the explorer stopped on an error: ${messageOf(crash)}\n`);
		if (process.env['DEBUG'] && crash instanceof Error && crash.stack) {
			process.stderr.write(crash.stack + '\n');
		}

		return 1;
	}

	if (exitCode === SIGNAL_EXIT_CODES.SIGHUP) {
		// The terminal is gone: end by the signal itself, as hung-up programs do. (Exiting normally
		// makes Node restore the dead terminal's modes, fail, and abort.)
		process.removeAllListeners('SIGHUP');
		process.kill(process.pid, 'SIGHUP');
	}

	return exitCode;
}

async function stopJob(job: ScanHandle | CheckHandle | undefined): Promise<void> {
	if (!job) {
		return;
	}

	job.cancel();
	let timer: NodeJS.Timeout | undefined;
	await Promise.race([job.done.catch(() => undefined), new Promise(resolve => {
		timer = setTimeout(resolve, scanStopTimeoutMs);
	})]);
	clearTimeout(timer);
}
