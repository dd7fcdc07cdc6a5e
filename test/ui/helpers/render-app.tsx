/** Renders the explorer over a store with ink-testing-library, and waits for frames by polling. */
import {render} from 'ink-testing-library';
import {App} from '../../../source/ui/app.js';
import type {ExplorerServices} from '../../../source/ui/services.js';
import {makeTheme} from '../../../source/ui/theme.js';
import type {Store} from '../../../source/db/open.js';
import type {ScanEvent, ScanHandle, ScanSummary} from '../../../source/scan/events.js';
import {startCheck} from '../../../source/check/run.js';

/** Keys as the terminal sends them. */
export const keys = {up: '\u001B[A', down: '\u001B[B', pageDown: '\u001B[6~', pageUp: '\u001B[5~', home: '\u001B[H', end: '\u001B[F', enter: '\r', escape: '\u001B', ctrlC: '\u0003', backspace: '\u007F'};

/** A scan whose events the test pushes by hand. */
export type FakeScan = ScanHandle & {push(event: ScanEvent): void; finish(summary: ScanSummary): void; cancelled: boolean; started: Array<{full: boolean}>};

/** A fake scan engine: startScan returns a handle fed by `push`/`finish`. */
export function fakeScan(): FakeScan {
	const queue: ScanEvent[] = [];
	let wake: (() => void) | undefined;
	let closed = false;
	let resolveDone!: (summary: ScanSummary) => void;
	const done = new Promise<ScanSummary>(resolve => {
		resolveDone = resolve;
	});
	const scan: FakeScan = {
		started: [],
		cancelled: false,
		events: {
			async *[Symbol.asyncIterator]() {
				while (true) {
					if (queue.length > 0) {
						yield queue.shift()!;
						continue;
					}

					if (closed) {
						return;
					}

					await new Promise<void>(resolve => {
						wake = resolve;
					});
				}
			},
		},
		cancel() {
			scan.cancelled = true;
		},
		done,
		push(event) {
			queue.push(event);
			wake?.();
		},
		finish(summary) {
			scan.push({type: 'finished', summary});
			closed = true;
			resolveDone(summary);
			wake?.();
		},
	};
	return scan;
}

/** Options of renderApp. */
export type RenderAppOptions = {
	store: Store;
	columns?: number;
	rows?: number;
	unicode?: boolean;
	color?: boolean;
	scan?: FakeScan;
};

/** Renders the app; returns the instance with `waitFor` (poll frames, 5 s deadline) and `press`. */
export function renderApp({store, columns = 100, rows = 24, unicode = true, color = false, scan = fakeScan()}: RenderAppOptions) {
	const services: ExplorerServices = {
		store,
		startScan(options) {
			scan.started.push(options);
			return scan;
		},
		startCheck: ({ids, all}) => startCheck({store, ids, all, jobs: 1}),
		searchFolders: () => [{format: 'lv2', folders: ['/home/me/.lv2', '/usr/lib/lv2']}, {format: 'clap', folders: ['/usr/lib/clap']}],
		now: () => Date.parse('2026-01-02T12:00:00.000Z'),
	};
	const instance = render(<App services={services} theme={makeTheme({color, unicode})} size={{columns, rows}}/>);
	const frame = (): string => instance.lastFrame() ?? '';
	const waitFor = async (wanted: string | RegExp | ((frame: string) => boolean), timeoutMs = 5000): Promise<string> => {
		const test = typeof wanted === 'function' ? wanted : (text: string) => (typeof wanted === 'string' ? text.includes(wanted) : wanted.test(text));
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (test(frame())) {
				return frame();
			}

			await new Promise(resolve => setTimeout(resolve, 5));
		}

		throw new Error(`timed out waiting for ${String(wanted)}; last frame:\n${frame()}`);
	};

	/** Writes keys one at a time, each in its own tick (as a person types). */
	const press = async (...sequence: string[]): Promise<void> => {
		for (const key of sequence) {
			instance.stdin.write(key);
			await new Promise(resolve => setImmediate(resolve));
		}
	};

	return {...instance, frame, waitFor, press, scan, services};
}
