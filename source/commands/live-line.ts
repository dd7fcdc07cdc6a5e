import process from 'node:process';

/**
 * A progress line on stderr for long commands (scan, check): on a terminal one line redrawn in
 * place with a bar, at most every 100 ms; otherwise a plain line every 2 s. Permanent lines
 * (`print`) go above it.
 */
export class LiveLine {
	private lastDraw = 0;
	private lastLine = '';

	/** `live`: stderr is a terminal. */
	constructor(private readonly live: boolean) {}

	/** Shows `text` with a bar at `ratio` (0..1) when the last draw is old enough, or always with `force`. */
	update(ratio: number, text: () => string, force = false): void {
		const now = Date.now();
		if (!force && now - this.lastDraw < (this.live ? 100 : 2000)) {
			return;
		}

		this.lastDraw = now;
		if (this.live) {
			const width = 20;
			const filled = Math.round(Math.min(1, Math.max(0, ratio)) * width);
			this.lastLine = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${text()}`;
			process.stderr.write(`\r\u001B[2K${this.lastLine.slice(0, (process.stderr.columns ?? 100) - 1)}`);
		} else {
			process.stderr.write(`${text()}\n`);
		}
	}

	/** Writes a permanent line (the live line is cleared first and redrawn by the next update). */
	print(line: string): void {
		this.clear();
		process.stderr.write(`${line}\n`);
	}

	/** Removes the live line. */
	clear(): void {
		if (this.live && this.lastLine) {
			process.stderr.write('\r\u001B[2K');
			this.lastLine = '';
		}
	}
}
