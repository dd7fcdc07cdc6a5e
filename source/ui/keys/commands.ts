/** Every command the explorer understands. Keys map to these; actions are chosen per screen. */
export type CommandName =
	| 'cursor.up' | 'cursor.down' | 'cursor.pageUp' | 'cursor.pageDown' | 'cursor.home' | 'cursor.end'
	| 'filter.focus' | 'nav.back' | 'nav.open'
	| 'plugin.favorite' | 'list.sort' | 'list.view'
	| 'scan.incremental' | 'scan.full' | 'scan.cancel'
	| 'check.selected' | 'check.filtered'
	| 'screen.stats' | 'screen.help'
	| 'app.quit' | 'app.interrupt';

/**
 * One key that triggers a command: a printable character (`char`), or a named key from Ink's
 * Key object (`name`), optionally with Ctrl.
 */
export type Binding =
	| {char: string; ctrl?: boolean}
	| {name: NamedKey};

/** Named (non-printable) keys pluginary binds. */
export type NamedKey = 'upArrow' | 'downArrow' | 'pageUp' | 'pageDown' | 'home' | 'end' | 'escape' | 'return';

/** Where a command does something, for grouping the help screen. */
export type CommandGroup = 'Move' | 'Explorer' | 'Scan' | 'Check' | 'Screens' | 'App';

/** One row of the command table: its bindings and the sentence the help screen shows. */
export type CommandSpec = {
	name: CommandName;
	bindings: Binding[];
	description: string;
	group: CommandGroup;
};

/** The default key table. The help screen and the key hints are generated from it. */
export const COMMANDS: readonly CommandSpec[] = [
	{name: 'cursor.up', bindings: [{name: 'upArrow'}, {char: 'k'}], description: 'Move up one row', group: 'Move'},
	{name: 'cursor.down', bindings: [{name: 'downArrow'}, {char: 'j'}], description: 'Move down one row', group: 'Move'},
	{name: 'cursor.pageUp', bindings: [{name: 'pageUp'}, {char: 'b', ctrl: true}], description: 'Move up one page', group: 'Move'},
	{name: 'cursor.pageDown', bindings: [{name: 'pageDown'}, {char: 'f', ctrl: true}], description: 'Move down one page', group: 'Move'},
	{name: 'cursor.home', bindings: [{char: 'g'}, {name: 'home'}], description: 'Go to the first row', group: 'Move'},
	{name: 'cursor.end', bindings: [{char: 'G'}, {name: 'end'}], description: 'Go to the last row', group: 'Move'},
	{name: 'filter.focus', bindings: [{char: '/'}], description: 'Type a filter (query language: vendor: format: cat: param: is:fav params>20 …)', group: 'Explorer'},
	{name: 'nav.open', bindings: [{name: 'return'}], description: 'Open the selected plugin: every parameter, presets, duplicates', group: 'Explorer'},
	{name: 'nav.back', bindings: [{name: 'escape'}], description: 'Leave or clear the filter; go back one screen', group: 'Explorer'},
	{name: 'plugin.favorite', bindings: [{char: 'f'}], description: 'Mark or unmark the selected plugin as a favourite', group: 'Explorer'},
	{name: 'list.sort', bindings: [{char: 's'}], description: 'Cycle the sort: best match, name, vendor, format, parameters, CPU, latency', group: 'Explorer'},
	{name: 'list.view', bindings: [{char: 'v'}], description: 'Switch the view: one row per plugin with its formats, or one row per format', group: 'Explorer'},
	{name: 'scan.incremental', bindings: [{char: 'r'}], description: 'Rescan changed files, with a live dashboard', group: 'Scan'},
	{name: 'scan.full', bindings: [{char: 'R'}], description: 'Rescan everything (but the blacklist)', group: 'Scan'},
	{name: 'scan.cancel', bindings: [{char: 'x'}], description: 'Stop the running scan or check (results so far are kept)', group: 'Scan'},
	{name: 'check.selected', bindings: [{char: 'c'}], description: 'Check the selected plugin on audio: health, warnings, latency, CPU', group: 'Check'},
	{name: 'check.filtered', bindings: [{char: 'C'}], description: 'Check every plugin in the filter that has no current result (x stops)', group: 'Check'},
	{name: 'screen.stats', bindings: [{char: 't'}], description: 'Statistics: plugins per format, category, vendor; last scans', group: 'Screens'},
	{name: 'screen.help', bindings: [{char: '?'}], description: 'This help', group: 'Screens'},
	{name: 'app.quit', bindings: [{char: 'q'}], description: 'Quit', group: 'App'},
	{name: 'app.interrupt', bindings: [{char: 'c', ctrl: true}], description: 'Quit from anywhere, also while typing (a running scan stops cleanly)', group: 'App'},
];

const namedLabels: Record<NamedKey, {unicode: string; ascii: string}> = {
	upArrow: {unicode: '↑', ascii: 'Up'},
	downArrow: {unicode: '↓', ascii: 'Down'},
	pageUp: {unicode: 'PgUp', ascii: 'PgUp'},
	pageDown: {unicode: 'PgDn', ascii: 'PgDn'},
	home: {unicode: 'Home', ascii: 'Home'},
	end: {unicode: 'End', ascii: 'End'},
	escape: {unicode: 'Esc', ascii: 'Esc'},
	return: {unicode: 'Enter', ascii: 'Enter'},
};

/** How a binding is written for people (`↑`, `Ctrl-C`, `g`). */
export function bindingLabel(binding: Binding, unicode = true): string {
	if ('name' in binding) {
		return namedLabels[binding.name][unicode ? 'unicode' : 'ascii'];
	}

	return binding.ctrl ? `Ctrl-${binding.char.toUpperCase()}` : binding.char;
}

/** The spec of a command (every command has one). */
export function commandSpec(name: CommandName): CommandSpec {
	return COMMANDS.find(spec => spec.name === name)!;
}

/** The first key of a command, as a label, for key hints. */
export function primaryKey(name: CommandName, unicode = true): string {
	return bindingLabel(commandSpec(name).bindings[0]!, unicode);
}
