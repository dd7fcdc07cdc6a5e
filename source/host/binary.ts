import {existsSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

/**
 * The pluginary package root: the first directory at or above `from` (a file URL or path) that holds a
 * `package.json`. Works from `source/` under tsx and from the bundled `dist/`.
 */
export function packageRoot(from: string = import.meta.url): string {
	let directory = path.dirname(from.startsWith('file:') ? fileURLToPath(from) : from);
	for (;;) {
		if (existsSync(path.join(directory, 'package.json'))) {
			return directory;
		}

		const parent = path.dirname(directory);
		if (parent === directory) {
			throw new Error(`Cannot find pluginary's package.json above ${from}.`);
		}

		directory = parent;
	}
}

/** Path of the native host binary: `PLUGINARY_HOST` when set, else `<package root>/native-host/build/pluginary-host`. */
export function hostBinaryPath(env: NodeJS.ProcessEnv = process.env): string {
	const override = env['PLUGINARY_HOST'];
	if (override) {
		return path.resolve(override);
	}

	return path.join(packageRoot(), 'native-host', 'build', 'pluginary-host');
}
