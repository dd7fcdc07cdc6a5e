import process from 'node:process';
import {UserError, messageOf} from '../errors.js';
import {BufferedWriter} from './buffered-writer.js';

/** ANSI styles used by plain CLI output. */
const styles = {bold: [1, 22], dim: [2, 22], red: [31, 39], green: [32, 39], yellow: [33, 39], cyan: [36, 39]} as const;
/** A style name. */
export type Style = keyof typeof styles;

/** True when colour is on: never with `--no-color` or `NO_COLOR`; always when asked (`true`); else when stdout is a terminal. */
export function colorEnabled(flag: boolean | undefined, stream: NodeJS.WriteStream = process.stdout): boolean {
	if (flag === false || (process.env['NO_COLOR'] ?? '') !== '') {
		return false;
	}

	return flag === true || Boolean(stream.isTTY);
}

/**
 * Buffered writer for stdout. Stops quietly when the reader goes away (EPIPE, e.g. `| head`).
 * `write` buffers up to 64 KiB before handing it to the stream, so streaming 10k rows is cheap.
 */
export class Output extends BufferedWriter {
	/** Whether ANSI styles are emitted. */
	readonly color: boolean;
	private closed = false;

	constructor(color: boolean, private readonly stream: NodeJS.WriteStream = process.stdout) {
		super();
		this.color = color;
		stream.on('error', (error: NodeJS.ErrnoException) => {
			if (error.code === 'EPIPE') {
				this.closed = true;
				process.exit(process.exitCode ?? 0);
			}
		});
	}

	/** Styles text when colour is on. */
	paint(style: Style, text: string): string {
		if (!this.color) {
			return text;
		}

		const [open, close] = styles[style];
		return `\u001B[${open}m${text}\u001B[${close}m`;
	}

	protected emit(text: string): void {
		if (!this.closed) {
			this.stream.write(text);
		}
	}
}

/** Writes a JSON array from an iterable, one element at a time (never the whole list in memory). */
export function writeJsonArray(out: Output, items: Iterable<unknown>): number {
	let count = 0;
	out.write('[');
	for (const item of items) {
		out.write((count === 0 ? '\n' : ',\n') + JSON.stringify(item));
		count++;
	}

	out.write(count === 0 ? ']\n' : '\n]\n');
	return count;
}

/** Writes one JSON value per line. */
export function writeNdjson(out: Output, items: Iterable<unknown>): number {
	let count = 0;
	for (const item of items) {
		out.line(JSON.stringify(item));
		count++;
	}

	return count;
}

/** Prints an error as one line on stderr and returns the exit code to use. */
export function reportFatal(error: unknown, verbose: boolean): number {
	if (error instanceof UserError) {
		process.stderr.write(`pluginary: ${oneLine(error.message)}\n`);
		return error.exitCode;
	}

	const code = (error as {code?: unknown})?.code;
	if (typeof code === 'string' && code.startsWith('SQLITE_') && !verbose) {
		process.stderr.write(`pluginary: the database could not be used (${code}: ${oneLine(messageOf(error))}); run 'pluginary cache verify'.\n`);
		return 1;
	}

	if (verbose || process.env['DEBUG']) {
		process.stderr.write(`pluginary: unexpected error: ${(error as Error)?.stack ?? messageOf(error)}\n`);
	} else {
		process.stderr.write(`pluginary: unexpected error: ${oneLine(messageOf(error))} (run again with --verbose for details)\n`);
	}

	return 1;
}

function oneLine(text: string): string {
	return text.replace(/\s*\n\s*/g, ' ').trim();
}

/** Pads or cuts text to exactly `width` columns (plain text); control characters (a newline in a name) show as `?`. */
export function fit(raw: string, width: number): string {
	const text = raw.replace(/[\u0000-\u001F\u007F]/g, '?');
	if (text.length > width) {
		return width > 1 ? text.slice(0, width - 1) + '…' : text.slice(0, width);
	}

	return text.padEnd(width);
}
