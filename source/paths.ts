import {existsSync, mkdirSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import envPaths from 'env-paths';

let cachedRoot: string | undefined;

/** The package's root folder (holds package.json), found from this module's location — never the cwd. */
export function packageRoot(): string {
	if (cachedRoot) {
		return cachedRoot;
	}

	let dir = path.dirname(fileURLToPath(import.meta.url));
	while (!existsSync(path.join(dir, 'package.json'))) {
		const parent = path.dirname(dir);
		if (parent === dir) {
			throw new Error('pluginary cannot find its package root (package.json).');
		}

		dir = parent;
	}

	cachedRoot = dir;
	return dir;
}

const appPaths = envPaths('pluginary', {suffix: ''});

/** The per-user folders pluginary uses by default (XDG on Linux, the platform's own elsewhere). */
export const userDirs = {data: appPaths.data, config: appPaths.config, cache: appPaths.cache};

/** The database pluginary uses when neither `--db` nor `PLUGINARY_DB` names one. */
export const defaultDbPath = path.join(userDirs.data, 'pluginary.db');

/** Database location: `--db`, then `PLUGINARY_DB`, then the user data dir. */
export function resolveDbPath(flag?: string): string {
	const chosen = flag ?? process.env['PLUGINARY_DB'];
	return chosen ? path.resolve(chosen) : defaultDbPath;
}

/** The folder holding the drizzle-kit migrations, shipped with the package. */
export function migrationsFolder(): string {
	return path.join(packageRoot(), 'source', 'db', 'migrations');
}

/** Creates `dir` and its missing parents one level at a time (Node's recursive mkdir can spin on pseudo file systems like /proc). */
export function makeFolders(dir: string): void {
	const missing: string[] = [];
	let current = dir;
	while (!existsSync(current)) {
		missing.unshift(current);
		const parent = path.dirname(current);
		if (parent === current) {
			break;
		}

		current = parent;
	}

	for (const folder of missing) {
		mkdirSync(folder);
	}
}
