import process from 'node:process';
import meow from 'meow';
import {mainHelp, flagSpec} from './source/commands/help.js';
import {dispatch} from './source/commands/dispatch.js';
import {reportFatal} from './source/commands/output.js';
import {argumentsAsText} from './source/path-text.js';
import {messageOf, usageError} from './source/errors.js';

let cli;
try {
	cli = meow(mainHelp, {
		importMeta: import.meta,
		argv: argumentsAsText(),
		flags: flagSpec,
		autoHelp: false,
		autoVersion: false,
		allowUnknownFlags: true,
		booleanDefault: undefined,
	});
} catch (error) {
	// Meow's own checks ("The flag --db can only be set once") are usage errors.
	process.exitCode = reportFatal(usageError(messageOf(error)), false);
}

if (cli) {
	try {
		process.exitCode = await dispatch(cli.input, cli.flags, cli.pkg.version ?? '0.0.0');
	} catch (error) {
		process.exitCode = reportFatal(error, Boolean(cli.flags.verbose));
	}
}
