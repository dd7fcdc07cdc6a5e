import process from 'node:process';
import {createInterface} from 'node:readline/promises';
import {usageError} from '../errors.js';

/**
 * Asks before a destructive action: `--yes` says yes; on a terminal the user is asked (default
 * no); without a terminal and without `--yes` it is a usage error (exit 2) — never a silent yes.
 */
export async function confirm(question: string, options: {yes?: boolean; command: string}): Promise<boolean> {
	if (options.yes) {
		return true;
	}

	if (!process.stdin.isTTY || !process.stderr.isTTY) {
		throw usageError(`'pluginary ${options.command}' changes the database; run it in a terminal to be asked, or add --yes.`);
	}

	const prompt = createInterface({input: process.stdin, output: process.stderr});
	try {
		const answer = await prompt.question(`${question} [y/N] `);
		return /^y(es)?$/i.test(answer.trim());
	} finally {
		prompt.close();
	}
}
