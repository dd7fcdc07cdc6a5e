import type {ExecutionContext} from 'ava';
import {runCli} from './cli.js';

/** What one CLI run produced. */
export type CliRun = {stdout: string; stderr: string; status: number | null};

/** Runs the built CLI with `--db` (and any env) and returns its output and exit code. */
export function cli(db: string, args: string[], env: NodeJS.ProcessEnv = {}): CliRun {
	const result = runCli(['--db', db, ...args], {env: {...process.env, NO_COLOR: '1', ...env}});
	return {stdout: result.stdout, stderr: result.stderr, status: result.status};
}

/** Asserts exit 0 (np's cliPasses); shows stderr when it is not. Returns the run. */
export function cliPasses(t: ExecutionContext, db: string, args: string[], env: NodeJS.ProcessEnv = {}): CliRun {
	const run = cli(db, args, env);
	t.is(run.status, 0, `pluginary ${args.join(' ')} failed: ${run.stderr}`);
	return run;
}

/**
 * Asserts a failure with `code`, an empty stdout, and exactly one line on stderr that matches
 * `message` and holds no stack trace (np's cliFails). Returns the run.
 */
export function cliFails(t: ExecutionContext, db: string, args: string[], code: number, message: RegExp, env: NodeJS.ProcessEnv = {}): CliRun {
	const run = cli(db, args, env);
	t.is(run.status, code, `pluginary ${args.join(' ')}: expected exit ${code}, stderr: ${run.stderr}`);
	t.is(run.stdout, '', 'nothing on stdout');
	const lines = run.stderr.trimEnd().split('\n');
	t.is(lines.length, 1, `one line on stderr, got: ${run.stderr}`);
	t.regex(run.stderr, message);
	t.notRegex(run.stderr, /\n\s+at /, 'no stack trace');
	return run;
}
