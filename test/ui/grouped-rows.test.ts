import test from 'ava';
import {formatCells, groupRows, indexGroups, visibleGroups} from '../../source/ui/model/grouped-rows.js';
import {makeDocument} from '../helpers/search-documents.js';

const zam = (['ladspa', 'lv2', 'vst2', 'vst3', 'clap'] as const).map(format =>
	makeDocument({name: 'ZamComp', vendor: 'Damien Zammit', format, group: 'damien-zammit/zam-comp', favorite: format === 'ladspa'}).summary);
const calf = makeDocument({name: 'Calf Reverb', vendor: 'Calf', group: 'calf/reverb'}).summary;

test('a group is one row: the preferred matching member, every format in preference order, matched ones shown', t => {
	const groups = indexGroups([...zam, calf]);
	const rows = groupRows([zam[2]!, calf, zam[1]!], groups);
	t.deepEqual(rows.map(row => row.id), ['lv2:ZamComp', 'lv2:Calf Reverb']);
	t.deepEqual(rows[0]!.formats, [
		{format: 'vst3', shown: false}, {format: 'clap', shown: false}, {format: 'lv2', shown: true}, {format: 'vst2', shown: true}, {format: 'ladspa', shown: false},
	]);
	t.true(rows[0]!.favorite, 'a favourite member marks the row');
	t.deepEqual(rows[0]!.favoriteIds, ['ladspa:ZamComp']);
	t.is(visibleGroups(groups), 2);
});

test('format cells fit the width, ending with an ellipsis when cut', t => {
	const marks = zam.map(summary => ({format: summary.format, shown: true}));
	t.is(formatCells(marks, 25).map(each => each.text).join(''), 'ladspa lv2 vst2 vst3 clap');
	const cut = formatCells(marks, 14).map(each => each.text).join('');
	t.true(cut.length <= 14, cut);
	t.true(cut.endsWith('…'), cut);
});
