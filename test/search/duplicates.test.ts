import test from 'ava';
import {collapse, duplicateKey, groupDuplicates, normaliseName, normaliseVendor} from '../../source/search/duplicates.js';
import {makeDocument} from '../helpers/search-documents.js';

test('vendors lose e-mail addresses, notes and format words', t => {
	t.is(normaliseVendor('LSP LADSPA'), 'lsp');
	t.is(normaliseVendor('LSP LV2'), 'lsp');
	t.is(normaliseVendor('Steve Harris <steve@plugin.org.uk>'), 'steve harris');
	t.is(normaliseVendor('Richard Furse (LADSPA example plugins)'), 'richard furse');
});

test('names lose a leading vendor and format words', t => {
	t.is(normaliseName('LSP Compressor Mono', 'LSP LV2'), 'compressor mono');
	t.is(normaliseName('Compressor Mono', 'LSP LADSPA'), 'compressor mono');
	t.is(normaliseName('ZamComp', 'Damien Zammit'), 'zam comp');
	t.is(normaliseName('LSP', 'LSP'), 'lsp');
});

test('LSP\'s LV2 and LADSPA names are the same plugin; Zam\'s five formats are one group', t => {
	t.is(duplicateKey({name: 'LSP Compressor Mono', vendor: 'LSP LV2'}), duplicateKey({name: 'Compressor Mono', vendor: 'LSP LADSPA'}));
	const zam = ['lv2', 'ladspa', 'vst2', 'vst3', 'clap'] as const;
	const groups = groupDuplicates([...zam.map(format => makeDocument({name: 'ZamComp', vendor: 'Damien Zammit', format}).summary),
		makeDocument({name: 'ZamGate', vendor: 'Damien Zammit'}).summary]);
	t.deepEqual(groups.map(group => group.length), [5, 1]);
});

test('collapse keeps the preferred format, in the order of the list', t => {
	const list = [
		makeDocument({name: 'ZamComp', vendor: 'Damien Zammit', format: 'ladspa'}).summary,
		makeDocument({name: 'Calf Reverb', vendor: 'Calf'}).summary,
		makeDocument({name: 'ZamComp', vendor: 'Damien Zammit', format: 'clap'}).summary,
		makeDocument({name: 'ZamComp', vendor: 'Damien Zammit', format: 'lv2'}).summary,
	];
	t.deepEqual(collapse(list).map(summary => summary.id), ['clap:ZamComp', 'lv2:Calf Reverb']);
	t.deepEqual(collapse(list, ['lv2', 'clap']).map(summary => summary.id), ['lv2:ZamComp', 'lv2:Calf Reverb']);
});

test('two different plugins of one format with the same name are both kept', t => {
	const list = [makeDocument({name: 'Gate', vendor: 'A', uid: '1', id: 'ladspa:a/1', format: 'ladspa'}).summary,
		makeDocument({name: 'Gate', vendor: 'A', uid: '2', id: 'ladspa:a/2', format: 'ladspa'}).summary];
	t.is(collapse(list).length, 2);
});
