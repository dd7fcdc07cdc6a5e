import {notFoundError, usageError} from '../errors.js';
import {addToBlacklist, listBlacklist, removeFromBlacklist} from '../db/queries/blacklist.js';
import {userPathText, userPathTexts} from '../path-text.js';
import type {Command} from './command.js';

const help = `
  Usage
    $ pluginary blacklist [list] [--json]     the files scans skip, with why
    $ pluginary blacklist add PATH…           never probe these files
    $ pluginary blacklist remove PATH…        probe them again on the next scan

  A file whose probe crashed or timed out in two scans is blacklisted automatically.
  'pluginary retry' re-probes failed and blacklisted files.

  Examples
    $ pluginary blacklist
    $ pluginary blacklist add /usr/lib/vst/Broken.so
    $ pluginary blacklist remove /usr/lib/vst/Broken.so
`;

const blacklist: Command = {
	help,
	flags: ['json'],
	run({args, flags, out, store}) {
		const [action = 'list', ...paths] = args;
		switch (action) {
			case 'list': {
				if (paths.length > 0) {
					throw usageError("'pluginary blacklist list' takes no paths.");
				}

				const entries = listBlacklist(store());
				if (flags.json) {
					out.line(JSON.stringify(entries, null, 2));
				} else if (entries.length === 0) {
					out.line('No blacklisted files.');
				} else {
					for (const entry of entries) {
						out.line(`${entry.path}\n  ${out.paint('dim', `${entry.auto ? 'automatic' : 'by hand'}, ${entry.addedAt}${entry.reason ? ` — ${entry.reason}` : ''}`)}`);
					}
				}

				return 0;
			}

			case 'add':
			case 'remove': {
				if (paths.length === 0) {
					throw usageError(`Usage: pluginary blacklist ${action} PATH…`);
				}

				for (const given of paths) {
					if (action === 'add') {
						const file = userPathText(given);
						out.line(addToBlacklist(store(), file, 'added by hand') ? `blacklisted ${file}` : `${file} was already blacklisted`);
						continue;
					}

					// The path as typed, or as pluginary showed it (path text, e.g. pasted from 'blacklist list').
					const forms = userPathTexts(given);
					const removed = forms.find(file => removeFromBlacklist(store(), file));
					if (removed === undefined) {
						throw notFoundError(`${forms[0]!} is not blacklisted; see 'pluginary blacklist list'.`);
					}

					out.line(`removed ${removed} from the blacklist`);
				}

				return 0;
			}

			default: {
				throw usageError(`Unknown blacklist action '${action}'; use list, add or remove.`);
			}
		}
	},
};

export default blacklist;
