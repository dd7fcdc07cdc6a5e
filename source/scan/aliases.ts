import {mkdirSync, mkdtempSync, rmSync, symlinkSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * UTF-8 stand-ins for plugin paths whose bytes are not valid UTF-8: the host protocol carries
 * paths as JSON strings, so such a file is probed through a symbolic link whose name is the
 * path's lossy UTF-8 spelling (the one the catalog shows). Made on first use, removed by `dispose`.
 */
export class PathAliases {
	private dir: string | undefined;
	private count = 0;

	/** A path with valid UTF-8 bytes that reaches `source` and ends in the same (lossy) file name as `shown`. */
	aliasFor(shown: string, source: Buffer): string {
		this.dir ??= mkdtempSync(path.join(os.tmpdir(), 'pluginary-alias-'));
		const folder = path.join(this.dir, String(this.count++));
		mkdirSync(folder);
		const link = path.join(folder, path.basename(shown));
		symlinkSync(source, link);
		return link;
	}

	/** Removes every alias. */
	dispose(): void {
		if (this.dir) {
			rmSync(this.dir, {recursive: true, force: true});
			this.dir = undefined;
		}
	}
}
