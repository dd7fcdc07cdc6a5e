import {usageError} from '../errors.js';
import type {Command} from './command.js';
import {runScanCommand, scanOptionsFrom} from './scan.js';

const help = `
  Usage
    $ pluginary retry [options]

  Probes again every file that failed, crashed, timed out or is blacklisted (plus anything new or
  changed). A blacklisted file that now works leaves the blacklist.

  Options
    --path P           only files under this folder (repeatable)
    --format F[,F]     only these formats
    --jobs N           host processes working in parallel (number of cores)
    --timeout S        seconds one probe may take (30)
    --json             print only the summary object

  Examples
    $ pluginary retry
    $ pluginary retry --timeout 120 --jobs 1
`;

const retry: Command = {
	help,
	flags: ['path', 'format', 'jobs', 'timeout', 'json'],
	refreshesSearchIndex: true,
	async run(context) {
		if (context.args.length > 0) {
			throw usageError(`'pluginary retry' takes no arguments (got '${context.args[0]!}').`);
		}

		return runScanCommand(context, {...scanOptionsFrom(context), retry: true});
	},
};

export default retry;
