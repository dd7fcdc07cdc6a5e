import process from 'node:process';

/** Colour names Ink understands; `undefined` means "the terminal's default". */
export type Color = string | undefined;

/** The semantic palette and glyphs every component draws with. Never hard-code a colour elsewhere. */
export type Theme = {
	/** False under NO_COLOR / --no-color: every colour below is undefined. */
	color: boolean;
	/** False when the locale is not UTF-8: glyphs fall back to plain ASCII. */
	unicode: boolean;
	text: {
		/** Ordinary text. */
		primary: Color;
		/** Less important text: vendors, hints, units. */
		secondary: Color;
		/** Headings and titles. */
		accent: Color;
		/** Links to act on: key names in hints. */
		link: Color;
	};
	status: {
		ok: Color;
		warning: Color;
		error: Color;
	};
	ui: {
		/** The focused element (filter line while typing, selected row). */
		focus: Color;
		/** Borders and separators. */
		border: Color;
		/** Filled part of bars and progress. */
		bar: Color;
		/** Favourite mark. */
		favorite: Color;
		/** Status bar text and background; `busy*` while a scan runs. */
		barText: Color;
		barBackground: Color;
		busyText: Color;
		busyBackground: Color;
	};
	/** Colour per plugin format, for the format column and charts. */
	format: Record<string, Color>;
	glyph: {
		favorite: string;
		barFull: string;
		barEmpty: string;
		/** Partial bar eighths, from 1/8 to 7/8 (ASCII: empty). */
		barPartial: string[];
		pointer: string;
		ellipsis: string;
		separator: string;
		up: string;
		down: string;
		enter: string;
		/** Marks an error line. */
		error: string;
		/** Marks a plugin whose health check found it broken. */
		broken: string;
		/** Arrow between inputs and outputs. */
		arrow: string;
		/** Ink border style name. */
		border: 'round' | 'classic';
	};
};

/** Options for makeTheme. */
export type ThemeOptions = {color: boolean; unicode: boolean};

/** Builds the theme for the given colour and glyph support. Cost: constant. */
export function makeTheme({color, unicode}: ThemeOptions): Theme {
	const c = (name: string): Color => (color ? name : undefined);
	return {
		color,
		unicode,
		text: {primary: undefined, secondary: c('gray'), accent: c('cyan'), link: c('yellow')},
		status: {ok: c('green'), warning: c('yellow'), error: c('red')},
		ui: {focus: c('cyan'), border: c('gray'), bar: c('cyan'), favorite: c('yellow'), barText: c('white'), barBackground: c('blue'), busyText: c('black'), busyBackground: c('yellow')},
		format: {lv2: c('green'), ladspa: c('blue'), vst2: c('magenta'), vst3: c('red'), clap: c('yellow'), au: c('cyan')},
		glyph: unicode
			? {favorite: '★', barFull: '█', barEmpty: '░', barPartial: ['▏', '▎', '▍', '▌', '▋', '▊', '▉'], pointer: '›', ellipsis: '…', separator: '·', up: '↑', down: '↓', enter: '↵', error: '✗', broken: '✗', arrow: '→', border: 'round'}
			: {favorite: '*', barFull: '#', barEmpty: '.', barPartial: [], pointer: '>', ellipsis: '~', separator: '|', up: 'Up', down: 'Dn', enter: 'Enter', error: 'x', broken: '!', arrow: '->', border: 'classic'},
	};
}

/**
 * True when the locale says UTF-8 (LC_ALL, then LC_CTYPE, then LANG — the first one set wins, as
 * in POSIX). An unset locale is the C locale: ASCII.
 */
export function localeIsUtf8(env: Record<string, string | undefined> = process.env): boolean {
	const locale = env['LC_ALL'] || env['LC_CTYPE'] || env['LANG'] || '';
	return /utf-?8/i.test(locale);
}

/** True when colours are wanted: not disabled by flag, not NO_COLOR (any non-empty value). */
export function colorWanted(flag: boolean, env: Record<string, string | undefined> = process.env): boolean {
	return flag && !env['NO_COLOR'];
}
