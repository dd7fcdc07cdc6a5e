import {healthState, isBroken} from '../catalog/health.js';
import type {PluginSummary} from '../catalog/plugin.js';
import {matchesWordPrefix} from '../catalog/text.js';
import type {SearchDocument} from './document.js';
import type {Comparator, IsValue, QueryFilter} from './query.js';

/**
 * True when the document passes every filter (a negated filter passes when its match fails).
 * `vendor:`, `param:` and `tag:` use the same word-prefix rule as `list --vendor`.
 * Cost: `param:` is linear in the plugin's parameter names; the rest are constant.
 */
export function passesFilters(document: SearchDocument, filters: readonly QueryFilter[]): boolean {
	return filters.every(filter => matchesFilter(document, filter) !== filter.negated);
}

/** True when the document matches one filter, ignoring its negation. */
export function matchesFilter({summary, parameterNames}: SearchDocument, filter: QueryFilter): boolean {
	switch (filter.field) {
		case 'vendor': {
			return matchesWordPrefix(summary.vendor, filter.value);
		}

		case 'param': {
			return parameterNames.some(name => matchesWordPrefix(name, filter.value));
		}

		case 'tag': {
			return summary.tags.some(tag => matchesWordPrefix(tag, filter.value));
		}

		case 'format': {
			return summary.format === filter.value;
		}

		case 'category': {
			return summary.category === filter.value;
		}

		case 'is': {
			return matchesIs(summary, filter.value);
		}

		case 'health': {
			return healthState(summary) === filter.value;
		}

		case 'warn': {
			return summary.warnings?.includes(filter.value) ?? false;
		}

		case 'cpu':
		case 'latency': {
			const value = filter.field === 'cpu' ? summary.cpuPercent : summary.latencySamples;
			return value !== null && value !== undefined && compare(value, filter.op, filter.value);
		}

		case 'params': {
			return compare(summary.parameterCount, filter.op, filter.value);
		}

		case 'in': {
			return compare(summary.audioInputs, filter.op, filter.value);
		}

		case 'out': {
			return compare(summary.audioOutputs, filter.op, filter.value);
		}
	}
}

function matchesIs(summary: PluginSummary, value: IsValue): boolean {
	switch (value) {
		case 'instrument': {
			return summary.isInstrument;
		}

		case 'effect': {
			return !summary.isInstrument;
		}

		case 'fav': {
			return summary.favorite;
		}

		case 'hidden': {
			return summary.hidden;
		}

		case 'broken': {
			return isBroken(healthState(summary));
		}

		case 'checked': {
			return summary.health !== undefined;
		}
	}
}

/** Applies a comparator of the query language. */
export function compare(actual: number, op: Comparator, wanted: number): boolean {
	switch (op) {
		case '>': {
			return actual > wanted;
		}

		case '<': {
			return actual < wanted;
		}

		case '>=': {
			return actual >= wanted;
		}

		case '<=': {
			return actual <= wanted;
		}

		case '=': {
			return actual === wanted;
		}
	}
}

/** True when the query asks for hidden plugins explicitly (`is:hidden`), so they are not left out. */
export function asksForHidden(filters: readonly QueryFilter[]): boolean {
	return filters.some(filter => filter.field === 'is' && filter.value === 'hidden' && !filter.negated);
}
