import {mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const made: string[] = [];
process.once('exit', () => {
	for (const dir of made) {
		try {
			rmSync(dir, {recursive: true, force: true});
		} catch {}
	}
});

/** A fresh temporary folder, removed when the process exits. */
export function tempDir(prefix = 'pluginary-test-'): string {
	const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
	made.push(dir);
	return dir;
}

/** A database path in a fresh temporary folder (the file does not exist yet). */
export function tempDbPath(): string {
	return path.join(tempDir(), 'catalog.db');
}
