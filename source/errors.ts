/** Exit codes of the CLI (docs/architecture.md, Command line). */
export const EXIT = {ok: 0, failure: 1, usage: 2, notFound: 3} as const;

/**
 * An error meant for the user: its message is one sentence saying what is wrong and what to do.
 * The CLI prints it without a stack trace and exits with `exitCode`.
 */
export class UserError extends Error {
	/** Process exit code to use. */
	readonly exitCode: number;

	constructor(message: string, exitCode: number = EXIT.failure) {
		super(message);
		this.name = 'UserError';
		this.exitCode = exitCode;
	}
}

/** A usage error (bad flag, bad argument, bad query): exit 2. */
export function usageError(message: string): UserError {
	return new UserError(message, EXIT.usage);
}

/** Something asked for does not exist: exit 3. */
export function notFoundError(message: string): UserError {
	return new UserError(message, EXIT.notFound);
}

/** The message of any thrown value. */
export function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
