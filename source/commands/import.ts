import process from 'node:process';
import {readImportFile} from '../catalog/import-file.js';
import type {ImportBatch} from '../catalog/import-types.js';
import {applyImport, type ImportSummary, type MergeCounts} from '../db/queries/import.js';
import {withScanLock} from '../scan/lock.js';
import {regroupCatalog} from '../catalog/regroup.js';
import type {Command} from './command.js';
import {expectArgs} from './options.js';
import type {Output} from './output.js';

const help = `
  Usage
    $ pluginary import FILE [--dry-run] [--json]

  Reads plugins into the catalog, merging by id, and reports what was added, updated and unchanged.
  FILE may be a pluginary export (JSON from 'pluginary export', or NDJSON), pedalboard-pluginary's
  plugins.json (2023) or its plugins.db (2026). Imported pedalboard plugins get status "imported";
  a scan that later finds the same plugin replaces them. A plugin this machine scanned keeps its
  scanned entry but takes the file's favourite, hidden flag and category; tags join the ones here
  (a tag added since the export stays). The summary names each plugin that changed and how. A file
  that cannot be read changes nothing. An import waits for no scan: while one runs it is refused.

  Options
    --dry-run    report what would change, change nothing
    --json       print the counts as JSON

  Examples
    $ pluginary import ~/pluginary-backup.json
    $ pluginary import ~/Library/Application\\ Support/com.twardoch.pedalboard-pluginary/plugins.json
    $ pluginary import plugins.db --dry-run
`;

const importCommand: Command = {
	help,
	flags: ['dryRun', 'json'],
	refreshesSearchIndex: true,
	async run({args, flags, out, store, dbPath}) {
		expectArgs(args, 1, 'import FILE [--dry-run]');
		const batch = readImportFile(args[0]!);
		const opened = store();
		const summary = flags.dryRun
			? applyImport(opened, batch, {dryRun: true})
			: await withScanLock(dbPath, 'import', () => {
				const applied = applyImport(opened, batch);
				regroupCatalog(opened);
				return applied;
			});
		if (flags.json) {
			out.line(JSON.stringify({file: args[0]!, kind: batch.kind, dryRun: Boolean(flags.dryRun), ...summary}, null, 2));
			return 0;
		}

		printSummary(out, args[0]!, batch, summary, Boolean(flags.dryRun));
		if (flags.dryRun) {
			process.stderr.write('pluginary: dry run; nothing was changed.\n');
		}

		return 0;
	},
};

/** Plugins listed one per line in the summary; `--json` has them all. */
const listedChanges = 20;

function printSummary(out: Output, file: string, batch: ImportBatch, summary: ImportSummary, dryRun: boolean): void {
	const counts = (what: MergeCounts): string => `${what.added} added, ${what.updated} updated, ${what.unchanged} unchanged`;
	out.line(`${dryRun ? 'Would import' : 'Imported'} ${batch.plugins.length} plugins from ${file} (${batch.kind}): ${counts(summary)}`
		+ (summary.keptScanned > 0 ? `, ${summary.keptScanned} kept as scanned here` : '') + '.');
	const changed = summary.plugins.filter(plugin => plugin.changes.some(change => change !== 'added'));
	for (const plugin of changed.slice(0, listedChanges)) {
		out.line(`  ${plugin.id}: ${plugin.changes.join(', ')}`);
	}

	if (changed.length > listedChanges) {
		out.line(`  … and ${changed.length - listedChanges} more ('--json' lists them all)`);
	}

	if (batch.userPresets.length > 0) {
		out.line(`User presets: ${counts(summary.userPresets)}.`);
	}

	if (batch.blacklist.length > 0) {
		out.line(`Blacklist: ${counts(summary.blacklist)}.`);
	}
}

export default importCommand;
