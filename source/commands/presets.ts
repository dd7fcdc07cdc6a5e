import {listUserPresets} from '../db/queries/user-presets.js';
import type {Command} from './command.js';
import {expectArgs} from './options.js';
import {resolvePlugin} from './resolve.js';

const help = `
  Usage
    $ pluginary presets ID-or-NAME [--json]

  The factory presets a plugin ships (as the native host reported them) and the user presets
  saved with 'pluginary preset save'.

  Options
    --json     [{"name", "source": "factory"|"user"}, …]

  Examples
    $ pluginary presets ZamComp
    $ pluginary presets 'lv2:http://lsp-plug.in/plugins/lv2/comp_delay_mono' --json
`;

const presets: Command = {
	help,
	flags: ['json'],
	run({args, flags, out, store}) {
		expectArgs(args, 1, 'presets ID-or-NAME [--json]');
		const plugin = resolvePlugin(store(), args[0]!);
		const factory = plugin.presets.filter(preset => preset.source === 'factory');
		const user = listUserPresets(store(), plugin.id);
		if (flags.json) {
			out.line(JSON.stringify([...factory, ...user.map(preset => ({name: preset.name, source: 'user', values: preset.values, createdAt: preset.createdAt}))], null, 2));
			return 0;
		}

		out.line(out.paint('bold', `${plugin.name}`) + out.paint('dim', ` (${plugin.id})`));
		out.line(out.paint('bold', `Factory presets (${factory.length})`));
		for (const preset of factory) {
			out.line(`  ${preset.name}`);
		}

		out.line(out.paint('bold', `User presets (${user.length})`));
		for (const preset of user) {
			out.line(`  ${preset.name}${out.paint('dim', `  ${Object.keys(preset.values).length} values, saved ${preset.createdAt}`)}`);
		}

		return 0;
	},
};

export default presets;
