/**
 * Python for pedalboard users (https://github.com/spotify/pedalboard): a module with one
 * `load_…()` function per VST3/AU plugin (`pedalboard.load_plugin(path, plugin_name=…)`) that
 * lists the plugin's parameters with their defaults as comments, and a preset snippet that sets
 * saved values. Formats pedalboard cannot load (LV2, LADSPA, VST2, CLAP) are skipped with a
 * comment. Output is always valid Python 3: strings are escaped, comments are one line each.
 */
import type {Format, Parameter, PluginRecord} from './plugin.js';
import {enumLabel} from './preset-values.js';

/** Formats pedalboard's `load_plugin` can open. */
export const PEDALBOARD_FORMATS: readonly Format[] = ['vst3', 'au'];

/** A Python string literal (double-quoted; JSON escapes are valid Python escapes). */
export function pyString(text: string): string {
	return JSON.stringify(text).replace(/[\u007f-\u009f\u2028\u2029]/g, char => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Text safe inside a one-line Python comment: no line breaks, no control characters. */
export function pyCommentText(text: string): string {
	return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]+/g, ' ').replace(/[\ud800-\udfff]/g, '\ufffd');
}

/** A Python number literal for a finite number. */
export function pyNumber(value: number): string {
	if (!Number.isFinite(value)) {
		return '0.0';
	}

	return Number.isInteger(value) ? `${value}.0` : String(value);
}

/**
 * The attribute name pedalboard gives a parameter: lower case, every run of other characters as
 * one `_`, trimmed, a leading digit prefixed with `_`. Plugins imported from pedalboard-pluginary
 * already carry it as their parameter id.
 */
export function pythonParameterName(plugin: Pick<PluginRecord, 'status'>, parameter: Pick<Parameter, 'id' | 'name'>): string {
	if (plugin.status === 'imported') {
		return parameter.id;
	}

	const name = parameter.name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '_').replace(/^_+|_+$/g, '');
	return /^\d/.test(name) ? `_${name}` : (name || `parameter_${parameter.id}`);
}

/** True when the plugin's parameter values are pedalboard's normalised `raw_value` (0..1). */
function isNormalised(plugin: PluginRecord): boolean {
	return plugin.status !== 'imported' && plugin.format === 'vst3';
}

/** The header of an exported module. */
export function pedalboardHeader(info: {version: string; exportedAt: string; count: number; query?: string}): string {
	return [
		'# Plugins exported by pluginary ' + pyCommentText(info.version) + ' on ' + pyCommentText(info.exportedAt)
			+ (info.query ? ` (query: ${pyCommentText(info.query)})` : '') + `: ${info.count} plugins.`,
		'# Each load_...() function loads one plugin with pedalboard; LOADERS maps catalog ids to them.',
		'# Parameter defaults are listed as comments; VST3 values are pedalboard raw_value (normalised 0..1).',
		'import pedalboard',
		'',
		'',
	].join('\n');
}

/** Keeps function names unique within one module. */
export class PythonNames {
	private readonly used = new Set<string>();

	/** A fresh `load_<slug>` name for a plugin name. */
	loaderName(pluginName: string): string {
		const slug = pluginName.toLowerCase().normalize('NFKD').replace(/[^a-z\d]+/g, '_').replace(/^_+|_+$/g, '') || 'plugin';
		let name = `load_${slug}`;
		for (let n = 2; this.used.has(name); n++) {
			name = `load_${slug}_${n}`;
		}

		this.used.add(name);
		return name;
	}
}

/** The `load_plugin(...)` call of a plugin. */
function loadCall(plugin: PluginRecord): string {
	return `pedalboard.load_plugin(${pyString(plugin.path)}, plugin_name=${pyString(plugin.name)})`;
}

/** One plugin as a loader function, or a skip comment; `loader` is set when a function was written. */
export function pedalboardPlugin(plugin: PluginRecord, names: PythonNames): {text: string; loader?: string} {
	const title = `${pyCommentText(plugin.name)}${plugin.vendor ? ` by ${pyCommentText(plugin.vendor)}` : ''} (${plugin.format}, ${plugin.category}): ${pyCommentText(plugin.id)}`;
	if (!PEDALBOARD_FORMATS.includes(plugin.format)) {
		return {text: `# Skipped ${title}\n#   pedalboard loads only VST3 and Audio Unit plugins, not ${plugin.format}.\n\n\n`};
	}

	const loader = names.loaderName(plugin.name);
	const lines = [`def ${loader}():`, `    # ${title}`];
	if (plugin.health) {
		lines.push(`    # ${pyCommentText(healthNote(plugin))}`);
	}

	lines.push(`    plugin = ${loadCall(plugin)}`);
	const inputs = plugin.parameters.filter(parameter => !parameter.isOutput);
	if (inputs.length > 0) {
		lines.push(`    # Parameters (${inputs.length}) and their defaults:`);
		for (const parameter of inputs) {
			lines.push(`    #   ${pyCommentText(pythonParameterName(plugin, parameter))} = ${pyCommentText(describeDefault(plugin, parameter))}`);
		}
	}

	lines.push('    return plugin', '', '', '');
	return {text: lines.join('\n'), loader};
}

