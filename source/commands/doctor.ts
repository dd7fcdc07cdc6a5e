import {accessSync, constants} from 'node:fs';
import process from 'node:process';
import path from 'node:path';
import {messageOf} from '../errors.js';
import {openStore} from '../db/open.js';
import {verifyStore} from '../db/queries/stats.js';
import {packageRoot} from '../paths.js';
import type {Command} from './command.js';

const help = `
  Usage
    $ pluginary doctor

  Checks what pluginary needs: Node version, the database, the native host. Each line says ok, warn
  or fail; exit 1 on any fail.

  Examples
    $ pluginary doctor
    $ pluginary --db /tmp/test.db doctor
`;

type Check = {level: 'ok' | 'warn' | 'fail' | 'n/a'; name: string; detail: string};

const doctor: Command = {
	help,
	flags: [],
	run({out, dbPath}) {
		const checks: Check[] = [nodeCheck(), hostCheck(), databaseCheck(dbPath)];
		for (const check of checks) {
			const mark = {ok: out.paint('green', 'ok  '), warn: out.paint('yellow', 'warn'), fail: out.paint('red', 'fail'), 'n/a': out.paint('dim', 'n/a ')}[check.level];
			out.line(`${mark} ${check.name.padEnd(10)} ${check.detail}`);
		}

		return checks.some(check => check.level === 'fail') ? 1 : 0;
	},
};

function nodeCheck(): Check {
	const major = Number(process.versions.node.split('.')[0]);
	return {level: major >= 20 ? 'ok' : 'fail', name: 'node', detail: `Node ${process.versions.node}${major >= 20 ? '' : ' (pluginary needs Node 20 or newer)'}`};
}

function hostCheck(): Check {
	const binary = process.env['PLUGINARY_HOST'] ?? path.join(packageRoot(), 'native-host', 'build', 'pluginary-host');
	try {
		accessSync(binary, constants.X_OK);
		return {level: 'ok', name: 'host', detail: binary};
	} catch {
		return {level: 'fail', name: 'host', detail: `${binary} is missing; run 'npm run build' (needs the apt packages in the README)`};
	}
}

function databaseCheck(dbPath: string): Check {
	try {
		const store = openStore(dbPath);
		try {
			const failed = verifyStore(store).filter(finding => finding.level === 'fail');
			return failed.length === 0
				? {level: 'ok', name: 'database', detail: dbPath}
				: {level: 'fail', name: 'database', detail: `${dbPath}: ${failed.map(finding => finding.detail).join('; ')}`};
		} finally {
			store.close();
		}
	} catch (error) {
		return {level: 'fail', name: 'database', detail: messageOf(error)};
	}
}

export default doctor;
