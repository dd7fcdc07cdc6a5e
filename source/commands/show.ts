import {notFoundError, EXIT} from '../errors.js';
import {findPlugin} from '../db/queries/plugins.js';
import {explainCategory} from '../catalog/categories.js';
import type {Parameter, PluginRecord} from '../catalog/plugin.js';
import type {Command} from './command.js';
import {expectArgs} from './options.js';
import {type Output, fit} from './output.js';

const help = `
  Usage
    $ pluginary show ID-or-NAME [--json]

  Every detail of one plugin: metadata, I/O, all parameters, presets, the same plugin in its other
  formats (its group: format, path, status of each), and other paths where it was found. ID is the exact catalog id; otherwise NAME matches a plugin name exactly
  (case-insensitive). Several plugins with that name → the candidates are listed (exit 2).

  Options
    --json     the full plugin record as JSON

  Examples
    $ pluginary show 'lv2:http://lsp-plug.in/plugins/lv2/comp_delay_mono'
    $ pluginary show ZamComp --json
`;

const show: Command = {
	help,
	flags: ['json'],
	run({args, flags, out, store}) {
		expectArgs(args, 1, 'show ID-or-NAME [--json]');
		const found = findPlugin(store(), args[0]!);
		if (found.kind === 'missing') {
			throw notFoundError(`No plugin has the id or name '${args[0]!}'; try 'pluginary search ${JSON.stringify(args[0]!)}'.`);
		}

		if (found.kind === 'ambiguous') {
			if (flags.json) {
				out.line(JSON.stringify(found.candidates, null, 2));
			} else {
				process.stderr.write(`pluginary: ${found.candidates.length} plugins are named '${args[0]!}'; show one by id:\n`);
				for (const candidate of found.candidates) {
					out.line(`  ${candidate.id}  (${candidate.format}, ${candidate.vendor || 'unknown vendor'})`);
				}
			}

			return EXIT.usage;
		}

		if (flags.json) {
			out.line(JSON.stringify(found.record, null, 2));
		} else {
			printRecord(out, found.record);
		}

		return 0;
	},
};

