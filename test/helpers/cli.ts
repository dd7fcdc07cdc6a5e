import {spawn, spawnSync, type SpawnSyncReturns} from 'node:child_process';
import {once} from 'node:events';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

/** The built CLI (npm test builds it first). */
export const cliPath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'cli.js');

/** Runs the built CLI to the end. */
export function runCli(args: string[], options: {env?: NodeJS.ProcessEnv; input?: string; cwd?: string} = {}): SpawnSyncReturns<string> {
	return spawnSync(process.execPath, [cliPath, ...args], {encoding: 'utf8', env: options.env ?? process.env, input: options.input ?? '', cwd: options.cwd, maxBuffer: 256 * 1024 * 1024});
}

/** Starts the built CLI without waiting. */
export function startCli(args: string[], env: NodeJS.ProcessEnv = process.env) {
	return spawn(process.execPath, [cliPath, ...args], {env, stdio: ['ignore', 'pipe', 'pipe']});
}

/** Starts the built CLI and collects its output; the result once it exits (the test worker is never blocked). */
export async function runCliAsync(args: string[], env: NodeJS.ProcessEnv = process.env, limitMs?: number): Promise<{status: number | null; signal: string | null; stdout: string; stderr: string}> {
	const child = startCli(args, env);
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (chunk: Buffer) => {
		stdout += chunk.toString();
	});
	child.stderr.on('data', (chunk: Buffer) => {
		stderr += chunk.toString();
	});
	const timer = limitMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), limitMs);
	const [status, signal] = await once(child, 'close') as [number | null, string | null];
	clearTimeout(timer);
	return {status, signal, stdout, stderr};
}
