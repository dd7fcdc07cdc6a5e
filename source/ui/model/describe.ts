import type {Parameter, PluginBase} from '../../catalog/plugin.js';
import {number} from './format.js';

/**
 * A plugin's last health check in one phrase: "ok · latency 64 smp · cpu 1.2%", "crashed: host
 * crashed with SIGSEGV", or "unchecked" before a check (or after its file changed).
 */
export function healthText(plugin: Pick<PluginBase, 'health' | 'warnings' | 'latencySamples' | 'cpuPercent' | 'healthError'>, separator = '·'): string {
	if (!plugin.health) {
		return 'unchecked';
	}

	const parts = [plugin.health + (plugin.healthError ? ': ' + plugin.healthError : '')];
	if (plugin.warnings?.length) {
		parts.push('warn ' + plugin.warnings.join(','));
	}

	if (plugin.latencySamples !== null && plugin.latencySamples !== undefined) {
		parts.push(`latency ${plugin.latencySamples} smp`);
	}

	if (plugin.cpuPercent !== null && plugin.cpuPercent !== undefined) {
		parts.push(`cpu ${number(plugin.cpuPercent)}%`);
	}

	return parts.join(` ${separator} `);
}

/** Audio and MIDI ports in one phrase: "audio 2→2 (+1 aux) · midi 1→0". */
export function ioText(plugin: Pick<PluginBase, 'audioInputs' | 'audioOutputs' | 'auxInputs' | 'midiInputs' | 'midiOutputs'>, arrow = '→'): string {
	const aux = plugin.auxInputs > 0 ? ` (+${plugin.auxInputs} aux)` : '';
	return `audio ${plugin.audioInputs}${arrow}${plugin.audioOutputs}${aux} · midi ${plugin.midiInputs}${arrow}${plugin.midiOutputs}`;
}

/** A parameter's min, default and max as shown: the plugin's own texts when it has them (VST2/VST3). */
export function rangeTexts(parameter: Parameter): {min: string; default: string; max: string} {
	if (parameter.display) {
		return parameter.display;
	}

	if (parameter.type === 'bool') {
		return {min: 'off', default: parameter.default >= 0.5 ? 'on' : 'off', max: 'on'};
	}

	return {min: number(parameter.min), default: number(parameter.default), max: number(parameter.max)};
}

/** True when a shown value already ends with the unit (the plugin's own texts often carry it: "20.00 dB"). */
function endsWithUnit(text: string, units: string): boolean {
	return text.trimEnd().toLowerCase().endsWith(units.trim().toLowerCase());
}

/** A parameter's range in one phrase, "min..max units": the unit is appended only where the texts lack it. */
export function rangeText(parameter: Parameter): string {
	const range = rangeTexts(parameter);
	const units = parameter.units.trim();
	const unit = (text: string): string => units === '' || endsWithUnit(text, units) ? text : `${text} ${units}`;
	return `${range.min}..${unit(range.max)}`;
}

/** The type column: the type, `out` for meters, and the step count of stepped floats. */
export function typeText(parameter: Parameter): string {
	if (parameter.isOutput) {
		return 'out';
	}

	return parameter.type === 'float' && parameter.steps > 1 ? `${parameter.steps}st` : parameter.type;
}

/** Enum labels (or the step count) for the values column. */
export function valuesText(parameter: Parameter): string {
	if (parameter.valueStrings.length > 0) {
		return parameter.valueStrings.join(' | ');
	}

	return parameter.sampleRateScaled ? '(at 48 kHz)' : '';
}
