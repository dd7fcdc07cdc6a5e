/** How the host process ended: an exit code, or the signal that killed it. */
export type HostExit = {code: number | null; signal: NodeJS.Signals | null};

/** Readable description of a host's end, e.g. "host crashed with SIGSEGV" or "host exited with code 0". */
export function describeExit(exit: HostExit): string {
	if (exit.signal) {
		return `host crashed with ${exit.signal}`;
	}

	return `host exited with code ${exit.code ?? 'unknown'}`;
}

/**
 * The host process died while a request was in flight (a plugin crashed it, called exit, or it was
 * killed), or a request was sent to a host that had already ended. Record status `crashed`.
 */
export class HostCrashedError extends Error {
	override name = 'HostCrashedError';
	/** Exit code, when the host exited. */
	readonly code: number | null;
	/** Signal name, when a signal ended the host. */
	readonly signal: NodeJS.Signals | null;
	/** The last few KB of what the host (and the plugins in it) wrote to stderr. */
	readonly stderr: string;

	constructor(exit: HostExit, stderr: string) {
		super(describeExit(exit));
		this.code = exit.code;
		this.signal = exit.signal;
		this.stderr = stderr;
	}
}

/** The host answered with a JSON-RPC error (not a plugin, load failure, bad params, …). Record status `failed`. */
export class HostProbeError extends Error {
	override name = 'HostProbeError';
	/** JSON-RPC error code; see HOST_ERROR_CODES and native-host/PROTOCOL.md. */
	readonly code: number;

	constructor(code: number, message: string) {
		super(message);
		this.code = code;
	}
}

/** The host binary could not be started at all (missing, not executable). */
export class HostStartError extends Error {
	override name = 'HostStartError';

	constructor(binary: string, cause: Error) {
		super(`Cannot start the native host at ${binary} (${cause.message}). Build it with \`npm run build:host\`, or point PLUGINARY_HOST at it.`, {cause});
	}
}