/** The plugin's last health check in one line, for a render script's reader. */
function healthNote(plugin: PluginRecord): string {
	const figures = [
		plugin.warnings?.length ? `warnings ${plugin.warnings.join(', ')}` : '',
		plugin.latencySamples ? `latency ${plugin.latencySamples} samples` : '',
		plugin.cpuPercent === null || plugin.cpuPercent === undefined ? '' : `cpu ${plugin.cpuPercent}%`,
		plugin.healthError ?? '',
	].filter(Boolean);
	return `Health (pluginary check, ${plugin.checkedAt ?? ''}): ${plugin.health ?? ''}${figures.length > 0 ? ' · ' + figures.join(' · ') : ''}`;
}

function describeDefault(plugin: PluginRecord, parameter: Parameter): string {
	const label = parameter.type === 'enum' ? enumLabel(parameter, parameter.default) : undefined;
	const value = parameter.type === 'bool' ? (parameter.default >= (parameter.min + parameter.max) / 2 ? 'True' : 'False') : (label === undefined ? String(parameter.default) : JSON.stringify(label));
	const notes = [`${parameter.name}`, `${parameter.type} ${parameter.min} … ${parameter.max}${parameter.units ? ` ${parameter.units}` : ''}`];
	if (parameter.display) {
		notes.push(`shows ${parameter.display.default}`);
	}

	if (isNormalised(plugin)) {
		notes.push('raw_value');
	}

	return `${value}  (${notes.join('; ')})`;
}

/** The footer: LOADERS and a small main that loads everything. */
export function pedalboardFooter(loaders: ReadonlyArray<{id: string; loader: string}>): string {
	const lines = ['LOADERS = {'];
	for (const {id, loader} of loaders) {
		lines.push(`    ${pyString(id)}: ${loader},`);
	}

	lines.push('}', '', '', 'if __name__ == "__main__":', '    for plugin_id, load in LOADERS.items():', '        print(plugin_id, load())', '');
	return lines.join('\n');
}

/** A Python value for a preset value: True/False for bools, the label for enums, else a number. */
function pyValue(plugin: PluginRecord, parameter: Parameter, value: number): string {
	if (parameter.type === 'bool') {
		return value >= (parameter.min + parameter.max) / 2 ? 'True' : 'False';
	}

	const label = parameter.type === 'enum' && !isNormalised(plugin) ? enumLabel(parameter, value) : undefined;
	return label === undefined ? pyNumber(value) : pyString(label);
}

/**
 * A script that loads the plugin and applies a user preset. VST3 values are normalised and set
 * through `raw_value`; the others with `setattr` in the plugin's own units.
 */
export function pedalboardPreset(plugin: PluginRecord, preset: {name: string; values: Record<string, number>}, version: string): string {
	const lines = [
		`# Preset ${pyCommentText(JSON.stringify(preset.name))} of ${pyCommentText(plugin.name)} (${pyCommentText(plugin.id)}), exported by pluginary ${pyCommentText(version)}.`,
		'import pedalboard',
		'',
		`plugin = ${loadCall(plugin)}`,
	];
	for (const [id, value] of Object.entries(preset.values)) {
		const parameter = plugin.parameters.find(candidate => candidate.id === id);
		if (!parameter) {
			lines.push(`# Parameter ${pyCommentText(id)} is no longer in the catalog; skipped (value ${pyNumber(value)}).`);
			continue;
		}

		const name = pyString(pythonParameterName(plugin, parameter));
		lines.push(isNormalised(plugin)
			? `plugin.parameters[${name}].raw_value = ${pyNumber(value)}  # ${pyCommentText(parameter.name)}`
			: `setattr(plugin, ${name}, ${pyValue(plugin, parameter, value)})  # ${pyCommentText(parameter.name)}`);
	}

	lines.push('');
	return lines.join('\n');
}
