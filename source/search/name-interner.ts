/**
 * Keeps one string per distinct parameter name (a catalog has ~500k parameter names but only a
 * few thousand distinct ones), and drops a plugin's repeated names. Cost: one map lookup a name.
 */
export class NameInterner {
	private readonly names = new Map<string, {name: string; stamp: number}>();
	private stamp = 0;

	/** Distinct names interned so far. */
	get size(): number {
		return this.names.size;
	}

	/** The plugin's names without repeats, each the shared copy, in first-seen order. */
	distinct(names: Iterable<string>): string[] {
		const stamp = ++this.stamp;
		const list: string[] = [];
		for (const name of names) {
			let entry = this.names.get(name);
			if (!entry) {
				entry = {name, stamp: 0};
				this.names.set(name, entry);
			}

			if (entry.stamp !== stamp) {
				entry.stamp = stamp;
				list.push(entry.name);
			}
		}

		return list;
	}
}
