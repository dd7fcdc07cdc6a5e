import process from 'node:process';
import meow from 'meow';
import {mainHelp, flagSpec} from './source/commands/help.js';
import {dispatch} from './source/commands/dispatch.js';
import {reportFatal} from './source/commands/output.js';

const cli = meow(mainHelp, {
	importMeta: import.meta,
	flags: flagSpec,
	autoHelp: false,
	autoVersion: false,
	allowUnknownFlags: true,
	booleanDefault: undefined,
});

try {
	process.exitCode = await dispatch(cli.input, cli.flags, cli.pkg.version ?? '0.0.0');
} catch (error) {
	process.exitCode = reportFatal(error, Boolean(cli.flags.verbose));
}
