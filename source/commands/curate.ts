import process from 'node:process';
import {usageError} from '../errors.js';
import {CATEGORIES, isCategory, type PluginRecord} from '../catalog/plugin.js';
import {closest} from '../catalog/closest.js';
import {addTags, removeTags, setCategoryOverride, setFlag} from '../db/queries/curation.js';
import {groupMemberIds} from '../db/queries/groups.js';
import {withWriteTransaction} from '../db/write.js';
import {regroupCatalog} from '../catalog/regroup.js';
import type {Store} from '../db/open.js';
import type {Command, CommandContext} from './command.js';
import {resolvePlugin} from './resolve.js';

/**
 * fav, unfav, hide, unhide, tag, untag and category: one module, one Command per name. Every
 * change is keyed by plugin id (user_data, tags), so it survives rescans. All arguments are
 * resolved before anything is written: one unknown id changes nothing.
 */

const flagHelp = (name: string, what: string, example: string) => `
  Usage
    $ pluginary ${name} ID-or-NAME…

  ${what} ID is the catalog id; a NAME must match exactly one plugin (case-insensitive).

  Examples
    $ pluginary ${name} ${example}
    $ pluginary ${name} 'lv2:http://lsp-plug.in/plugins/lv2/comp_delay_mono' ZamComp
`;

function flagCommand(name: string, flag: 'favorite' | 'hidden', value: boolean, what: string, done: string): Command {
	return {
		help: flagHelp(name, what, 'ZamComp'),
		flags: [],
		run({args, out, store}) {
			if (args.length === 0) {
				throw usageError(`Usage: pluginary ${name} ID-or-NAME…`);
			}

			const plugins = resolveAll(store(), args);
			for (const plugin of plugins) {
				const changed = setFlag(store(), plugin.id, flag, value);
				out.line(`${changed ? done : `already ${done}`}: ${plugin.name} (${plugin.id})`);
			}

			return 0;
		},
	};
}

function resolveAll(store: Store, args: string[]): PluginRecord[] {
	const seen = new Map<string, PluginRecord>();
	for (const arg of args) {
		const plugin = resolvePlugin(store, arg);
		seen.set(plugin.id, plugin);
	}

	return [...seen.values()];
}

/** Checks tag names: non-empty, no spaces or commas (so `tag:NAME` in a query can name them), ≤ 64 characters. */
export function checkTags(tags: string[]): string[] {
	const clean = tags.map(tag => tag.trim());
	for (const tag of clean) {
		if (tag === '' || /[\s,]/.test(tag) || tag.length > 64) {
			throw usageError(`'${tag}' is not a valid tag: use up to 64 characters without spaces or commas.`);
		}
	}

	return [...new Set(clean)];
}

const tagCommand = (remove: boolean): Command => ({
	help: `
  Usage
    $ pluginary ${remove ? 'untag' : 'tag'} ID-or-NAME TAG…

  ${remove ? 'Removes tags from a plugin.' : 'Adds tags to a plugin; search them with tag:NAME.'} Tags have no spaces or commas.

  Examples
    $ pluginary ${remove ? 'untag' : 'tag'} ZamComp mixing bus
    $ pluginary ${remove ? 'untag' : 'tag'} 'lv2:http://lsp-plug.in/plugins/lv2/comp_delay_mono' favourite-delay
`,
	flags: [],
	run({args, out, store}) {
		if (args.length < 2) {
			throw usageError(`Usage: pluginary ${remove ? 'untag' : 'tag'} ID-or-NAME TAG…`);
		}

		const tags = checkTags(args.slice(1));
		const plugin = resolvePlugin(store(), args[0]!);
		const changed = remove ? removeTags(store(), plugin.id, tags) : addTags(store(), plugin.id, tags);
		const unchanged = tags.filter(tag => !changed.includes(tag));
		if (changed.length > 0) {
			out.line(`${remove ? 'untagged' : 'tagged'} ${plugin.name} (${plugin.id}): ${changed.join(', ')}`);
		}

		if (unchanged.length > 0) {
			process.stderr.write(`pluginary: ${plugin.name} ${remove ? 'did not have' : 'already had'} ${unchanged.map(tag => `'${tag}'`).join(', ')}.\n`);
		}

		return 0;
	},
});

const category: Command = {
	help: `
  Usage
    $ pluginary category ID-or-NAME CATEGORY
    $ pluginary category ID-or-NAME --reset

  Overrides the category of a plugin and its group (the same plugin in other formats; kept across
  rescans); --reset goes back to the catalog's own.
  Categories: ${CATEGORIES.join(', ')}.

  Options
    --reset      remove the override

  Examples
    $ pluginary category ZamComp dynamics
    $ pluginary category ZamComp --reset
`,
	flags: ['reset'],
	run({args, flags, out, store}: CommandContext) {
		if (flags.reset ? args.length !== 1 : args.length !== 2) {
			throw usageError('Usage: pluginary category ID-or-NAME CATEGORY (or ID-or-NAME --reset)');
		}

		let chosen: (typeof CATEGORIES)[number] | undefined;
		if (!flags.reset) {
			const name = args[1]!.trim().toLowerCase();
			if (!isCategory(name)) {
				const near = closest(name, CATEGORIES);
				throw usageError(`Unknown category '${args[1]!}'${near ? ` (did you mean '${near}'?)` : ''}; use one of ${CATEGORIES.join(', ')}.`);
			}

			chosen = name;
		}

		const plugin = resolvePlugin(store(), args[0]!);
		// One category per group: the override (or its removal) goes to every member.
		withWriteTransaction(store(), () => {
			for (const id of groupMemberIds(store(), plugin.id)) {
				setCategoryOverride(store(), id, chosen);
			}

			regroupCatalog(store());
		});
		out.line(chosen ? `category of ${plugin.name} (${plugin.id}) and its group: ${chosen}` : `category of ${plugin.name} (${plugin.id}) and its group reset`);
		return 0;
	},
};

/** The curation commands by name (dispatch.ts registers each). */
export const curationCommands: Record<string, Command> = {
	fav: flagCommand('fav', 'favorite', true, 'Marks plugins as favourites (★ in lists; is:fav in searches).', 'favourite'),
	unfav: flagCommand('unfav', 'favorite', false, 'Removes plugins from the favourites.', 'not favourite'),
	hide: flagCommand('hide', 'hidden', true, 'Hides plugins from lists and searches (shown again with --all).', 'hidden'),
	unhide: flagCommand('unhide', 'hidden', false, 'Shows hidden plugins again.', 'shown'),
	tag: tagCommand(false),
	untag: tagCommand(true),
	category,
};
