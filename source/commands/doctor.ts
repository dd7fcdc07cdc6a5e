import type {Command} from './command.js';
import {type Check, configCheck, databaseCheck, folderChecks, formatChecks, hostCheck, nodeCheck} from './doctor-checks.js';

const help = `
  Usage
    $ pluginary doctor [--json]

  Checks what pluginary needs: the Node version, the native host (found and answering initialize),
  each plugin format (available, or why not; "n/a" where this OS has no such format, like AU on
  Linux), the plugin folders of each format (exist, missing or unreadable), the database and the
  config file. Each line says ok, warn, fail or n/a; exit 1 on any fail.

  Options
    --json     the checks as a JSON array of {level, name, detail}

  Examples
    $ pluginary doctor
    $ pluginary --db /tmp/test.db doctor --json
`;

const doctor: Command = {
	help,
	flags: ['json'],
	async run({out, dbPath, flags}) {
		const config = configCheck(flags.config);
		const host = await hostCheck();
		const checks: Check[] = [
			nodeCheck(),
			host.check,
			...formatChecks(host.formats, config.config),
			...folderChecks(config.config),
			databaseCheck(dbPath),
			config.check,
		];
		if (flags.json) {
			out.line(JSON.stringify(checks, null, 2));
		} else {
			for (const check of checks) {
				const mark = {ok: out.paint('green', 'ok  '), warn: out.paint('yellow', 'warn'), fail: out.paint('red', 'fail'), 'n/a': out.paint('dim', 'n/a ')}[check.level];
				out.line(`${mark} ${check.name.padEnd(14)} ${check.detail}`);
			}
		}

		return checks.some(check => check.level === 'fail') ? 1 : 0;
	},
};

export default doctor;
