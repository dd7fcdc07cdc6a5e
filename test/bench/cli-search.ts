import {mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {openStore} from '../../source/db/open.js';
import {listSummaries} from '../../source/db/queries/plugins.js';
import {cliPath} from '../helpers/cli.js';
import {fillSyntheticDb} from './fill.js';
import {type Benchmark, type Figure, atMost, medianRun, plain, timeCommand} from './measure.js';

/**
 * `search` and `similar` start-to-exit (wall and peak RSS) at 1k and 10k synthetic plugins (~50
 * parameters each), beside `--version` in the same run: the goal is within 300 ms of `--version`
 * and under 100 MB.
 */
export const cliSearchBenchmark: Benchmark = {
	title: 'CLI search and similar (synthetic catalogs)',
	async run() {
		const work = mkdtempSync(path.join(os.tmpdir(), 'pluginary-bench-cli-search-'));
		const figures: Figure[] = [];
		try {
			const version = await medianRun(5, async () => timeCommand(process.execPath, [cliPath, '--version']));
			figures.push(plain('cli.version.wall', version.ms, 'ms'), plain('cli.version.rss', version.peakRssMb, 'MB'));
			for (const size of [1000, 10_000]) {
				const label = `${size / 1000}k`;
				const db = path.join(work, `${label}.db`);
				fillSyntheticDb(db, size);
				const store = openStore(db);
				const [target] = listSummaries(store, {includeHidden: true});
				store.close();
				const search = await medianRun(3, async () => timeCommand(process.execPath, [cliPath, 'search', '--db', db, 'comp']));
				const similar = await medianRun(3, async () => timeCommand(process.execPath, [cliPath, 'similar', '--db', db, target!.id]));
				figures.push(
					atMost(`cli.search.${label}.over-version`, search.ms - version.ms, 'ms', 300), atMost(`cli.search.${label}.rss`, search.peakRssMb, 'MB', 100),
					atMost(`cli.similar.${label}.over-version`, similar.ms - version.ms, 'ms', 300), atMost(`cli.similar.${label}.rss`, similar.peakRssMb, 'MB', 100),
				);
			}
		} finally {
			rmSync(work, {recursive: true, force: true});
		}

		return figures;
	},
};
