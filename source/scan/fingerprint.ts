import {lstatSync, readdirSync, statSync} from 'node:fs';
import path from 'node:path';

/** What change detection compares: bytes and modification time. */
export type Fingerprint = {size: number; mtimeMs: number};

/**
 * The fingerprint of a plugin file, or of a bundle directory (sum of its files' sizes, newest
 * mtime of its files and folders — so an edited, added or removed file changes it).
 * Cost: one stat per file (a bundle's files included); never reads contents.
 */
export function fingerprint(target: string | Buffer): Fingerprint {
	const stats = statSync(target);
	if (!stats.isDirectory()) {
		return {size: stats.size, mtimeMs: Math.trunc(stats.mtimeMs)};
	}

	const result = {size: 0, mtimeMs: Math.trunc(stats.mtimeMs)};
	addDirectory(target, result, 0);
	return result;
}

function addDirectory(dir: string | Buffer, result: Fingerprint, depth: number): void {
	if (depth > 8) {
		return;
	}

	for (const entry of readdirSync(dir, {withFileTypes: true, encoding: 'buffer'})) {
		const full = Buffer.concat([Buffer.from(dir), Buffer.from(path.sep), entry.name]);
		let stats;
		try {
			stats = entry.isSymbolicLink() ? statSync(full) : lstatSync(full);
		} catch {
			continue;
		}

		result.mtimeMs = Math.max(result.mtimeMs, Math.trunc(stats.mtimeMs));
		if (stats.isDirectory()) {
			addDirectory(full, result, depth + 1);
		} else {
			result.size += stats.size;
		}
	}
}
