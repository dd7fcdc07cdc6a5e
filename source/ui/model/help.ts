import {bindingLabel, COMMANDS, type CommandGroup} from '../keys/commands.js';

/** One line of the help screen. */
export type HelpLine =
	| {kind: 'heading'; text: string}
	| {kind: 'key'; keys: string; text: string}
	| {kind: 'text'; text: string};

const groups: CommandGroup[] = ['Move', 'Explorer', 'Scan', 'Check', 'Screens', 'App'];

const queryHelp = [
	'Words match names, vendors, categories, formats, tags and parameter names (fuzzy, by prefix).',
	'Filters: vendor:lsp  format:lv2  cat:dynamics  param:thresh  tag:mix  is:fav  is:instrument',
	'         is:effect  params>20  in>=2  out=1  "quoted phrase"  -word (leave out)',
	'Health:  is:broken  is:checked  health:nan|crashed|timeout|failed|ok|unchecked  warn:silent',
	'         cpu>10  latency>0  (after a check: c / C here, or pluginary check)',
];

/** The help screen's lines, generated from the command table (so it never drifts from the keys). */
export function helpLines(unicode: boolean): HelpLine[] {
	const lines: HelpLine[] = [];
	for (const group of groups) {
		lines.push({kind: 'heading', text: group});
		for (const spec of COMMANDS.filter(command => command.group === group)) {
			lines.push({kind: 'key', keys: spec.bindings.map(binding => bindingLabel(binding, unicode)).join(' '), text: spec.description});
		}
	}

	lines.push({kind: 'heading', text: 'Filter'});
	for (const text of queryHelp) {
		lines.push({kind: 'text', text});
	}

	return lines;
}
