import {closeSync, existsSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync} from 'node:fs';
import process from 'node:process';
import path from 'node:path';
import {randomBytes} from 'node:crypto';
import {UserError} from '../errors.js';
import {makeFolders} from '../paths.js';

/**
 * A file written atomically: text goes to a temporary file in the same folder (buffered, 64 KiB
 * at a time), and `commit()` renames it over the target, so readers see the old file or the
 * whole new one, never a half-written one. `discard()` removes the temporary file. Has the
 * `write`/`line` shape of Output, so streaming writers can target either.
 */
export class AtomicFile {
	/** The final path. */
	readonly path: string;
	private readonly temporary: string;
	private fd: number | undefined;
	private buffer: string[] = [];
	private size = 0;

	/**
	 * Starts writing `target`. Throws a UserError (exit 1) when it exists and `force` is not set,
	 * when it is a directory, or when its folder cannot be written.
	 */
	constructor(target: string, force: boolean) {
		this.path = path.resolve(target);
		if (existsSync(this.path)) {
			if (statSync(this.path).isDirectory()) {
				throw new UserError(`${this.path} is a directory; give a file name.`);
			}

			if (!force) {
				throw new UserError(`${this.path} exists already; add --force to replace it.`);
			}
		}

		const dir = path.dirname(this.path);
		this.temporary = path.join(dir, `.${path.basename(this.path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
		try {
			makeFolders(dir);
			this.fd = openSync(this.temporary, 'wx', 0o644);
		} catch (error) {
			throw new UserError(`Cannot write ${this.path}: ${(error as Error).message}.`);
		}
	}

	/** Buffers text. */
	write(text: string): void {
		this.buffer.push(text);
		this.size += text.length;
		if (this.size >= 65_536) {
			this.flush();
		}
	}

	/** Buffers one line. */
	line(text = ''): void {
		this.write(text + '\n');
	}

	/** Writes, syncs and renames the file into place. */
	commit(): void {
		this.flush();
		if (this.fd !== undefined) {
			fsyncSync(this.fd);
			closeSync(this.fd);
			this.fd = undefined;
		}

		renameSync(this.temporary, this.path);
	}

	/** Drops the temporary file (after an error). Safe to call twice. */
	discard(): void {
		if (this.fd !== undefined) {
			closeSync(this.fd);
			this.fd = undefined;
		}

		try {
			unlinkSync(this.temporary);
		} catch {}
	}

	private flush(): void {
		if (this.fd !== undefined && this.buffer.length > 0) {
			writeSync(this.fd, this.buffer.join(''));
		}

		this.buffer = [];
		this.size = 0;
	}
}

/** Writes `text` to `target` atomically; an existing file is replaced only with `force` (default true). */
export function writeFileAtomic(target: string, text: string, force = true): void {
	const file = new AtomicFile(target, force);
	try {
		file.write(text);
		file.commit();
	} catch (error) {
		file.discard();
		throw error;
	}
}
