import type {Health, PluginBase} from './plugin.js';

/** A plugin's health as filters and screens name it: its check's value, or `unchecked`. */
export type HealthState = Health | 'unchecked';

/** The health state of a plugin record or summary. */
export function healthState(plugin: Pick<PluginBase, 'health'>): HealthState {
	return plugin.health ?? 'unchecked';
}

/** True for a plugin whose check found it not working (`is:broken`): checked, health other than ok. */
export function isBroken(state: HealthState): boolean {
	return state !== 'ok' && state !== 'unchecked';
}
