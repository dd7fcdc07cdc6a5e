import path from 'node:path';
import {packageRoot} from '../paths.js';

/** Path of the native host binary: `PLUGINARY_HOST` when set, else `<package root>/native-host/build/pluginary-host`. */
export function hostBinaryPath(env: NodeJS.ProcessEnv = process.env): string {
	const override = env['PLUGINARY_HOST'];
	if (override) {
		return path.resolve(override);
	}

	return path.join(packageRoot(), 'native-host', 'build', 'pluginary-host');
}
