/**
 * Fills a database with N synthetic plugins, each recorded as its own scanned file (the same path
 * through the store as a real scan). `node --import=tsx test/bench/fill.ts N FILE` does it from the
 * shell (for benchmarks, UI tests and media).
 */
import {existsSync, rmSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {openStore} from '../../source/db/open.js';
import {recordFileResult} from '../../source/db/queries/ingest.js';
import {syntheticPlugins} from './synthetic.js';

/** Writes `count` synthetic plugins into a new database at `file` (replacing it). */
export function fillSyntheticDb(file: string, count: number, seed = 1): void {
	for (const suffix of ['', '-wal', '-shm']) {
		if (existsSync(file + suffix)) {
			rmSync(file + suffix);
		}
	}

	const store = openStore(file);
	try {
		const scannedAt = new Date().toISOString();
		store.sqlite.transaction(() => {
			for (const entry of syntheticPlugins(count, seed)) {
				recordFileResult(store, {path: entry.path, format: entry.format, size: 1, mtimeMs: 1, status: 'ok'}, [entry], scannedAt);
			}
		})();
		store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
	} finally {
		store.close();
	}
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const [count, file] = process.argv.slice(2);
	if (!count || !file) {
		console.error('usage: node --import=tsx test/bench/fill.ts N FILE');
		process.exit(2);
	}

	fillSyntheticDb(file, Number(count));
	console.log(`wrote ${count} synthetic plugins to ${file}`);
}
