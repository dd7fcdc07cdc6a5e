import {useCallback, useEffect, useRef, useState} from 'react';
import {messageOf} from '../../errors.js';
import type {CheckHandle} from '../../check/events.js';
import {checkRunning, failCheck, reduceCheck, startingCheck, type CheckView} from '../model/check-state.js';
import type {ExplorerCheckOptions} from '../services.js';
import {useServices} from './use-services.js';

/** The running (or last) health check and its controls. */
export type CheckApi = {
	/** The status bar's view; undefined before the first check. */
	view: CheckView | undefined;
	/** Starts a check unless one is running. */
	start(options: ExplorerCheckOptions): void;
	/** Stops the running check (what finished is kept). */
	cancel(): void;
};

/** Redraws of the progress at most this often. */
const frameMs = 100;

/**
 * Runs health checks through the check engine and folds their events into a view. `onChecked`
 * gets the ids of the plugins whose results were stored, a few at a time while the check runs
 * (the explorer reloads just those rows).
 */
export function useCheck(onChecked: (ids: string[]) => void): CheckApi {
	const services = useServices();
	const [view, setView] = useState<CheckView | undefined>(undefined);
	const latest = useRef<CheckView | undefined>(undefined);
	const handle = useRef<CheckHandle | undefined>(undefined);
	const pending = useRef<string[]>([]);
	const timer = useRef<NodeJS.Timeout | undefined>(undefined);
	const checked = useRef(onChecked);
	checked.current = onChecked;
	const publish = useCallback((now: boolean) => {
		const flush = (): void => {
			timer.current = undefined;
			setView(latest.current);
			if (pending.current.length > 0) {
				checked.current(pending.current);
				pending.current = [];
			}
		};

		if (now) {
			clearTimeout(timer.current);
			flush();
		} else {
			timer.current ??= setTimeout(flush, frameMs);
		}
	}, []);
	const start = useCallback((options: ExplorerCheckOptions) => {
		if (checkRunning(latest.current)) {
			return;
		}

		latest.current = startingCheck();
		publish(true);
		void (async () => {
			try {
				const check = services.startCheck(options);
				handle.current = check;
				for await (const event of check.events) {
					latest.current = reduceCheck(latest.current!, event);
					if (event.type === 'plugin-done') {
						pending.current.push(event.report.id);
					}

					publish(event.type !== 'plugin-started' && event.type !== 'plugin-done');
				}

				await check.done;
			} catch (error) {
				latest.current = failCheck(latest.current!, messageOf(error));
			} finally {
				handle.current = undefined;
				publish(true);
			}
		})();
	}, [services, publish]);
	const cancel = useCallback(() => handle.current?.cancel(), []);
	useEffect(() => () => {
		clearTimeout(timer.current);
		handle.current?.cancel();
	}, []);
	return {view, start, cancel};
}
