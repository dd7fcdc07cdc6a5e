import process from 'node:process';
import {notFoundError, usageError, UserError} from '../errors.js';
import type {Store} from '../db/open.js';
import {findPlugin} from '../db/queries/plugins.js';
import {deleteUserPreset, getUserPreset, hasUserPresets, listUserPresets, saveUserPreset, type UserPreset} from '../db/queries/user-presets.js';
import {enumLabel, parseAssignments} from '../catalog/preset-values.js';
import {PEDALBOARD_FORMATS, pedalboardPreset} from '../catalog/pedalboard.js';
import type {Parameter, PluginRecord} from '../catalog/plugin.js';
import type {Command, CommandContext} from './command.js';
import {parseChoice} from './options.js';
import {resolvePlugin} from './resolve.js';
import {writeFileAtomic} from './atomic-file.js';
import type {Output} from './output.js';

const help = `
  Usage
    $ pluginary preset save ID NAME --set PARAM=VALUE… [--force]
    $ pluginary preset list [ID] [--json]
    $ pluginary preset show ID NAME [--json]
    $ pluginary preset delete ID NAME
    $ pluginary preset export ID NAME [--as json|pedalboard] [--out FILE] [--force]

  User presets: parameter values saved under a name, kept per plugin id across rescans. PARAM is a
  parameter id or name (case-insensitive); VALUE must fit the parameter — a number within its range,
  a whole number for int, true/false/on/off for bool, a label (or its value) for enum. VST2/VST3
  values are normalised 0..1, as the catalog shows them. ID may be a plugin id or its exact name.

  Options
    --set PARAM=VALUE   a value to save (repeat for more)
    --force             replace a preset (save) or a file (export --out) that exists
    --as FORMAT         json or pedalboard (json)
    --out FILE          write the export to FILE atomically instead of stdout
    --json              JSON output (list, show)

  Examples
    $ pluginary preset save ZamComp 'Gentle bus' --set attack=20 --set Ratio=2
    $ pluginary preset show ZamComp 'Gentle bus' --json
    $ pluginary preset export ZamComp 'Gentle bus' --as pedalboard --out gentle.py
`;

const preset: Command = {
	help,
	flags: ['set', 'force', 'as', 'out', 'json'],
	run(context) {
		const [action, ...rest] = context.args;
		switch (action) {
			case 'save': {
				return save(context, rest);
			}

			case 'list': {
				return list(context, rest);
			}

			case 'show': {
				return show(context, rest);
			}

			case 'delete': {
				needs(rest, 2, 'delete ID NAME');
				const {pluginId} = pluginOrId(context.store(), rest[0]!);
				const found = existing(context.store(), pluginId, rest[1]!);
				deleteUserPreset(context.store(), pluginId, found.name);
				context.out.line(`deleted preset '${found.name}' of ${pluginId}`);
				return 0;
			}

			case 'export': {
				return exportPreset(context, rest);
			}

			default: {
				throw usageError(action === undefined
					? "'pluginary preset' needs an action: save, list, show, delete or export."
					: `Unknown preset action '${action}'; use save, list, show, delete or export.`);
			}
		}
	},
};

function needs(rest: string[], count: number, usage: string): void {
	if (rest.length !== count) {
		throw usageError(`Usage: pluginary preset ${usage}`);
	}
}

/** The plugin an argument names, or — for presets of a plugin no longer catalogued — its bare id. */
function pluginOrId(store: Store, idOrName: string): {pluginId: string; plugin?: PluginRecord} {
	const found = findPlugin(store, idOrName);
	if (found.kind !== 'found' && hasUserPresets(store, idOrName)) {
		return {pluginId: idOrName};
	}

	const plugin = resolvePlugin(store, idOrName);
	return {pluginId: plugin.id, plugin};
}

function existing(store: Store, pluginId: string, name: string): UserPreset {
	const found = getUserPreset(store, pluginId, name);
	if (!found) {
		throw notFoundError(`${pluginId} has no user preset '${name}'; see 'pluginary preset list ${pluginId}'.`);
	}

	return found;
}

