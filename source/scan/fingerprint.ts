import {lstatSync, readdirSync, statSync, type Stats} from 'node:fs';
import path from 'node:path';
import {pathText} from '../path-text.js';

/** What change detection compares: bytes and modification time. */
export type Fingerprint = {size: number; mtimeMs: number};

/** A fingerprint, and the first thing found that is neither a regular file nor a folder (never probed). */
export type Inspection = Fingerprint & {irregular?: string};

/**
 * The fingerprint of a plugin file, or of a bundle directory (sum of its files' sizes, newest
 * mtime of its files and folders — so an edited, added or removed file changes it). Also notes
 * a FIFO, socket or device in the target's place or inside a bundle: the host would block
 * reading it, so such a file is recorded as failed instead of probed.
 * Cost: one stat per file (a bundle's files included); never opens or reads anything.
 */
export function fingerprint(target: string | Buffer): Inspection {
	const stats = statSync(target);
	if (!stats.isDirectory()) {
		const result: Inspection = {size: stats.size, mtimeMs: Math.trunc(stats.mtimeMs)};
		return stats.isFile() ? result : {...result, irregular: `${pathText(Buffer.from(target))} is ${kind(stats)}`};
	}

	const result: Inspection = {size: 0, mtimeMs: Math.trunc(stats.mtimeMs)};
	addDirectory(Buffer.from(target), result, 0);
	return result;
}

function kind(stats: Stats): string {
	return stats.isFIFO() ? 'a FIFO' : (stats.isSocket() ? 'a socket' : 'a device');
}

function addDirectory(dir: Buffer, result: Inspection, depth: number): void {
	if (depth > 8) {
		return;
	}

	for (const entry of readdirSync(dir, {withFileTypes: true, encoding: 'buffer'})) {
		const full = Buffer.concat([dir, Buffer.from(path.sep), entry.name]);
		let stats;
		try {
			stats = entry.isSymbolicLink() ? statSync(full) : lstatSync(full);
		} catch {
			continue;
		}

		result.mtimeMs = Math.max(result.mtimeMs, Math.trunc(stats.mtimeMs));
		if (stats.isDirectory()) {
			addDirectory(full, result, depth + 1);
		} else if (stats.isFile()) {
			result.size += stats.size;
		} else {
			result.irregular ??= `${pathText(full)} is ${kind(stats)}`;
		}
	}
}
