/**
 * The checks of `doctor` (issue 7): Node, the native host answering `initialize`, each format's
 * availability, the plugin folders per format, the database, the config. Each gives ok, warn, fail
 * or n/a (a format this OS does not have, like AU on Linux). Only `fail` makes doctor exit 1.
 */
import {accessSync, constants, existsSync, statSync} from 'node:fs';
import process from 'node:process';
import {messageOf} from '../errors.js';
import {FORMATS, type Format} from '../catalog/plugin.js';
import {openStore} from '../db/open.js';
import {verifyStore} from '../db/queries/stats.js';
import {loadConfig, type LoadedConfig} from '../config/load.js';
import {hostBinaryPath} from '../host/binary.js';
import type {FormatStatus} from '../host/protocol.js';
import {defaultRoots, scannableFormats} from '../scan/roots.js';

/** One line of doctor's report. */
export type Check = {level: 'ok' | 'warn' | 'fail' | 'n/a'; name: string; detail: string};

/** Node 20 or newer. */
export function nodeCheck(): Check {
	const major = Number(process.versions.node.split('.')[0]);
	return {level: major >= 20 ? 'ok' : 'fail', name: 'node', detail: `Node ${process.versions.node}${major >= 20 ? '' : ' (pluginary needs Node 20 or newer)'}`};
}

/** The config loads and validates; `config` is undefined when it does not. */
export function configCheck(configFlag: string | undefined): {check: Check; config?: LoadedConfig} {
	try {
		const config = loadConfig({configFlag});
		const set = Object.keys(config.file).length;
		return {config, check: {level: 'ok', name: 'config', detail: config.fileExists ? `${config.path} (${set} settings)` : `no config file at ${config.path}; defaults`}};
	} catch (error) {
		return {check: {level: 'fail', name: 'config', detail: messageOf(error)}};
	}
}

/** The database opens, migrates and passes `cache verify` without a failure. */
export function databaseCheck(dbPath: string): Check {
	try {
		const store = openStore(dbPath);
		try {
			const failed = verifyStore(store).filter(finding => finding.level === 'fail');
			return failed.length === 0
				? {level: 'ok', name: 'database', detail: dbPath}
				: {level: 'fail', name: 'database', detail: `${dbPath}: ${failed.map(finding => finding.detail).join('; ')} (try 'pluginary cache repair')`};
		} finally {
			store.close();
		}
	} catch (error) {
		return {level: 'fail', name: 'database', detail: messageOf(error)};
	}
}

/**
 * Starts the host and asks `initialize` (5 s at most). Returns the host line and, when it answered,
 * each format's status. Cost: one process start (~10 ms).
 */
export async function hostCheck(timeoutMs = 5000): Promise<{check: Check; formats?: FormatStatus[]}> {
	const binary = hostBinaryPath();
	if (!existsSync(binary)) {
		return {check: {level: 'fail', name: 'host', detail: `${binary} is missing; run 'npm run build' (needs the apt packages in the README) or set PLUGINARY_HOST`}};
	}

	try {
		accessSync(binary, constants.X_OK);
	} catch {
		return {check: {level: 'fail', name: 'host', detail: `${binary} is not executable`}};
	}

	const {HostClient} = await import('../host/client.js');
	const client = new HostClient({binary});
	let timer: NodeJS.Timeout | undefined;
	try {
		const timeout = new Promise<never>((_resolve, reject) => {
			timer = setTimeout(() => reject(new Error(`no answer to initialize within ${timeoutMs / 1000} s`)), timeoutMs);
		});
		const result = await Promise.race([client.initialize(), timeout]);
		await Promise.race([client.shutdown().catch(() => client.kill()), new Promise(resolve => setTimeout(resolve, 1000))]);
		return {check: {level: 'ok', name: 'host', detail: `${binary} (version ${result.version}) answers initialize`}, formats: result.formats};
	} catch (error) {
		return {check: {level: 'fail', name: 'host', detail: `${binary} does not answer initialize: ${messageOf(error)}`}};
	} finally {
		clearTimeout(timer);
		client.kill();
	}
}

/** One line per format: available in the host (with the reason when not), enabled in config, or n/a on this OS. */
export function formatChecks(formats: FormatStatus[] | undefined, config: LoadedConfig | undefined): Check[] {
	const osFormats = scannableFormats();
	return FORMATS.map((format): Check => {
		const name = `format ${format}`;
		if (!osFormats.includes(format)) {
			return {level: 'n/a', name, detail: `not applicable on ${process.platform}`};
		}

		if (config && !config.values.formats.includes(format)) {
			return {level: 'n/a', name, detail: 'disabled by the config key formats'};
		}

		const status = formats?.find(item => item.format === format);
		if (!formats) {
			return {level: 'warn', name, detail: 'unknown (the host did not answer)'};
		}

		return status?.available
			? {level: 'ok', name, detail: 'available'}
			: {level: 'warn', name, detail: `not available: ${status?.reason ?? 'the host does not report it'}`};
	});
}

/** How one folder looks: exists and readable, missing, or unreadable. */
export function folderState(folder: string): 'ok' | 'missing' | 'unreadable' | 'not a folder' {
	try {
		if (!statSync(folder).isDirectory()) {
			return 'not a folder';
		}

		accessSync(folder, constants.R_OK | constants.X_OK);
		return 'ok';
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unreadable';
	}
}

/**
 * The plugin folders of each format (defaults and config `paths`): ok when at least one exists and
 * every existing one is readable; warn when none exists, one is unreadable, or a configured one is missing.
 */
export function folderChecks(config: LoadedConfig | undefined, env: NodeJS.ProcessEnv = process.env): Check[] {
	return scannableFormats().map((format: Format): Check => {
		const defaults = defaultRoots(format, env);
		const extra = config?.values.paths[format] ?? [];
		const states = [...defaults, ...extra].map(folder => ({folder, state: folderState(folder), extra: extra.includes(folder)}));
		const present = states.filter(item => item.state === 'ok');
		const problems = states.filter(item => item.state === 'unreadable' || item.state === 'not a folder' || (item.extra && item.state === 'missing'));
		const detail = states.map(item => `${item.folder} ${item.state}`).join('; ');
		const level = problems.length > 0 || present.length === 0 ? 'warn' : 'ok';
		return {level, name: `folders ${format}`, detail: present.length === 0 && problems.length === 0 ? `none exists (${detail})` : detail};
	});
}
