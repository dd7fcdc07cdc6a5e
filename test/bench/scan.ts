import {copyFileSync, mkdirSync, mkdtempSync, rmSync, utimesSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {cliPath} from '../helpers/cli.js';
import {buildJuceProbe, juceTargets, timeJuceProbe} from './juce-peer.js';
import {type Benchmark, type Figure, atLeast, atMost, medianRun, plain, timeCommand, unavailable} from './measure.js';

type ScanJson = {durationMs: number; pluginsPerSecond: number; counts: Record<string, Record<string, number>>};

function plugins(stdout: string): number {
	const summary = JSON.parse(stdout) as ScanJson;
	return Object.values(summary.counts).reduce((total, counts) => total + (counts['ok'] ?? 0), 0);
}

/**
 * LV2+LADSPA+VST3 of the standard folders, cold with 2 jobs, against the JUCE 7 probe over the
 * same targets in the same run (see juce-peer.ts): the ratio is JUCE's time over pluginary's. When
 * the probe cannot be built, its figures say unavailable and why.
 */
async function versusJuce(db: string): Promise<Figure[]> {
	const probe = buildJuceProbe();
	const subset = await timeCommand(process.execPath, [cliPath, 'scan', '--db', db, '--json', '--jobs', '2', '--format', 'lv2,ladspa,vst3']);
	const figures = [
		plain('scan.lv2-ladspa-vst3.plugins', plugins(subset.stdout), 'count'),
		atMost('scan.lv2-ladspa-vst3.jobs2', subset.ms / 1000, 's', 1.8),
	];
	if ('unavailable' in probe) {
		return [...figures, unavailable('scan.lv2-ladspa-vst3.juce', 's', probe.unavailable), unavailable('scan.lv2-ladspa-vst3.vs-juce', 'x', probe.unavailable)];
	}

	const juce = await timeJuceProbe(probe.binary, juceTargets());
	return [
		...figures,
		plain('scan.lv2-ladspa-vst3.juce.targets', juce.targets, 'count'),
		plain('scan.lv2-ladspa-vst3.juce', juce.ms / 1000, 's'),
		plain('scan.lv2-ladspa-vst3.vs-juce', juce.ms / subset.ms, 'x', true),
	];
}

/**
 * Scans the Debian corpus with the real CLI: cold with 1 and 2 jobs, LV2+LADSPA+VST3 cold with 2
 * jobs against a JUCE 7 probe in the same run, a no-change rescan and a rescan after one file
 * changed, each as the wall time of the whole `pluginary scan` command.
 */
export const scanBenchmark: Benchmark = {
	title: 'Scan (Debian corpus, whole command)',
	async run() {
		const work = mkdtempSync(path.join(os.tmpdir(), 'pluginary-bench-scan-'));
		const extra = path.join(work, 'extra-ladspa');
		const changed = path.join(extra, 'amp_1181.so');
		mkdirSync(extra);
		copyFileSync('/usr/lib/ladspa/amp_1181.so', changed);
		const env = {...process.env, LADSPA_PATH: `/usr/lib/ladspa:${extra}`};
		const scan = async (db: string, args: string[] = []) => timeCommand(process.execPath, [cliPath, 'scan', '--db', db, '--json', ...args], env);
		const figures: Figure[] = [];
		try {
			const cold1 = await scan(path.join(work, 'one.db'), ['--jobs', '1']);
			const cold2 = await scan(path.join(work, 'two.db'), ['--jobs', '2']);
			const count = plugins(cold2.stdout);
			figures.push(
				plain('scan.cold.plugins', count, 'count'),
				atMost('scan.cold.jobs1', cold1.ms / 1000, 's', 5),
				atMost('scan.cold.jobs2', cold2.ms / 1000, 's', 3),
				plain('scan.cold.jobs2.rate', count / (cold2.ms / 1000), 'plugins/s', true),
				atLeast('scan.cold.speedup', cold1.ms / cold2.ms, 'x', 1.8),
				plain('scan.cold.jobs2.rss', cold2.peakRssMb, 'MB'),
			);
			figures.push(...await versusJuce(path.join(work, 'subset.db')));
			const version = await medianRun(5, async () => timeCommand(process.execPath, [cliPath, '--version']));
			const noChange = await medianRun(5, async () => scan(path.join(work, 'two.db')));
			figures.push(
				plain('cli.version', version.ms, 'ms'),
				atMost('scan.no-change', noChange.ms, 'ms', version.ms + 300),
			);
			const later = new Date(Date.now() + 60_000);
			utimesSync(changed, later, later);
			const oneChanged = await scan(path.join(work, 'two.db'));
			figures.push(plain('scan.one-changed', oneChanged.ms, 'ms'));
		} finally {
			rmSync(work, {recursive: true, force: true});
		}

		return figures;
	},
};
