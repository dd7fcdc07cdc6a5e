/** Small text helpers for the screens: fixed-width cells, counts, times. */

/**
 * Cuts `text` to `width` columns (adding `ellipsis` when cut) and pads it with spaces to exactly
 * `width`. Counts code points; wide (CJK) characters count 2.
 */
export function cell(text: string, width: number, ellipsis = '…', align: 'left' | 'right' = 'left'): string {
	if (width <= 0) {
		return '';
	}

	const clean = text.replace(/[\u0000-\u001F\u007F]/g, ' ');
	let used = 0;
	let out = '';
	const chars = [...clean];
	const total = chars.reduce((sum, char) => sum + charWidth(char), 0);
	if (total <= width) {
		out = clean;
		used = total;
	} else {
		const room = width - ellipsis.length;
		for (const char of chars) {
			const w = charWidth(char);
			if (used + w > room) {
				break;
			}

			out += char;
			used += w;
		}

		out += ellipsis;
		used += ellipsis.length;
	}

	const pad = ' '.repeat(Math.max(0, width - used));
	return align === 'left' ? out + pad : pad + out;
}

/** Terminal columns of one character: 2 for East Asian wide and emoji, 0 for combining marks. */
export function charWidth(char: string): number {
	const code = char.codePointAt(0) ?? 0;
	if ((code >= 0x300 && code <= 0x36F) || code === 0x200B) {
		return 0;
	}

	if ((code >= 0x1100 && code <= 0x115F) || (code >= 0x2E80 && code <= 0xA4CF) || (code >= 0xAC00 && code <= 0xD7A3)
		|| (code >= 0xF900 && code <= 0xFAFF) || (code >= 0xFE30 && code <= 0xFE4F) || (code >= 0xFF00 && code <= 0xFF60)
		|| (code >= 0xFFE0 && code <= 0xFFE6) || (code >= 0x1F300 && code <= 0x1FAFF) || (code >= 0x20000 && code <= 0x3FFFD)) {
		return 2;
	}

	return 1;
}

/** A count with thousands separators: 12,345. */
export function count(value: number): string {
	return Math.round(value).toLocaleString('en-US');
}

/** A duration in seconds as m:ss or h:mm:ss. */
export function clock(seconds: number): string {
	const total = Math.max(0, Math.round(seconds));
	const h = Math.floor(total / 3600);
	const m = Math.floor((total % 3600) / 60);
	const s = String(total % 60).padStart(2, '0');
	return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** Milliseconds as a short human duration: 850 ms, 12.3 s, 4 min 05 s. */
export function duration(ms: number): string {
	if (ms < 1000) {
		return `${Math.round(ms)} ms`;
	}

	if (ms < 60_000) {
		return `${(ms / 1000).toFixed(1)} s`;
	}

	const seconds = Math.round(ms / 1000);
	return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}

/** How long ago an ISO time was, relative to `now`: "just now", "5 min ago", "3 h ago", "2 days ago". */
export function ago(iso: string, now = Date.now()): string {
	const then = Date.parse(iso);
	if (Number.isNaN(then)) {
		return 'never';
	}

	const seconds = Math.max(0, (now - then) / 1000);
	if (seconds < 60) {
		return 'just now';
	}

	if (seconds < 3600) {
		return `${Math.floor(seconds / 60)} min ago`;
	}

	if (seconds < 86_400) {
		return `${Math.floor(seconds / 3600)} h ago`;
	}

	const days = Math.floor(seconds / 86_400);
	return `${days} day${days === 1 ? '' : 's'} ago`;
}

/** A number for a parameter table: integers as is, others with up to 4 significant decimals. */
export function number(value: number): string {
	if (!Number.isFinite(value)) {
		return String(value);
	}

	if (Number.isInteger(value)) {
		return String(value);
	}

	const abs = Math.abs(value);
	return abs >= 1000 ? value.toFixed(0) : abs >= 1 ? String(Number(value.toFixed(2))) : String(Number(value.toPrecision(3)));
}
