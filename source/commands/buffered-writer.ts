/**
 * Text written in pieces and handed on 64 KiB at a time — what stdout output and atomic files
 * share, so streaming 10k rows costs a few hundred writes, not 10k.
 */
export abstract class BufferedWriter {
	private buffer: string[] = [];
	private size = 0;

	/** Buffers text. */
	write(text: string): void {
		this.buffer.push(text);
		this.size += text.length;
		if (this.size >= 65_536) {
			this.flush();
		}
	}

	/** Buffers one line. */
	line(text = ''): void {
		this.write(text + '\n');
	}

	/** Hands the buffered text on. */
	flush(): void {
		if (this.buffer.length > 0) {
			this.emit(this.buffer.join(''));
		}

		this.buffer = [];
		this.size = 0;
	}

	/** Where the text goes. */
	protected abstract emit(text: string): void;
}
