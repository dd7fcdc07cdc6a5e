import {mkdirSync, mkdtempSync, rmSync, symlinkSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {pathBytes} from '../path-text.js';

/**
 * UTF-8 stand-ins for plugin paths whose bytes are not valid UTF-8: the host protocol carries
 * paths as JSON strings, so such a file is probed through a symbolic link named like the path
 * text's last part (`x\xff.so`, the name the catalog shows and ids are made of). Made on first
 * use, removed by `dispose`.
 */
export class PathAliases {
	private dir: string | undefined;
	private count = 0;

	/** A UTF-8 path that reaches the file a path text names and ends in the path text's last part. */
	aliasFor(text: string): string {
		this.dir ??= mkdtempSync(path.join(os.tmpdir(), 'pluginary-alias-'));
		const folder = path.join(this.dir, String(this.count++));
		mkdirSync(folder);
		const link = path.join(folder, path.basename(text));
		symlinkSync(pathBytes(text), link);
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
