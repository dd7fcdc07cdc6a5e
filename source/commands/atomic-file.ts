import {closeSync, existsSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync} from 'node:fs';
import process from 'node:process';
import path from 'node:path';
import {randomBytes} from 'node:crypto';
import {UserError} from '../errors.js';
import {makeFolders} from '../paths.js';
import {BufferedWriter} from './buffered-writer.js';

/** How an AtomicFile treats what is already there. */
export type WriteOptions = {
	/** Replace an existing file. */
	force?: boolean;
	/** Create missing parent folders (pluginary's own files, never a user's `--out`). */
	createFolder?: boolean;
};

/**
 * A file written atomically: text goes to a temporary file in the same folder (buffered, 64 KiB
 * at a time), and `commit()` renames it over the target, so readers see the old file or the
 * whole new one, never a half-written one. `discard()` removes the temporary file. Has the
 * `write`/`line` shape of Output, so streaming writers can target either.
 */
export class AtomicFile extends BufferedWriter {
	/** The final path. */
	readonly path: string;
	private readonly temporary: string;
	private fd: number | undefined;

	/**
	 * Starts writing `target`. Throws a UserError (exit 1) when it exists and `force` is not set,
	 * when it is a directory, or when its folder is missing (unless `createFolder`, for pluginary's
	 * own files) or cannot be written. A user's `--out` never creates folders, as `cp` does not.
	 */
	constructor(target: string, {force = false, createFolder = false}: WriteOptions = {}) {
		super();
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
		if (!createFolder && !existsSync(dir)) {
			throw new UserError(`Cannot write ${this.path}: the folder ${dir} does not exist.`);
		}

		try {
			if (createFolder) {
				makeFolders(dir);
			}

			this.fd = openSync(this.temporary, 'wx', 0o644);
		} catch (error) {
			throw new UserError(`Cannot write ${this.path}: ${(error as Error).message}.`);
		}
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

	protected emit(text: string): void {
		if (this.fd !== undefined) {
			writeSync(this.fd, text);
		}
	}
}

/** Writes `text` to `target` atomically (see AtomicFile for the options). */
export function writeFileAtomic(target: string, text: string, options: WriteOptions): void {
	const file = new AtomicFile(target, options);
	try {
		file.write(text);
		file.commit();
	} catch (error) {
		file.discard();
		throw error;
	}
}
