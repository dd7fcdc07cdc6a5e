import {mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {performance} from 'node:perf_hooks';
import {openStore} from '../../source/db/open.js';
import {recordFileResult} from '../../source/db/queries/ingest.js';
import {cliPath} from '../helpers/cli.js';
import {fillSyntheticDb} from './fill.js';
import {type Benchmark, type Figure, atMost, medianRun, plain, timeCommand} from './measure.js';
import {syntheticPlugins} from './synthetic.js';

/** `list --json` start-to-exit on 10k plugins (wall and peak RSS), and the ingest of one 30k-parameter plugin. */
export const storeBenchmark: Benchmark = {
	title: 'Store and list (synthetic catalog)',
	async run() {
		const work = mkdtempSync(path.join(os.tmpdir(), 'pluginary-bench-store-'));
		const figures: Figure[] = [];
		try {
			const db = path.join(work, '10k.db');
			const fillStart = performance.now();
			fillSyntheticDb(db, 10_000);
			figures.push(plain('store.fill.10k', performance.now() - fillStart, 'ms'));
			const list = await medianRun(5, async () => timeCommand(process.execPath, [cliPath, 'list', '--db', db, '--json']));
			figures.push(atMost('list.json.10k.wall', list.ms, 'ms', 300), atMost('list.json.10k.rss', list.peakRssMb, 'MB', 60));

			const [big] = syntheticPlugins(1, 7);
			big!.parameters = Array.from({length: 30_000}, (_, i) => ({...big!.parameters[0]!, id: String(i), name: `Param ${i + 1}`}));
			const store = openStore(path.join(work, 'ingest.db'));
			const start = performance.now();
			recordFileResult(store, {path: big!.path, format: big!.format, size: 1, mtimeMs: 1, status: 'ok'}, [big!]);
			figures.push(atMost('store.ingest.30k-params', performance.now() - start, 'ms', 500));
			store.close();
		} finally {
			rmSync(work, {recursive: true, force: true});
		}

		return figures;
	},
};