/** Prints a record for people. */
export function printRecord(out: Output, plugin: PluginRecord): void {
	const label = (name: string): string => out.paint('dim', fit(name, 10));
	out.line(out.paint('bold', plugin.name) + (plugin.favorite ? ' ★' : '') + (plugin.hidden ? out.paint('dim', ' (hidden)') : ''));
	out.line(`  ${label('id')} ${plugin.id}`);
	out.line(`  ${label('format')} ${plugin.format}${plugin.version ? `   version ${plugin.version}` : ''}`);
	out.line(`  ${label('vendor')} ${plugin.vendor || '—'}${plugin.rawVendor && plugin.rawVendor !== plugin.vendor ? out.paint('dim', `  (file says: ${plugin.rawVendor})`) : ''}`);
	if (plugin.rawName && plugin.rawName !== plugin.name) {
		out.line(`  ${label('file name')} ${plugin.rawName}`);
	}

	out.line(`  ${label('category')} ${plugin.category} (${plugin.categorySource}${plugin.rawCategory ? `: ${plugin.rawCategory}` : ''})`);
	for (const [index, line] of categoryWhy(plugin).entries()) {
		out.line(`  ${label(index === 0 ? 'why' : '')} ${line}`);
	}

	out.line(`  ${label('kind')} ${plugin.isInstrument ? 'instrument' : 'effect'}`);
	out.line(`  ${label('audio')} ${plugin.audioInputs} in, ${plugin.audioOutputs} out${plugin.auxInputs ? `, ${plugin.auxInputs} side-chain` : ''}`);
	out.line(`  ${label('midi')} ${plugin.midiInputs} in, ${plugin.midiOutputs} out`);
	out.line(`  ${label('path')} ${plugin.path}`);
	out.line(`  ${label('uid')} ${plugin.uid}`);
	out.line(`  ${label('status')} ${plugin.status}${plugin.error ? ` — ${plugin.error}` : ''}   scanned ${plugin.scannedAt}`);
	if (plugin.tags.length > 0) {
		out.line(`  ${label('tags')} ${plugin.tags.join(', ')}`);
	}

	out.line();
	out.line(out.paint('bold', `Parameters (${plugin.parameters.length})`));
	if (plugin.parameters.length > 0) {
		out.line(out.paint('dim', `  ${fit('#', 5)} ${fit('NAME', 28)} ${fit('TYPE', 5)} ${fit('MIN', 10)} ${fit('DEFAULT', 10)} ${fit('MAX', 10)} ${fit('UNITS', 8)} NOTES`));
	}

	for (const parameter of plugin.parameters) {
		out.line(`  ${fit(String(parameter.index), 5)} ${fit(parameter.name, 28)} ${fit(parameter.type, 5)} ${fit(number(parameter.min), 10)} ${fit(number(parameter.default), 10)} ${fit(number(parameter.max), 10)} ${fit(parameter.units, 8)} ${notes(parameter)}`);
	}

	out.line();
	out.line(out.paint('bold', `Presets (${plugin.presets.length})`));
	for (const preset of plugin.presets) {
		out.line(`  ${preset.name}${preset.source === 'user' ? out.paint('dim', ' (user)') : ''}`);
	}

	if (plugin.members && plugin.members.length > 1) {
		out.line();
		out.line(out.paint('bold', `Formats of this plugin (${plugin.members.length})`));
		for (const member of plugin.members) {
			const mark = member.id === plugin.id ? '▸' : ' ';
			out.line(`  ${mark} ${fit(member.format, 6)} ${fit(member.status, 8)} ${member.path}${member.id === plugin.id ? '' : out.paint('dim', `  ${member.id}`)}`);
		}
	}

	if (plugin.duplicates?.length) {
		out.line();
		out.line(out.paint('bold', 'Also found at (shadowed by the path above)'));
		for (const path of plugin.duplicates) {
			out.line(`  ${path}`);
		}
	}
}

/** How many signals `show` lists under "why". */
const shownSignals = 6;

/**
 * Why the record has its category: the classifier is re-run on the record now (nothing is
 * stored), so the lines show the evidence and weights of the current rules (docs/categories.md).
 */
export function categoryWhy(plugin: PluginRecord): string[] {
	const explained = explainCategory({
		format: plugin.format, name: plugin.name, vendor: plugin.vendor, rawCategory: plugin.rawCategory, isInstrument: plugin.isInstrument,
		parameterNames: plugin.parameters.map(parameter => parameter.name),
		io: plugin.status === 'imported' ? undefined : plugin,
	});
	if (plugin.categorySource === 'user') {
		return [`set by you; the rules would say ${explained.category} (${explained.reason})`];
	}

	if (plugin.categorySource !== 'rules' && plugin.categorySource !== 'native') {
		return [`taken from another member of its group; on its own: ${explained.category} (${explained.reason})`];
	}

	const lines = [explained.reason];
	for (const signal of explained.signals.slice(0, shownSignals)) {
		lines.push(`${signal.weight.toFixed(1).padStart(4)} ${signal.category.padEnd(11)} ${signal.kind} "${signal.text}"`);
	}

	if (explained.signals.length > shownSignals) {
		lines.push(`… ${explained.signals.length - shownSignals} weaker signals`);
	}

	lines.push(`to change it: pluginary category '${plugin.id}' CATEGORY`);
	return lines;
}

function number(value: number): string {
	return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
}

function notes(parameter: Parameter): string {
	const parts: string[] = [];
	if (parameter.isOutput) {
		parts.push('output');
	}

	if (parameter.valueStrings.length > 0) {
		parts.push(parameter.valueStrings.join(' | '));
	}

	if (parameter.display) {
		parts.push(`shows ${parameter.display.min} … ${parameter.display.max}`);
	}

	if (parameter.sampleRateScaled) {
		parts.push('×48 kHz');
	}

	if (!parameter.isAutomatable) {
		parts.push('not automatable');
	}

	return parts.join('; ');
}

export default show;
