import {spawn, type ChildProcessWithoutNullStreams} from 'node:child_process';
import {
	createMessageConnection,
	ResponseError,
	StreamMessageReader,
	StreamMessageWriter,
	type MessageConnection,
} from 'vscode-jsonrpc/node';
import type {ProbedPlugin} from '../catalog/plugin.js';
import {hostBinaryPath} from './binary.js';
import {HostCrashedError, HostProbeError, HostStartError, type HostExit} from './errors.js';
import type {CheckParams, CheckResult, InitializeResult, ProbeParams, ProbeResult} from './protocol.js';

/** Options for starting a host process. */
export type HostClientOptions = {
	/** Binary to run; defaults to hostBinaryPath(). */
	binary?: string;
	/** Environment of the host (e.g. LV2_PATH); defaults to this process's. */
	env?: NodeJS.ProcessEnv;
	/** How many characters of the host's stderr to keep for crash reports (default 4096). */
	stderrLimit?: number;
};

/**
 * Grace period between the host's streams closing and pending requests being failed, so a reply the
 * host wrote just before exiting is still delivered (vscode-jsonrpc dispatches replies asynchronously).
 */
const replyGraceMs = 20;

/** vscode-jsonrpc's own codes for requests that failed locally (write failed, connection closed or disposed). */
function isConnectionFailure(code: number): boolean {
	return code >= -32_099 && code <= -32_096;
}

/**
 * One native host process and its JSON-RPC connection. One request at a time is the host's contract;
 * the scan engine owns timeouts and pools. A host death rejects the pending request with HostCrashedError;
 * an error reply rejects with HostProbeError. Never emits unhandled errors or rejections.
 */
export class HostClient {
	/** Resolves once when the process has ended (never rejects). */
	readonly exited: Promise<HostExit>;
	private readonly child: ChildProcessWithoutNullStreams;
	private readonly connection: MessageConnection;
	private readonly binary: string;
	private readonly stderrLimit: number;
	private stderrTail = '';
	private exit: HostExit | undefined;
	private startError: Error | undefined;
	private readonly failPending: Promise<never>;

	/** Spawns the host. Cheap (~a few ms); the host loads nothing until asked. */
	constructor(options: HostClientOptions = {}) {
		this.binary = options.binary ?? hostBinaryPath();
		this.stderrLimit = options.stderrLimit ?? 4096;
		this.child = spawn(this.binary, [], {env: options.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe']});

		let settleExit: (exit: HostExit) => void = () => undefined;
		this.exited = new Promise(resolve => {
			settleExit = resolve;
		});
		let rejectPending: (error: Error) => void = () => undefined;
		this.failPending = new Promise<never>((_resolve, reject) => {
			rejectPending = reject;
		});
		this.failPending.catch(() => undefined);

		const finish = (exit: HostExit) => {
			if (this.exit) {
				return;
			}

			this.exit = exit;
			settleExit(exit);
			setTimeout(() => {
				rejectPending(this.endedError());
				this.connection.dispose();
			}, replyGraceMs);
		};

		this.child.on('error', error => {
			if (this.child.pid === undefined) {
				this.startError = new HostStartError(this.binary, error);
				finish({code: null, signal: null});
			}
		});
		this.child.on('close', (code, signal) => {
			finish({code, signal});
		});
		this.child.stdin.on('error', () => undefined); // EPIPE when the host is gone; the close handler reports it
		this.child.stdout.on('error', () => undefined);
		this.child.stderr.setEncoding('utf8');
		this.child.stderr.on('data', (chunk: string) => {
			this.stderrTail = (this.stderrTail + chunk).slice(-this.stderrLimit);
		});

		this.connection = createMessageConnection(
			new StreamMessageReader(this.child.stdout),
			new StreamMessageWriter(this.child.stdin),
		);
		this.connection.onError(() => undefined);
		this.connection.listen();
	}

	/** Process id of the host, undefined when it could not be started. */
	get pid(): number | undefined {
		return this.child.pid;
	}

	/** The last few KB the host wrote to stderr (its log and whatever plugins printed). */
	get stderr(): string {
		return this.stderrTail;
	}

	/** Asks the host for its version and which formats it can probe. */
	async initialize(): Promise<InitializeResult> {
		return this.request<InitializeResult>('initialize', {});
	}

	/** Probes one file or bundle; resolves with every plugin in it. */
	async probe(params: ProbeParams): Promise<ProbedPlugin[]> {
		const result = await this.request<ProbeResult>('probe', params);
		return result.plugins;
	}

	/**
	 * Runs one plugin on audio and judges it. A plugin that cannot be instantiated resolves as `failed`; a file
	 * that cannot be loaded or holds no such uid rejects with HostProbeError; a crash with HostCrashedError.
	 * The caller owns the timeout (kill the host when it does not answer).
	 */
	async check(params: CheckParams): Promise<CheckResult> {
		return this.request<CheckResult>('check', params);
	}

	/** Asks the host to exit cleanly and waits until it has. */
	async shutdown(): Promise<void> {
		if (!this.exit) {
			try {
				await this.request<undefined>('shutdown', {});
			} catch (error) {
				// A host that exits 0 before its reply arrives has still shut down as asked.
				if (!(error instanceof HostCrashedError && error.code === 0)) {
					throw error;
				}
			}
		}

		await this.exited;
	}

	/** Kills the host with SIGKILL (a hung plugin cannot ignore it). Safe to call at any time. */
	kill(): void {
		if (!this.exit && this.child.exitCode === null && this.child.signalCode === null) {
			this.child.kill('SIGKILL');
		}
	}

	/**
	 * Sends any JSON-RPC request. For protocol tests and methods without a typed wrapper; prefer the typed
	 * methods. Rejects with HostProbeError on an error reply, HostCrashedError when the host dies.
	 */
	async request<T>(method: string, params: unknown): Promise<T> {
		if (this.exit) {
			throw this.endedError();
		}

		const reply = this.connection.sendRequest<T>(method, params);
		reply.catch(() => undefined); // the race below reports the failure
		try {
			return await Promise.race([reply, this.failPending]);
		} catch (error) {
			if (error instanceof ResponseError && !isConnectionFailure(error.code)) {
				throw new HostProbeError(error.code, error.message);
			}

			if (error instanceof ResponseError) {
				// The request could not be written: the host is gone or going; report how it ended.
				await this.exited;
				throw this.endedError();
			}

			if (this.exit) {
				throw this.endedError();
			}

			throw error;
		}
	}

	private endedError(): Error {
		return this.startError ?? new HostCrashedError(this.exit ?? {code: null, signal: null}, this.stderrTail);
	}
}
