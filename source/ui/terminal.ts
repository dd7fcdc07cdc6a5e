/** Enter the alternate screen and hide the cursor. */
export const ENTER_ALTERNATE_SCREEN = '\u001B[?1049h\u001B[?25l';
/** Show the cursor and leave the alternate screen (the shell's screen comes back untouched). */
export const LEAVE_ALTERNATE_SCREEN = '\u001B[?25h\u001B[?1049l';

/** The alternate screen, entered once and left exactly once whatever the exit path. */
export type AlternateScreen = {
	enter(): void;
	/** Leaves the alternate screen; safe to call many times (only the first call writes). */
	leave(): void;
	readonly active: boolean;
};

/** Writes the alternate-screen sequences to `stream` (synchronously, so it works in 'exit' handlers). */
export function alternateScreen(stream: {write(data: string): unknown}): AlternateScreen {
	let active = false;
	return {
		enter() {
			if (!active) {
				active = true;
				stream.write(ENTER_ALTERNATE_SCREEN);
			}
		},
		leave() {
			if (active) {
				active = false;
				stream.write(LEAVE_ALTERNATE_SCREEN);
			}
		},
		get active() {
			return active;
		},
	};
}

/** Exit codes for the signals the explorer handles (128 + signal number). */
export const SIGNAL_EXIT_CODES = {SIGINT: 130, SIGTERM: 143, SIGHUP: 129} as const;
/** A signal the explorer turns into a clean quit. */
export type QuitSignal = keyof typeof SIGNAL_EXIT_CODES;

/**
 * Installs the process-wide guards of a full-screen run: the signals quit cleanly through
 * `onSignal`; an uncaught error or a bare process exit leaves the alternate screen first.
 * Returns the function that removes them.
 */
export function installGuards(screen: AlternateScreen, onSignal: (signal: QuitSignal) => void, onCrash: (error: unknown) => void): () => void {
	const signalHandlers = (Object.keys(SIGNAL_EXIT_CODES) as QuitSignal[]).map(signal => {
		const handler = (): void => onSignal(signal);
		process.on(signal, handler);
		return [signal, handler] as const;
	});
	const crash = (error: unknown): void => {
		screen.leave();
		onCrash(error);
	};

	const exit = (): void => screen.leave();
	process.on('uncaughtException', crash);
	process.on('unhandledRejection', crash);
	process.on('exit', exit);
	return () => {
		for (const [signal, handler] of signalHandlers) {
			process.off(signal, handler);
		}

		process.off('uncaughtException', crash);
		process.off('unhandledRejection', crash);
		process.off('exit', exit);
	};
}
