/**
 * `npm run bench`: runs every benchmark, prints one table, writes test/bench/results.json.
 *   --only NAME[,NAME]   run only these benchmarks (scan, store, host, search, cli-search, explorer, check)
 *   --compare FILE       report every figure more than 20% worse than in a saved results file
 */
import {spawnSync} from 'node:child_process';
import {readFileSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import type {Benchmark, Figure} from './measure.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const registry: Record<string, () => Promise<Benchmark>> = {
	scan: async () => (await import('./scan.js')).scanBenchmark,
	store: async () => (await import('./store.js')).storeBenchmark,
	host: async () => (await import('./host.js')).hostBenchmark,
	search: async () => scriptBenchmark('Search (synthetic catalogs, 200 queries)', 'search.ts', ['--expose-gc']),
	'cli-search': async () => (await import('./cli-search.js')).cliSearchBenchmark,
	explorer: async () => (await import('./explorer.js')).explorerBenchmark,
	check: async () => (await import('./check.js')).checkBenchmark,
};

/** A benchmark that runs in its own process (a clean heap): the script prints its figures as a JSON line with `--figures`. */
function scriptBenchmark(title: string, script: string, nodeFlags: string[]): Benchmark {
	return {
		title,
		async run() {
			const child = spawnSync(process.execPath, ['--import=tsx', ...nodeFlags, path.join(here, script), '--figures'], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024});
			const last = child.stdout.trim().split('\n').at(-1) ?? '[]';
			return JSON.parse(last) as Figure[];
		},
	};
}

type Results = {machine: string; node: string; date: string; figures: Figure[]};

function option(name: string): string | undefined {
	const index = process.argv.indexOf(`--${name}`);
	return index === -1 ? undefined : process.argv[index + 1];
}

function table(figures: Figure[]): string {
	const rows = figures.map(figure => figure.unavailable === undefined
		? [figure.name, `${figure.value} ${figure.unit}`, figure.goal ?? '', figure.met === undefined ? '' : (figure.met ? 'met' : 'MISSED')]
		: [figure.name, 'unavailable', figure.unavailable, '']);
	const widths = [0, 1, 2, 3].map(column => Math.max(...[['figure', 'value', 'goal', ''], ...rows].map(row => row[column]!.length)));
	const line = (row: string[]): string => `| ${row.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
	return [line(['figure', 'value', 'goal', '']), `|${widths.map(width => '-'.repeat(width + 2)).join('|')}|`, ...rows.map(row => line(row))].join('\n');
}

const only = option('only')?.split(',');
const figures: Figure[] = [];
for (const [name, load] of Object.entries(registry)) {
	if (only && !only.includes(name)) {
		continue;
	}

	const benchmark = await load();
	process.stderr.write(`running ${benchmark.title}…\n`);
	figures.push(...await benchmark.run());
}

const results: Results = {
	machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}`,
	node: process.version,
	date: new Date().toISOString(),
	figures,
};
console.log(table(figures));
console.log(`\nMachine: ${results.machine}; Node ${results.node}`);
writeFileSync(path.join(here, 'results.json'), JSON.stringify(results, null, 2) + '\n');

const compareFile = option('compare');
if (compareFile) {
	const saved = JSON.parse(readFileSync(compareFile, 'utf8')) as Results;
	const before = new Map(saved.figures.map(figure => [figure.name, figure]));
	const worse = figures.filter(figure => {
		const old = before.get(figure.name);
		if (!old || old.value === 0) {
			return false;
		}

		const change = figure.higherIsBetter ? (old.value - figure.value) / old.value : (figure.value - old.value) / old.value;
		return change > 0.2;
	});
	console.log(worse.length === 0
		? `\nNo figure is more than 20% worse than ${compareFile}.`
		: `\nMore than 20% worse than ${compareFile}:\n${worse.map(figure => `  ${figure.name}: ${before.get(figure.name)!.value} → ${figure.value} ${figure.unit}`).join('\n')}`);
	process.exitCode = worse.length > 0 ? 1 : 0;
}
