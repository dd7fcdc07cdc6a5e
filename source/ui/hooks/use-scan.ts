import {useCallback, useEffect, useRef, useState} from 'react';
import {messageOf} from '../../errors.js';
import type {ScanHandle, ScanSummary} from '../../scan/events.js';
import {failScan, finishScan, isRunning, reduceScan, startingScan, type ScanView} from '../model/scan-state.js';
import {useServices} from './use-services.js';

/** The running (or last) scan and its controls. */
export type ScanApi = {
	/** The dashboard's view; undefined before the first scan. */
	view: ScanView | undefined;
	/** Starts a scan unless one is running. */
	start(full: boolean): void;
	/** Stops the running scan (what finished is kept). */
	cancel(): void;
};

/** Redraws of the dashboard at most this often (≤ 20 per second). */
export const SCAN_FRAME_MS = 50;

/**
 * Runs scans through the scan engine and folds their events into a view, publishing it at most
 * every SCAN_FRAME_MS. `onFinished` runs once a scan ends, with its summary when it ran (the explorer updates the catalog).
 */
export function useScan(onFinished: (summary?: ScanSummary) => void): ScanApi {
	const services = useServices();
	const [view, setView] = useState<ScanView | undefined>(undefined);
	const latest = useRef<ScanView | undefined>(undefined);
	const handle = useRef<ScanHandle | undefined>(undefined);
	const timer = useRef<NodeJS.Timeout | undefined>(undefined);
	const finished = useRef(onFinished);
	finished.current = onFinished;
	const publish = useCallback((now: boolean) => {
		if (now) {
			clearTimeout(timer.current);
			timer.current = undefined;
			setView(latest.current);
		} else {
			timer.current ??= setTimeout(() => {
				timer.current = undefined;
				setView(latest.current);
			}, SCAN_FRAME_MS);
		}
	}, []);
	const start = useCallback((full: boolean) => {
		if (isRunning(latest.current)) {
			return;
		}

		latest.current = startingScan(full, services.now());
		publish(true);
		void follow(services.startScan.bind(services), full, handle, latest, publish).then(summary => {
			finished.current(summary);
		});
	}, [services, publish]);
	const cancel = useCallback(() => handle.current?.cancel(), []);
	useEffect(() => () => {
		clearTimeout(timer.current);
		handle.current?.cancel();
	}, []);
	return {view, start, cancel};
}

type Ref<T> = {current: T};

async function follow(startScan: (options: {full: boolean}) => ScanHandle, full: boolean, handle: Ref<ScanHandle | undefined>,
	latest: Ref<ScanView | undefined>, publish: (now: boolean) => void): Promise<ScanSummary | undefined> {
	try {
		const scan = startScan({full});
		handle.current = scan;
		for await (const event of scan.events) {
			latest.current = reduceScan(latest.current!, event);
			publish(event.type === 'finished' || event.type === 'started');
		}

		const summary = await scan.done;
		if (latest.current!.phase !== 'finished') {
			latest.current = finishScan(latest.current!, summary);
		}

		return summary;
	} catch (error) {
		latest.current = failScan(latest.current!, messageOf(error));
		return undefined;
	} finally {
		handle.current = undefined;
		publish(true);
	}
}
