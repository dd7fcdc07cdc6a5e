import {mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {openStore} from '../../source/db/open.js';
import {listSummaries} from '../../source/db/queries/plugins.js';
import {savedIndexFile} from '../../source/search/catalog-index.js';
import {cliPath} from '../helpers/cli.js';
import {fillSyntheticDb} from './fill.js';
import {type Benchmark, type Figure, atMost, medianRun, plain, timeCommand} from './measure.js';

/**
 * `search` and `similar` start-to-exit (wall and peak RSS) at 1k and 10k synthetic plugins (~50
 * parameters each), beside `--version` in the same run: the goal is within 300 ms of `--version`
 * and under 100 MB, with the saved index current (docs/search.md, "CLI search"). The first run
 * after a change ("cold": no saved index yet, it builds and saves one) is reported beside it.
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
				const searchArgs = [cliPath, 'search', '--db', db, 'comp'];
				const similarArgs = [cliPath, 'similar', '--db', db, target!.id];
				const searchCold = await timeCommand(process.execPath, searchArgs);
				const search = await medianRun(3, async () => timeCommand(process.execPath, searchArgs));
				rmSync(savedIndexFile(db), {force: true});
				const similarCold = await timeCommand(process.execPath, similarArgs);
				const similar = await medianRun(3, async () => timeCommand(process.execPath, similarArgs));
				figures.push(
					plain(`cli.search.${label}.cold.over-version`, searchCold.ms - version.ms, 'ms'), plain(`cli.search.${label}.cold.rss`, searchCold.peakRssMb, 'MB'),
					plain(`cli.similar.${label}.cold.over-version`, similarCold.ms - version.ms, 'ms'), plain(`cli.similar.${label}.cold.rss`, similarCold.peakRssMb, 'MB'),
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
