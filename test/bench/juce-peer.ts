/**
 * The JUCE 7 peer of the scan benchmark: a headless probe (how pedalboard, built on JUCE, sees a
 * plugin; one process per target) kept outside this repository at ../shared/peers/juce-probe
 * (PLUGINARY_JUCE_PROBE_SOURCE overrides). It is built here with CMake against Debian's
 * juce-modules-source into a folder under the system temp dir (never into the repo) and timed over
 * every LV2 URI (`lv2ls`), every LADSPA library and every VST3 bundle, 2 at a time, 30 s each.
 */
import {spawn, spawnSync} from 'node:child_process';
import {existsSync, readdirSync, statSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {performance} from 'node:perf_hooks';
import {fileURLToPath} from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** One thing the probe loads: its format argument and a path or URI. */
export type JuceTarget = {format: 'LV2' | 'LADSPA' | 'VST3'; target: string};

/** The built probe, or why there is none. */
export type JuceProbe = {binary: string} | {unavailable: string};

/** What timing the probe over the targets gave. */
export type JuceRun = {ms: number; targets: number; ok: number; timedOut: number};

/** Where the probe's sources are. */
export function juceProbeSource(): string {
	return path.resolve(process.env['PLUGINARY_JUCE_PROBE_SOURCE'] ?? path.join(repo, '../shared/peers/juce-probe'));
}

function newest(dir: string): number {
	return Math.max(...readdirSync(dir).filter(name => /\.(cpp|h|txt)$/.test(name)).map(name => statSync(path.join(dir, name)).mtimeMs));
}

function lastLine(text: string): string {
	return text.trim().split('\n').at(-1) ?? '';
}

/** Builds the probe (once: an up-to-date binary is reused), or says why it cannot be built. */
export function buildJuceProbe(): JuceProbe {
	const source = juceProbeSource();
	if (!existsSync(path.join(source, 'CMakeLists.txt'))) {
		return {unavailable: `no JUCE probe sources at ${source}`};
	}

	const build = path.join(os.tmpdir(), 'pluginary-juce-probe');
	const binary = path.join(build, 'plugin_probe_artefacts/Release/plugin_probe');
	if (existsSync(binary) && statSync(binary).mtimeMs > newest(source)) {
		return {binary};
	}

	process.stderr.write(`building the JUCE probe from ${source} in ${build} (once; minutes)…\n`);
	const configure = spawnSync('cmake', ['-S', source, '-B', build, '-DCMAKE_BUILD_TYPE=Release'], {encoding: 'utf8'});
	if (configure.status !== 0) {
		return {unavailable: `cmake could not configure the JUCE probe (is juce-modules-source installed?): ${lastLine(configure.stderr || (configure.error?.message ?? ''))}`};
	}

	const compile = spawnSync('cmake', ['--build', build, '-j2'], {encoding: 'utf8', maxBuffer: 256 * 1024 * 1024});
	if (compile.status !== 0 || !existsSync(binary)) {
		return {unavailable: `the JUCE probe did not build: ${lastLine(compile.stderr || compile.stdout)}`};
	}

	return {binary};
}

function bundles(dir: string, suffix: string): string[] {
	try {
		return readdirSync(dir).filter(name => name.endsWith(suffix)).sort().map(name => path.join(dir, name));
	} catch {
		return [];
	}
}

/** Every LV2 URI `lv2ls` lists, every LADSPA library in /usr/lib/ladspa, every VST3 bundle in /usr/lib/vst3. */
export function juceTargets(): JuceTarget[] {
	const lv2 = spawnSync('lv2ls', {encoding: 'utf8'});
	const uris = lv2.status === 0 ? lv2.stdout.split('\n').filter(Boolean) : [];
	return [
		...uris.map(uri => ({format: 'LV2' as const, target: uri})),
		...bundles('/usr/lib/ladspa', '.so').map(file => ({format: 'LADSPA' as const, target: file})),
		...bundles('/usr/lib/vst3', '.vst3').map(bundle => ({format: 'VST3' as const, target: bundle})),
	];
}

function probeOnce(binary: string, target: JuceTarget, timeoutMs: number): Promise<'ok' | 'failed' | 'timeout'> {
	return new Promise(resolve => {
		const child = spawn(binary, [target.format, target.target], {stdio: 'ignore'});
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
		}, timeoutMs);
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			resolve(signal === 'SIGKILL' ? 'timeout' : code === 0 ? 'ok' : 'failed');
		});
		child.on('error', () => {
			clearTimeout(timer);
			resolve('failed');
		});
	});
}

/** Runs the probe over the targets, `parallel` at a time with a per-target timeout, and times the whole run. */
export async function timeJuceProbe(binary: string, targets: readonly JuceTarget[], parallel = 2, timeoutMs = 30_000): Promise<JuceRun> {
	const start = performance.now();
	let next = 0;
	let ok = 0;
	let timedOut = 0;
	const worker = async (): Promise<void> => {
		while (next < targets.length) {
			const outcome = await probeOnce(binary, targets[next++]!, timeoutMs);
			ok += outcome === 'ok' ? 1 : 0;
			timedOut += outcome === 'timeout' ? 1 : 0;
		}
	};

	await Promise.all(Array.from({length: parallel}, worker));
	return {ms: performance.now() - start, targets: targets.length, ok, timedOut};
}
