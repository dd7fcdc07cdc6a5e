import {useCallback, useRef} from 'react';
import {useApp} from 'ink';
import type {Key} from 'ink';
import type {CommandName} from '../keys/commands.js';
import {routeKey, splitInput, type FocusState, type KeyRoute} from '../keys/route.js';
import {editsText, typeText} from '../keys/text-edit.js';
import {moveOf} from '../model/navigation.js';
import type {CatalogApi} from './use-catalog.js';
import type {CheckApi} from './use-check.js';
import type {DetailsState} from './use-details.js';
import type {ExplorerState} from './use-explorer.js';
import type {ScanApi} from './use-scan.js';
import type {Screens} from './use-screens.js';
import type {Scroll} from './use-scroll.js';

/** Everything a key can act on. */
export type CommandTargets = {
	screens: Screens;
	catalog: CatalogApi;
	explorer: ExplorerState;
	details: DetailsState;
	scan: ScanApi;
	check: CheckApi;
	/** Scroll of the help and stats screens, with their content and window heights. */
	scroll: Scroll;
	scrollLines: number;
	scrollHeight: number;
};

/**
 * The key dispatcher: routes a key press (routeKey: Ctrl-C first, then the focused filter, then
 * the key table) and runs the command for the screen on top. Returns the useInput handler. The
 * filter's text itself is edited by its ink-text-input field (components/FilterLine.tsx).
 */
export function useCommands(targets: CommandTargets): (input: string, key: Key) => void {
	const {exit} = useApp();
	// The handler reads the targets of the latest render: a key can arrive after a frame shows
	// but before Ink re-subscribes a new handler (passive effects run late).
	const latest = useRef(targets);
	latest.current = targets;
	return useCallback((input: string, key: Key) => {
		const targets = latest.current;
		const {screens, explorer} = targets;
		const current = explorer.focusNow();
		const focused = screens.screen === 'explorer' && current.filterFocused;
		const fieldReads = focused && explorer.field.reads(current.query);
		// The filter's text field reads this key after this handler (Ink calls handlers in the order
		// they subscribed, and this one subscribed first): it may edit the text only when it caught
		// up with the keys before (keys/field-link.ts) and the key is no Ctrl/Alt chord.
		explorer.field.edits = fieldReads && editsText(key);
		if (fieldReads) {
			explorer.field.send();
		}

		const focus: FocusState = {filterFocused: focused, query: current.query, fieldReads};
		// Pasted or fast-typed text arrives as one input: unless the text field reads it, route it a
		// character at a time, following the focus changes it makes (so "/comp" focuses the filter
		// and types "comp").
		const plain = !fieldReads && input.length > 1 && !key.ctrl && !key.meta && !key.escape;
		for (const [char, charKey] of plain ? splitInput(input) : [[input, key] as const]) {
			applyRoute(routeKey(focus, char, charKey), focus, targets, exit);
		}
	}, [exit]);
}

function applyRoute(route: KeyRoute, focus: FocusState, targets: CommandTargets, exit: () => void): void {
	const {explorer} = targets;
	switch (route.kind) {
		case 'type': {
			focus.query = typeText(focus.query, route.text).value;
			explorer.typeQuery(focus.query);
			break;
		}

		case 'filter.done': {
			focus.filterFocused = false;
			explorer.setFocused(false);
			break;
		}

		case 'filter.clear': {
			focus.filterFocused = false;
			focus.query = '';
			explorer.setQuery('');
			explorer.setFocused(false);
			break;
		}

		case 'command': {
			if (route.command === 'filter.focus' && targets.screens.screen === 'explorer') {
				focus.filterFocused = true;
			}

			runCommand(route.command, targets, exit);
			break;
		}

		case 'none': {
			break;
		}
	}
}

function runCommand(command: CommandName, targets: CommandTargets, exit: () => void): void {
	const {screens, catalog, explorer, details, scan, check, scroll} = targets;
	const {screen} = screens;
	const move = moveOf(command);
	if (move) {
		if (screen === 'explorer') {
			explorer.nav.move(move);
		} else if (screen === 'details') {
			details.nav.move(move);
		} else if (screen === 'help' || screen === 'stats') {
			scroll.move(move, targets.scrollLines, targets.scrollHeight);
		}

		return;
	}

	switch (command) {
		case 'app.quit':
		case 'app.interrupt': {
			scan.cancel();
			check.cancel();
			exit();
			return;
		}

		case 'screen.help': {
			scroll.reset();
			screens.push('help');
			return;
		}

		case 'screen.stats': {
			scroll.reset();
			screens.push('stats');
			return;
		}

		case 'scan.incremental':
		case 'scan.full': {
			scan.start(command === 'scan.full');
			screens.push('scan');
			return;
		}

		case 'scan.cancel': {
			scan.cancel();
			check.cancel();
			return;
		}

		case 'check.selected':
		case 'check.filtered': {
			startCheck(command, targets);
			return;
		}

		case 'nav.back': {
			if (screen === 'explorer') {
				explorer.setQuery('');
			} else {
				screens.back();
			}

			return;
		}

		default: {
			explorerCommand(command, targets, screen === 'details' ? details.id : explorer.selectedNow()?.id);
			if (command === 'plugin.favorite' && screen === 'details' && details.id) {
				catalog.toggleFavorite(details.id);
			}
		}
	}
}

/** `c`: the plugin selected (or shown in details), run again even with a result; `C`: the filter's plugins without one. */
function startCheck(command: 'check.selected' | 'check.filtered', {screens, explorer, details, check}: CommandTargets): void {
	if (command === 'check.selected') {
		const id = screens.screen === 'details' ? details.id : screens.screen === 'explorer' ? explorer.selectedNow()?.id : undefined;
		if (id) {
			check.start({ids: [id], all: true});
		}
	} else if (screens.screen === 'explorer') {
		check.start({ids: explorer.result.items.map(item => item.id), all: false});
	}
}

function explorerCommand(command: CommandName, {screens, catalog, explorer, details}: CommandTargets, id: string | undefined): void {
	if (screens.screen !== 'explorer') {
		return;
	}

	if (command === 'filter.focus') {
		explorer.setFocused(true);
	} else if (command === 'list.sort') {
		explorer.cycleSort();
	} else if (command === 'list.view') {
		explorer.toggleGrouped();
	} else if (command === 'nav.open' && id) {
		details.open(id);
		screens.push('details');
	} else if (command === 'plugin.favorite' && id) {
		// A group row marked through any member: unmark every marked member; else mark this one.
		const marked = explorer.selectedNow()?.favoriteIds ?? [];
		for (const each of marked.length > 0 ? marked : [id]) {
			catalog.toggleFavorite(each);
		}
	}
}
