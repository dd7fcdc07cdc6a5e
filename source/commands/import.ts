import process from 'node:process';
import {readImportFile} from '../catalog/import-file.js';
import {applyImport, type MergeCounts} from '../db/queries/import.js';
import type {Command} from './command.js';
import {expectArgs} from './options.js';

const help = `
  Usage
    $ pluginary import FILE [--dry-run] [--json]

  Reads plugins into the catalog, merging by id, and reports what was added, updated and unchanged.
  FILE may be a pluginary export (JSON from 'pluginary export', or NDJSON), pedalboard-pluginary's
  plugins.json (2023) or its plugins.db (2026). Imported pedalboard plugins get status "imported";
  a scan that later finds the same plugin replaces them. A plugin this machine scanned keeps its
  scanned entry but takes the file's favourites, tags, hidden flag and category. A file that cannot
  be read changes nothing.

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
	run({args, flags, out, store}) {
		expectArgs(args, 1, 'import FILE [--dry-run]');
		const batch = readImportFile(args[0]!);
		const summary = applyImport(store(), batch, {dryRun: flags.dryRun});
		if (flags.json) {
			out.line(JSON.stringify({file: args[0]!, kind: batch.kind, dryRun: Boolean(flags.dryRun), ...summary}, null, 2));
			return 0;
		}

		const counts = (what: MergeCounts): string => `${what.added} added, ${what.updated} updated, ${what.unchanged} unchanged`;
		const verb = flags.dryRun ? 'Would import' : 'Imported';
		out.line(`${verb} ${batch.plugins.length} plugins from ${args[0]!} (${batch.kind}): ${counts(summary)}`
			+ (summary.keptScanned > 0 ? `, ${summary.keptScanned} kept as scanned here` : '') + '.');
		if (batch.userPresets.length > 0) {
			out.line(`User presets: ${counts(summary.userPresets)}.`);
		}

		if (batch.blacklist.length > 0) {
			out.line(`Blacklist: ${counts(summary.blacklist)}.`);
		}

		if (flags.dryRun) {
			process.stderr.write('pluginary: dry run; nothing was changed.\n');
		}

		return 0;
	},
};

export default importCommand;
