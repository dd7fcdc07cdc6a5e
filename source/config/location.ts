import {existsSync} from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import {userDirs} from '../paths.js';

/** The config file path: `--config`, then `PLUGINARY_CONFIG`, then the user config dir. Cheap: no validation code loaded. */
export function configPath(configFlag?: string, env: NodeJS.ProcessEnv = process.env): string {
	const chosen = configFlag ?? env['PLUGINARY_CONFIG'];
	return chosen ? path.resolve(chosen) : path.join(userDirs.config, 'config.json');
}

const notConfigKeys = new Set(['PLUGINARY_DB', 'PLUGINARY_CONFIG', 'PLUGINARY_HOST']);

/**
 * Whether anything could change a config default: a config file exists or a `PLUGINARY_<KEY>`
 * variable is set. When not, hot paths (`list`) skip loading the config code entirely.
 */
export function configMayApply(configFlag?: string, env: NodeJS.ProcessEnv = process.env): boolean {
	return Object.keys(env).some(name => name.startsWith('PLUGINARY_') && !notConfigKeys.has(name)) || existsSync(configPath(configFlag, env));
}

/** The effective config when something sets it (see configMayApply), else undefined: the caller's defaults stand. */
export async function loadConfigIfAny(configFlag?: string): Promise<import('./schema.js').Config | undefined> {
	if (!configMayApply(configFlag)) {
		return undefined;
	}

	const {loadConfig} = await import('./load.js');
	return loadConfig({configFlag}).values;
}
