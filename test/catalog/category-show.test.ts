import {writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {cliPasses} from '../helpers/cli-assert.js';
import {tempDbPath, tempDir} from '../helpers/temp.js';

/** A 2023 pedalboard `plugins.json` with one plugin the classifier decides and one the product table knows. */
function importedDb(t: Parameters<typeof cliPasses>[0]): string {
	const file = path.join(tempDir(), 'plugins.json');
	const plugin = (name: string, params: Record<string, number>) => ({name, path: `/Library/Audio/Plug-Ins/VST3/${name}.vst3`, filename: name, type: 'vst3', params});
	writeFileSync(file, JSON.stringify({
		'Vintage Tape Echo': plugin('Vintage Tape Echo', {time: 0.3, feedback: 0.4, saturation: 0.2, wow: 0.1, mix: 0.5}),
		'TDR Kotelnikov': plugin('TDR Kotelnikov', {threshold: 0.3, ratio: 0.2}),
	}));
	const db = tempDbPath();
	cliPasses(t, db, ['import', file]);
	return db;
}

test('show explains a category: the reason, the heaviest signals with weights, and how to override it', t => {
	const db = importedDb(t);
	const echo = cliPasses(t, db, ['show', 'Vintage Tape Echo']).stdout;
	t.regex(echo, /category +delay \(rules\)/);
	t.regex(echo, /why +evidence \d+\.\d, next distortion \d+\.\d/);
	t.regex(echo, /3\.8 delay +name "echo"/);
	t.regex(echo, /2\.0 distortion +parameter "saturation"/);
	t.regex(echo, /to change it: pluginary category 'vst3:vst3\/Vintage Tape Echo' CATEGORY/);

	const known = cliPasses(t, db, ['show', 'TDR Kotelnikov']).stdout;
	t.regex(known, /category +dynamics \(rules\)/);
	t.regex(known, /why +known product: Tokyo Dawn Labs/);
});

test('show of a user-set category says what the rules would say', t => {
	const db = importedDb(t);
	cliPasses(t, db, ['category', 'Vintage Tape Echo', 'distortion']);
	const shown = cliPasses(t, db, ['show', 'Vintage Tape Echo']).stdout;
	t.regex(shown, /category +distortion \(user\)/);
	t.regex(shown, /why +set by you; the rules would say delay/);
});
