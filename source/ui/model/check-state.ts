import type {CheckEvent} from '../../check/events.js';

/** What the status bar shows of a health check: progress while it runs, the tally after. */
export type CheckView = {
	phase: 'starting' | 'running' | 'finished' | 'failed';
	/** Plugins checked so far, of `total`. */
	done: number;
	total: number;
	/** Checked plugins whose health is not ok. */
	notOk: number;
	/** Current results kept without running again. */
	kept: number;
	/** The plugin a worker started last. */
	current?: string;
	/** Why the check could not run (phase failed). */
	error?: string;
	interrupted?: boolean;
};

/** The view of a check that was just asked for. */
export function startingCheck(): CheckView {
	return {phase: 'starting', done: 0, total: 0, notOk: 0, kept: 0};
}

/** Folds one event of the check engine into the view. */
export function reduceCheck(view: CheckView, event: CheckEvent): CheckView {
	switch (event.type) {
		case 'started': {
			return {...view, phase: 'running', total: event.total, kept: event.kept};
		}

		case 'plugin-started': {
			return {...view, current: event.name};
		}

		case 'plugin-done': {
			return {...view, done: event.done, notOk: view.notOk + (event.report.health === 'ok' ? 0 : 1)};
		}

		case 'finished': {
			return {...view, phase: 'finished', current: undefined, interrupted: event.summary.interrupted};
		}
	}
}

/** The view of a check that could not run. */
export function failCheck(view: CheckView, error: string): CheckView {
	return {...view, phase: 'failed', current: undefined, error};
}

/** True while the check runs (or is starting). */
export function checkRunning(view: CheckView | undefined): boolean {
	return view?.phase === 'starting' || view?.phase === 'running';
}

/** The status bar's words for a check: progress while it runs, the tally after. */
export function checkStatusText(view: CheckView): string {
	if (view.phase === 'failed') {
		return `check failed: ${view.error ?? ''}`;
	}

	if (view.phase === 'starting') {
		return 'checking…';
	}

	const broken = view.notOk > 0 ? `, ${view.notOk} not ok` : '';
	if (view.phase === 'running') {
		return `checking ${view.done}/${view.total}${broken}`;
	}

	if (view.total === 0) {
		return view.kept > 0 ? `nothing to check (${view.kept} current)` : 'nothing to check';
	}

	return `${view.interrupted ? 'check stopped' : 'checked'} ${view.done}/${view.total}${broken}`;
}
