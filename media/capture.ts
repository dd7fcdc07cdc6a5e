/**
 * `npm run media`: screenshots of the real explorer for the README.
 *
 * Catalogues the plugins installed on this machine (the Debian corpus) into a throw-away database, starts
 * `node dist/cli.js` in a private tmux server at a fixed size, drives it with send-keys, waits for the
 * expected text on every step (no fixed sleeps), captures the pane with its colours (`capture-pane -e`)
 * and turns each capture into an SVG (our own ANSI → SVG below) and then a PNG with `rsvg-convert`.
 *
 * Needs: tmux, rsvg-convert (librsvg2-bin), the DejaVu Sans Mono font (fonts-dejavu-core), optionally pngquant
 * (a third of the bytes), and the built CLI and native host (built here when missing). Options: --out DIR (default media/),
 * --keep (keep the .svg and .ansi captures next to the PNGs), --build (rebuild dist/ first).
 */
import {execFileSync, type ExecFileSyncOptions} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist/cli.js');
const host = path.join(root, 'native-host/build/pluginary-host');
const columns = 120;
const rows = 34;

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
	const at = args.indexOf(name);
	return at === -1 ? undefined : args[at + 1];
};

const outDir = path.resolve(option('--out') ?? path.join(root, 'media'));
const keep = args.includes('--keep');
const started = Date.now();
const log = (message: string): void => {
	console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${message}`);
};

// ---------------------------------------------------------------------------------------------------------------
// Terminal: a private tmux server (its own socket, no user config) so nothing of the user's tmux is touched.

const socket = `pluginary-media-${process.pid}`;
const session = 'media';
const tmux = (...tmuxArgs: string[]): string => execFileSync('tmux', ['-L', socket, '-f', '/dev/null', ...tmuxArgs], {encoding: 'utf8'});
const plain = (): string => tmux('capture-pane', '-t', session, '-p');
const coloured = (): string => tmux('capture-pane', '-t', session, '-p', '-e');
const send = (...keys: string[]): void => {
	tmux('send-keys', '-t', session, ...keys);
};

const type = (text: string): void => {
	send('-l', text);
};

const shortPath = (file: string): string => {
	const relative = path.relative(process.cwd(), file);
	return relative === '' ? '.' : relative.startsWith('..') ? file : relative;
};

const pause = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms));

type Wanted = string | RegExp | ((text: string) => boolean);

/** Polls the screen until it shows what is wanted; returns that screen (plain text). */
async function waitFor(wanted: Wanted, what: string, timeoutMs = 20_000): Promise<string> {
	const matches = typeof wanted === 'function' ? wanted : (text: string) => (typeof wanted === 'string' ? text.includes(wanted) : wanted.test(text));
	const deadline = Date.now() + timeoutMs;
	let last = '';
	while (Date.now() < deadline) {
		last = plain();
		if (matches(last)) {
			return last;
		}

		await pause(40);
	}

	throw new Error(`timed out waiting for ${what}; the screen was:\n${last}`);
}

/** Waits until the screen has not changed for `quietMs` (Ink redraws asynchronously; throttled to ≤ 20/s). */
async function settle(quietMs = 250, timeoutMs = 5000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	let last = coloured();
	let since = Date.now();
	while (Date.now() < deadline) {
		await pause(40);
		const now = coloured();
		if (now !== last) {
			last = now;
			since = Date.now();
		} else if (Date.now() - since >= quietMs) {
			return;
		}
	}
}

/**
 * Moves the selection down to a plugin found on screen (not by position, which depends on the corpus): PgDn until
 * its row is visible, then ↓ as many times as it is below the highlighted row, until the details pane shows it.
 */
async function selectPlugin(name: string, format: string): Promise<void> {
	const isRow = (line: string): boolean => line.slice(2).startsWith(`${name} `) && new RegExp(`\\s${format}\\s`).test(line.slice(0, 75));
	const selected = (text: string): boolean => {
		const lines = text.split('\n');
		return lines[2]!.includes(`│ ${name} `) && new RegExp(`format +${format}\\b`).test(lines[4]!);
	};

	for (let page = 0; page < 200; page++) {
		await settle(150);
		const lines = plain().split('\n');
		const target = lines.findIndex((line, index) => index >= 2 && index < rows - 2 && isRow(line));
		if (target !== -1) {
			const highlighted = coloured()
				.split('\n')
				.findIndex((line, index) => index >= 2 && line.startsWith('\u001B[7m'));
			if (highlighted === -1 || highlighted > target) {
				throw new Error(`cannot find the highlighted row above ${name}`);
			}

			if (target > highlighted) {
				send('-N', String(target - highlighted), 'Down');
			}

			await waitFor(selected, `${name} (${format}) in the details pane`);
			return;
		}

		send('PageDown');
	}

	throw new Error(`${name} (${format}) is not in the list`);
}

// ---------------------------------------------------------------------------------------------------------------
// ANSI (as tmux's capture-pane -e writes it) → a grid of styled cells.

type Style = {fg?: string; bg?: string; bold: boolean; dim: boolean; italic: boolean; underline: boolean; inverse: boolean};
type Cell = {char: string; style: Style};

const theme = {
	background: '#1a1b26',
	foreground: '#c0caf5',
	chrome: '#16161e',
	title: '#7a82a8',
	// black, red, green, yellow, blue, magenta, cyan, white, then the bright ones
	ansi: ['#32344a', '#f7768e', '#9ece6a', '#e0af68', '#7aa2f7', '#bb9af7', '#7dcfff', '#c0caf5', '#7a82a8', '#ff8ba0', '#b9f27c', '#ffc777', '#8db0ff', '#c7a9ff', '#a4daff', '#e0e6ff'],
	/** Background versions of the base colours: the status bar's white on blue needs a darker blue, its black on yellow a light yellow. */
	ansiBackground: ['#32344a', '#8c2f45', '#3f6b2a', '#e0af68', '#34548f', '#5e3f8f', '#2a6a80', '#a9b1d6'],
};

function xterm256(n: number): string {
	if (n < 16) {
		return theme.ansi[n]!;
	}

	if (n < 232) {
		const levels = [0, 95, 135, 175, 215, 255];
		const i = n - 16;
		return rgb(levels[Math.floor(i / 36)]!, levels[Math.floor(i / 6) % 6]!, levels[i % 6]!);
	}

	const grey = 8 + (n - 232) * 10;
	return rgb(grey, grey, grey);
}

function rgb(r: number, g: number, b: number): string {
	return `#${[r, g, b].map(value => value.toString(16).padStart(2, '0')).join('')}`;
}