function save({flags, out, store}: CommandContext, rest: string[]): number {
	needs(rest, 2, 'save ID NAME --set PARAM=VALUE…');
	const name = rest[1]!.trim();
	if (name === '') {
		throw usageError('A preset needs a name that is not empty.');
	}

	if (!flags.set?.length) {
		throw usageError("'pluginary preset save' needs at least one --set PARAM=VALUE.");
	}

	const plugin = resolvePlugin(store(), rest[0]!);
	const values = parseAssignments(plugin.parameters, flags.set);
	const before = getUserPreset(store(), plugin.id, name);
	if (before && !flags.force) {
		throw new UserError(`${plugin.name} has a preset '${before.name}' already; add --force to replace it.`);
	}

	if (before && before.name !== name) {
		deleteUserPreset(store(), plugin.id, before.name);
	}

	saveUserPreset(store(), {pluginId: plugin.id, name, values: Object.fromEntries(values.map(({parameter, value}) => [parameter.id, value])), createdAt: new Date().toISOString()});
	out.line(`${before ? 'replaced' : 'saved'} preset '${name}' of ${plugin.name} (${plugin.id}): ${values.map(({parameter, value}) => `${parameter.name}=${shown(parameter, value)}`).join(', ')}`);
	return 0;
}

function shown(parameter: Parameter | undefined, value: number): string {
	if (parameter?.type === 'bool') {
		return value >= (parameter.min + parameter.max) / 2 ? 'on' : 'off';
	}

	const label = parameter?.type === 'enum' ? enumLabel(parameter, value) : undefined;
	return label ?? `${value}${parameter?.units ? ` ${parameter.units}` : ''}`;
}

function list({flags, out, store}: CommandContext, rest: string[]): number {
	if (rest.length > 1) {
		throw usageError('Usage: pluginary preset list [ID]');
	}

	const presets = rest.length === 1 ? listUserPresets(store(), pluginOrId(store(), rest[0]!).pluginId) : listUserPresets(store());
	if (flags.json) {
		out.line(JSON.stringify(presets, null, 2));
		return 0;
	}

	if (presets.length === 0) {
		process.stderr.write("pluginary: no user presets; save one with 'pluginary preset save ID NAME --set PARAM=VALUE'.\n");
	}

	for (const item of presets) {
		out.line(`${item.pluginId}  ${out.paint('bold', item.name)}  ${out.paint('dim', `${Object.keys(item.values).length} values, saved ${item.createdAt}`)}`);
	}

	return 0;
}

function show({flags, out, store}: CommandContext, rest: string[]): number {
	needs(rest, 2, 'show ID NAME [--json]');
	const {pluginId, plugin} = pluginOrId(store(), rest[0]!);
	const found = existing(store(), pluginId, rest[1]!);
	const parameters = Object.entries(found.values).map(([id, value]) => {
		const parameter = plugin?.parameters.find(candidate => candidate.id === id);
		return {id, name: parameter?.name ?? id, value, shown: shown(parameter, value), known: parameter !== undefined};
	});
	if (flags.json) {
		out.line(JSON.stringify({...found, parameters: parameters.map(({id, name, value, shown}) => ({id, name, value, label: shown}))}, null, 2));
		return 0;
	}

	printPreset(out, found, parameters);
	return 0;
}

function printPreset(out: Output, found: UserPreset, parameters: Array<{id: string; name: string; shown: string; known: boolean}>): void {
	out.line(`${out.paint('bold', found.name)} ${out.paint('dim', `(${found.pluginId}, saved ${found.createdAt})`)}`);
	for (const parameter of parameters) {
		out.line(`  ${parameter.name.padEnd(28)} ${parameter.shown}${parameter.known ? '' : out.paint('dim', ' (no longer in the catalog)')}`);
	}
}

function exportPreset({flags, out, store, version}: CommandContext, rest: string[]): number {
	needs(rest, 2, 'export ID NAME [--as json|pedalboard] [--out FILE]');
	const as = parseChoice('as', flags.as, ['json', 'pedalboard'] as const) ?? 'json';
	const {pluginId, plugin} = pluginOrId(store(), rest[0]!);
	const found = existing(store(), pluginId, rest[1]!);
	let text: string;
	if (as === 'json') {
		text = JSON.stringify(found, null, 2) + '\n';
	} else {
		if (!plugin) {
			throw notFoundError(`${pluginId} is not in the catalog any more, so its path is unknown; export the preset as json.`);
		}

		if (!PEDALBOARD_FORMATS.includes(plugin.format)) {
			throw usageError(`pedalboard loads only VST3 and Audio Unit plugins, not ${plugin.format}; export this preset as json.`);
		}

		text = pedalboardPreset(plugin, found, version);
	}

	if (flags.out) {
		writeFileAtomic(flags.out, text, {force: Boolean(flags.force)});
	} else {
		out.write(text);
	}

	return 0;
}

export default preset;