const plainStyle = (): Style => ({bold: false, dim: false, italic: false, underline: false, inverse: false});

function applySgr(style: Style, parameters: number[]): Style {
	const next = {...style};
	if (parameters.length === 0) {
		parameters = [0];
	}

	for (let i = 0; i < parameters.length; i++) {
		const p = parameters[i]!;
		if (p === 0) {
			Object.assign(next, plainStyle(), {fg: undefined, bg: undefined});
		} else if (p === 1) {
			next.bold = true;
		} else if (p === 2) {
			next.dim = true;
		} else if (p === 3) {
			next.italic = true;
		} else if (p === 4) {
			next.underline = true;
		} else if (p === 7) {
			next.inverse = true;
		} else if (p === 22) {
			next.bold = false;
			next.dim = false;
		} else if (p === 23) {
			next.italic = false;
		} else if (p === 24) {
			next.underline = false;
		} else if (p === 27) {
			next.inverse = false;
		} else if (p >= 30 && p <= 37) {
			next.fg = theme.ansi[p - 30];
		} else if (p === 39) {
			next.fg = undefined;
		} else if (p >= 40 && p <= 47) {
			next.bg = theme.ansiBackground[p - 40];
		} else if (p === 49) {
			next.bg = undefined;
		} else if (p >= 90 && p <= 97) {
			next.fg = theme.ansi[p - 90 + 8];
		} else if (p >= 100 && p <= 107) {
			next.bg = theme.ansi[p - 100 + 8];
		} else if (p === 38 || p === 48) {
			let colour: string | undefined;
			if (parameters[i + 1] === 5) {
				colour = xterm256(parameters[i + 2] ?? 0);
				i += 2;
			} else if (parameters[i + 1] === 2) {
				colour = rgb(parameters[i + 2] ?? 0, parameters[i + 3] ?? 0, parameters[i + 4] ?? 0);
				i += 4;
			}

			if (p === 38) {
				next.fg = colour;
			} else {
				next.bg = colour;
			}
		}
	}

	return next;
}

/** East Asian wide and emoji code points take two cells (tmux pads them); everything the explorer draws is narrow. */
function isWide(codePoint: number): boolean {
	return (
		(codePoint >= 0x1100 && codePoint <= 0x115f) ||
		(codePoint >= 0x2e80 && codePoint <= 0xa4cf) ||
		(codePoint >= 0xac00 && codePoint <= 0xd7a3) ||
		(codePoint >= 0xf900 && codePoint <= 0xfaff) ||
		(codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
		(codePoint >= 0xff00 && codePoint <= 0xff60) ||
		(codePoint >= 0xffe0 && codePoint <= 0xffe6) ||
		(codePoint >= 0x1f300 && codePoint <= 0x1faff) ||
		(codePoint >= 0x20000 && codePoint <= 0x3fffd)
	);
}

function parseAnsi(text: string): Cell[][] {
	const grid: Cell[][] = [];
	let style = plainStyle();
	for (const line of text.replace(/\n$/, '').split('\n').slice(0, rows)) {
		const cells: Cell[] = [];
		for (let i = 0; i < line.length; ) {
			if (line[i] === '\u001B') {
				const sgr = /^\u001B\[([\d;:]*)m/.exec(line.slice(i));
				if (sgr) {
					style = applySgr(style, sgr[1] === '' ? [] : sgr[1]!.split(/[;:]/).map(Number));
					i += sgr[0].length;
					continue;
				}

				// Any other escape (OSC 8 links, charset switches): skip it.
				const other = /^\u001B(\][^\u0007\u001B]*(\u0007|\u001B\\)|\[[\d;?]*[A-Za-z]|[()][A-Za-z0-9]|.)/.exec(line.slice(i));
				i += other ? other[0].length : 1;
				continue;
			}

			const codePoint = line.codePointAt(i)!;
			const char = String.fromCodePoint(codePoint);
			i += char.length;
			if (codePoint < 0x20 || (codePoint >= 0x300 && codePoint <= 0x36f) || codePoint === 0x200b) {
				continue;
			}

			cells.push({char, style});
			if (isWide(codePoint)) {
				cells.push({char: '', style});
			}
		}

		// tmux trims trailing blanks; the rest of the row has the style in force at the end of the line.
		while (cells.length < columns) {
			cells.push({char: ' ', style});
		}

		grid.push(cells.slice(0, columns));
	}

	while (grid.length < rows) {
		grid.push(Array.from({length: columns}, () => ({char: ' ', style: plainStyle()})));
	}

	return grid;
}

// ---------------------------------------------------------------------------------------------------------------
// Cells → SVG. Text goes in runs placed at their column; box-drawing and block characters are drawn as shapes so
// borders join up and bars are solid whatever the font's line height.

const fontSize = 14;
const cellWidth = fontSize * (1233 / 2048); // DejaVu Sans Mono's advance
const cellHeight = Math.round(fontSize * 1.3);
const baseline = (cellHeight - fontSize * 1.164) / 2 + fontSize * 0.928;
const padding = 18;
const titleBar = 30;

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const n = (value: number): string => String(Math.round(value * 100) / 100);

/** Arms of the light box-drawing characters: up, right, down, left; `round` for the rounded corners. */
const boxArms: Record<string, {arms: [boolean, boolean, boolean, boolean]; round?: boolean}> = {
	'─': {arms: [false, true, false, true]},
	'│': {arms: [true, false, true, false]},
	'┌': {arms: [false, true, true, false]},
	'┐': {arms: [false, false, true, true]},
	'└': {arms: [true, true, false, false]},
	'┘': {arms: [true, false, false, true]},
	'├': {arms: [true, true, true, false]},
	'┤': {arms: [true, false, true, true]},
	'┬': {arms: [false, true, true, true]},
	'┴': {arms: [true, true, false, true]},
	'┼': {arms: [true, true, true, true]},
	'╭': {arms: [false, true, true, false], round: true},
	'╮': {arms: [false, false, true, true], round: true},
	'╰': {arms: [true, true, false, false], round: true},
	'╯': {arms: [true, false, false, true], round: true},
};

/** Block elements as [x, y, width, height] fractions of the cell, with an opacity for the shades. */
function block(char: string): {x: number; y: number; w: number; h: number; opacity: number} | undefined {
	const code = char.codePointAt(0)!;
	if (code === 0x2588) {
		return {x: 0, y: 0, w: 1, h: 1, opacity: 1};
	}

	if (code >= 0x2589 && code <= 0x258f) {
		return {x: 0, y: 0, w: (0x2590 - code) / 8, h: 1, opacity: 1}; // ▉ 7/8 … ▏ 1/8
	}

	if (code >= 0x2581 && code <= 0x2587) {
		const h = (code - 0x2580) / 8; // ▁ 1/8 … ▇ 7/8
		return {x: 0, y: 1 - h, w: 1, h, opacity: 1};
	}

	if (code === 0x2580) {
		return {x: 0, y: 0, w: 1, h: 0.5, opacity: 1};
	}

	if (code === 0x2590) {
		return {x: 0.5, y: 0, w: 0.5, h: 1, opacity: 1};
	}

	if (code >= 0x2591 && code <= 0x2593) {
		return {x: 0, y: 0, w: 1, h: 1, opacity: (code - 0x2590) * 0.25}; // ░ ▒ ▓
	}

	return undefined;
}

function resolve(style: Style): {fg: string; bg?: string} {
	let fg = style.fg ?? theme.foreground;
	let bg = style.bg;
	if (style.inverse) {
		[fg, bg] = [bg ?? theme.background, fg];
	}

	return {fg, bg};
}

function toSvg(grid: Cell[][], title: string): string {
	const width = Math.ceil(columns * cellWidth + padding * 2);
	const height = Math.ceil(titleBar + rows * cellHeight + padding * 2);
	const out: string[] = [];
	out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`);
	out.push(`<rect width="${width}" height="${height}" rx="10" fill="${theme.background}"/>`);
	out.push(`<path d="M0 10a10 10 0 0 1 10-10h${width - 20}a10 10 0 0 1 10 10v${titleBar - 10}h-${width}z" fill="${theme.chrome}"/>`);
	['#ff5f57', '#febc2e', '#28c840'].forEach((colour, i) => {
		out.push(`<circle cx="${20 + i * 20}" cy="${titleBar / 2}" r="6" fill="${colour}"/>`);
	});
	out.push(
		`<text x="${width / 2}" y="${titleBar / 2 + 4.5}" text-anchor="middle" font-family="DejaVu Sans" font-size="13" fill="${theme.title}">${escapeXml(title)}</text>`,
	);

	const top = titleBar + padding;
	const left = padding;
	const shapes: string[] = [];
	const texts: string[] = [];
	grid.forEach((cells, row) => {
		const y = top + row * cellHeight;
		// Backgrounds, merged into spans of one colour.
		for (let column = 0; column < columns; ) {
			const {bg} = resolve(cells[column]!.style);
			let end = column + 1;
			while (end < columns && resolve(cells[end]!.style).bg === bg) {
				end++;
			}

			if (bg) {
				shapes.push(`<rect x="${n(left + column * cellWidth)}" y="${y}" width="${n((end - column) * cellWidth + 0.5)}" height="${cellHeight}" fill="${bg}"/>`);
			}

			column = end;
		}

		// Glyphs: shapes for boxes and blocks, text runs for the rest (non-ASCII characters placed one by one).
		let run = '';
		let runStart = 0;
		let runKey = '';
		let runStyle: Style = plainStyle();
		const flush = (): void => {
			if (run.trim() !== '') {
				const {fg} = resolve(runStyle);
				const attributes = [
					`x="${n(left + runStart * cellWidth)}"`,
					`y="${n(y + baseline)}"`,
					`fill="${fg}"`,
					runStyle.bold ? 'font-weight="bold"' : '',
					runStyle.italic ? 'font-style="italic"' : '',
					runStyle.underline ? 'text-decoration="underline"' : '',
					runStyle.dim ? 'fill-opacity="0.6"' : '',
				].filter(Boolean);
				texts.push(`<text ${attributes.join(' ')}>${escapeXml(run)}</text>`);
			}

			run = '';
		};

		// Runs of the same block (a bar, a progress track) become one rectangle: no seams between cells.
		let bar: {x0: number; x1: number; y: number; h: number; fill: string; opacity: number} | undefined;
		const flushBar = (): void => {
			if (bar) {
				const opacity = bar.opacity < 1 ? ` fill-opacity="${bar.opacity}"` : '';
				shapes.push(`<rect x="${n(bar.x0)}" y="${n(bar.y)}" width="${n(bar.x1 - bar.x0)}" height="${n(bar.h)}" fill="${bar.fill}"${opacity}/>`);
				bar = undefined;
			}
		};

		cells.forEach((cell, column) => {
			const x = left + column * cellWidth;
			const {fg} = resolve(cell.style);
			const box = boxArms[cell.char];
			const shape = block(cell.char);
			if (box || shape) {
				flush();
				if (shape) {
					// Full-height blocks keep a little gap above and below, so bars on consecutive rows stay apart.
					const [top, height] = shape.h === 1 ? [y + 2, cellHeight - 4] : [y + shape.y * cellHeight, shape.h * cellHeight];
					const x0 = x + shape.x * cellWidth;
					const x1 = x0 + shape.w * cellWidth;
					if (bar && Math.abs(bar.x1 - x0) < 0.01 && bar.y === top && bar.h === height && bar.fill === fg && bar.opacity === shape.opacity) {
						bar.x1 = x1;
					} else {
						flushBar();
						bar = {x0, x1, y: top, h: height, fill: fg, opacity: shape.opacity};
					}
				} else {
					flushBar();
					shapes.push(boxPath(box!, x, y, fg));
				}

				return;
			}

			flushBar();

			const key = JSON.stringify(cell.style);
			const ascii = cell.char.length === 1 && cell.char.charCodeAt(0) < 0x7f;
			if (!ascii || key !== runKey || run === '') {
				flush();
				runStart = column;
				runKey = key;
				runStyle = cell.style;
			}

			run += cell.char;
			if (!ascii) {
				flush();
			}
		});
		flush();
		flushBar();
	});

	out.push(...shapes);
	out.push(`<g font-family="DejaVu Sans Mono" font-size="${fontSize}" xml:space="preserve">`, ...texts, '</g>', '</svg>');
	return out.join('\n');
}

function boxPath(box: {arms: [boolean, boolean, boolean, boolean]; round?: boolean}, x: number, y: number, colour: string): string {
	const cx = x + cellWidth / 2;
	const cy = y + cellHeight / 2;
	const [up, right, down, left] = box.arms;
	const ends = {up: [cx, y], right: [x + cellWidth + 0.3, cy], down: [cx, y + cellHeight], left: [x - 0.3, cy]};
	let d = '';
	if (box.round) {
		// Straight arms from the edges, then a quarter curve round the centre.
		const [a, b] = [up ? ends.up : ends.down, right ? ends.right : ends.left];
		const r = Math.min(cellWidth, cellHeight) / 2;
		const start = up ? [cx, cy - r] : [cx, cy + r];
		const end = right ? [cx + r, cy] : [cx - r, cy];
		d = `M${n(a[0]!)} ${n(a[1]!)}L${n(start[0]!)} ${n(start[1]!)}Q${n(cx)} ${n(cy)} ${n(end[0]!)} ${n(end[1]!)}L${n(b[0]!)} ${n(b[1]!)}`;
	} else {
		if (up || down) {
			d += `M${n(cx)} ${n(up ? y : cy)}V${n(down ? y + cellHeight : cy)}`;
		}

		if (left || right) {
			d += `M${n(left ? ends.left[0]! : cx)} ${n(cy)}H${n(right ? ends.right[0]! : cx)}`;
		}
	}

	return `<path d="${d}" stroke="${colour}" stroke-width="1.2" fill="none"/>`;
}

// ---------------------------------------------------------------------------------------------------------------
// Shots.

const written: string[] = [];

const stripAnsi = (text: string): string => text.replace(/\u001B(\[[\d;:?]*[A-Za-z]|\][^\u0007\u001B]*(\u0007|\u001B\\)|[()][A-Za-z0-9])/g, '');

/**
 * Captures the screen and writes NAME.png. By default once the screen has stopped changing; with `ready`, the first
 * capture whose text passes it (for the scan dashboard, which never stands still while it runs).
 */
async function shot(name: string, title: string, ready?: (text: string) => boolean): Promise<void> {
	let ansi = '';
	if (ready) {
		const deadline = Date.now() + 180_000;
		for (ansi = coloured(); !ready(stripAnsi(ansi)); ansi = coloured()) {
			if (Date.now() > deadline) {
				throw new Error(`timed out waiting for the ${name} screen; it was:\n${stripAnsi(ansi)}`);
			}

			await pause(20);
		}
	} else {
		await settle();
		ansi = coloured();
	}

	const svg = toSvg(parseAnsi(ansi), title);
	const svgPath = path.join(keep ? outDir : work, `${name}.svg`);
	writeFileSync(svgPath, svg);
	if (keep) {
		writeFileSync(path.join(outDir, `${name}.ansi`), ansi);
	}

	const png = path.join(outDir, `${name}.png`);
	execFileSync('rsvg-convert', ['--zoom', '2', '--format', 'png', '--output', png, svgPath]);
	if (hasPngquant) {
		// A palette of 256 colours looks the same here and takes about a third of the bytes.
		execFileSync('pngquant', ['--force', '--strip', '--speed', '1', '--output', png, png]);
	}

	written.push(png);
	log(`wrote ${shortPath(png)}`);
}

function need(tool: string, versionArg: string, debianPackage: string): void {
	try {
		execFileSync(tool, [versionArg], {stdio: 'ignore'});
	} catch {
		throw new Error(`${tool} is needed: apt-get install ${debianPackage}`);
	}
}

let hasPngquant = false;
let socketPath = '';
const work = mkdtempSync(path.join(os.tmpdir(), 'pluginary-media-'));

async function main(): Promise<void> {
	need('tmux', '-V', 'tmux');
	need('rsvg-convert', '--version', 'librsvg2-bin');
	try {
		execFileSync('pngquant', ['--version'], {stdio: 'ignore'});
		hasPngquant = true;
	} catch {
		log('pngquant is not installed (apt-get install pngquant): the PNGs will be about three times larger');
	}

	mkdirSync(outDir, {recursive: true});
	const run: ExecFileSyncOptions = {cwd: root, stdio: 'inherit'};
	if (args.includes('--build') || !existsSync(cli)) {
		log('building dist/');
		execFileSync('node', ['source/build/bundle.mjs'], run);
	}

	if (!existsSync(host)) {
		log('building the native host');
		execFileSync('bash', ['native-host/build.sh'], run);
	}

	// A clean environment: the system's plugin folders (no *_PATH overrides), no user config or catalog, colours on.
	const db = path.join(work, 'catalog.db');
	const config = path.join(work, 'config.json');
	const env: NodeJS.ProcessEnv = {...process.env, TERM: 'xterm-256color', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', XDG_CONFIG_HOME: work, XDG_DATA_HOME: work, XDG_CACHE_HOME: work};
	for (const name of ['CI', 'NO_COLOR', 'FORCE_COLOR', 'PLUGINARY_DB', 'PLUGINARY_CONFIG', 'PLUGINARY_HOST', 'LV2_PATH', 'LADSPA_PATH', 'VST_PATH', 'VST3_PATH', 'CLAP_PATH', 'TMUX']) {
		delete env[name];
	}

	log('cataloguing the installed plugins');
	try {
		execFileSync('node', [cli, 'scan', '--db', db, '--config', config], {cwd: root, env, stdio: 'pipe'});
	} catch (error) {
		const {status, stderr} = error as {status?: number; stderr?: Buffer};
		throw new Error(`pluginary scan failed (exit ${status}):\n${stderr?.toString() ?? ''}`);
	}

	log('checking every plugin on audio (pluginary check)');
	try {
		execFileSync('node', [cli, 'check', '--db', db, '--config', config, '--jobs', '2'], {cwd: root, env, stdio: 'pipe'});
	} catch (error) {
		const {status, stderr} = error as {status?: number; stderr?: Buffer};
		throw new Error(`pluginary check failed (exit ${status}):\n${stderr?.toString() ?? ''}`);
	}

	const command = ['env', '-u', 'CI', '-u', 'NO_COLOR', 'TERM=xterm-256color', 'node', cli, '--db', db, '--config', config].map(part => `'${part}'`).join(' ');
	execFileSync('tmux', ['-L', socket, '-f', '/dev/null', 'new-session', '-d', '-s', session, '-x', String(columns), '-y', String(rows), command], {cwd: root, env});
	socketPath = tmux('display-message', '-p', '#{socket_path}').trim();
	tmux('set-option', '-t', session, 'status', 'off');

	// 1. The explorer, moved down the alphabetical list to a well-known plugin (found on screen, not by position).
	// The list fills in chunks: wait for the whole catalog (one row per plugin group), as `stats` counts it.
	const total = String((JSON.parse(execFileSync('node', [cli, 'stats', '--json', '--db', db, '--config', config], {cwd: root, env, encoding: 'utf8'})) as {groups: number}).groups);
	await waitFor(text => text.includes(`${total}/${total} plugins`) && !text.includes('indexing'), 'the catalog');
	log(`explorer up, ${total} plugins`);
	await selectPlugin('Dragonfly Hall Reverb', 'lv2');
	await shot('explorer', 'pluginary — explorer');

	// 2. The filter in action: words and the query language, narrowing as it is typed.
	send('/');
	await waitFor('Enter keep filter', 'the filter to take focus');
	type('comp vendor:zam');
	await waitFor('filter: comp vendor:zam', 'the filtered list');
	send('-N', String(rows), 'Up'); // the selection stays where it was in the whole list; back to the best match
	await waitFor(() => coloured().split('\n')[2]!.startsWith('\u001B[7m'), 'the best match to be selected');
	await shot('filter', 'pluginary — filter: comp vendor:zam');

	// 3. Health: Calf's plugins after the check, the one that crashed selected (its mark and its reason).
	send('Escape');
	await waitFor(new RegExp(`${total}/${total} plugins`), 'the filter to clear');
	send('/');
	await waitFor('Enter keep filter', 'the filter to take focus');
	type('vendor:calf');
	await waitFor('filter: vendor:calf', 'the Calf plugins');
	send('Enter');
	await waitFor('/ filter', 'the filter to let go of the keys');
	send('g');
	await selectPlugin('Calf Wavetable', 'lv2');
	await waitFor('crashed', 'the health line of Calf Wavetable');
	await shot('health', 'pluginary — health after a check');

	// 4. Details of a plugin with many parameters, presets and copies in other formats.
	send('Escape');
	await waitFor(new RegExp(`${total}/${total} plugins`), 'the filter to clear');
	send('/');
	await waitFor('Enter keep filter', 'the filter to take focus');
	type('zamulticompx2 format:lv2');
	await waitFor('filter: zamulticompx2 format:lv2', 'the ZaMultiComp plugins');
	send('Enter');
	await waitFor('/ filter', 'the filter to let go of the keys');
	send('g');
	await waitFor(text => text.split('\n')[2]!.includes('│ ZaMultiCompX2 '), 'ZaMultiCompX2 to be selected');
	send('Enter');
	await waitFor(/ZaMultiCompX2 · parameter 1\//, 'the details screen');
	await shot('details', 'pluginary — details');

	// 5. A full rescan, caught mid-way, then its end with the diff.
	send('Escape');
	await waitFor('/ filter', 'the list');
	send('R');
	await waitFor(/Full rescan · running/, 'the scan dashboard');
	const progress = (text: string): number => Number(/files (\d+)%/.exec(text)?.[1] ?? 0);
	await shot('scan', 'pluginary — full rescan', text => text.includes('· running ·') && progress(text) >= 40 && progress(text) <= 90);
	await waitFor('Changes', 'the scan to finish', 180_000);
	await shot('scan-done', 'pluginary — rescan finished');

	// 6. Statistics.
	send('Escape');
	await waitFor(/\d+\/\d+ plugins/, 'the list');
	send('Escape');
	await waitFor(new RegExp(`${total}/${total} plugins`), 'the filter to clear');
	send('t');
	await waitFor(text => text.includes('Plugins per format') && text.includes('Last scans'), 'the stats screen');
	await shot('stats', 'pluginary — statistics');

	send('q');
}

const cleanUp = (): void => {
	try {
		tmux('kill-server');
	} catch {}

	if (socketPath) {
		rmSync(socketPath, {force: true});
	}

	rmSync(work, {recursive: true, force: true});
};

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
	process.once(signal, () => {
		cleanUp();
		process.exit(128 + os.constants.signals[signal]);
	});
}

try {
	await main();
	log(`done: ${written.length} images in ${shortPath(outDir)}`);
} catch (error) {
	console.error(error instanceof Error ? error.message : error);
	process.exitCode = 1;
} finally {
	cleanUp();
}
