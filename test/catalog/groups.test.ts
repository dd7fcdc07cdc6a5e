import test from 'ava';
import {groupCategories, type MemberCategory} from '../../source/catalog/group-category.js';
import {groupRecords, slugOf, type GroupInput} from '../../source/catalog/groups.js';
import {displayVendor} from '../../source/catalog/vendor.js';

const record = (fields: Partial<GroupInput> & Pick<GroupInput, 'format' | 'uid' | 'rawName' | 'rawVendor'>): GroupInput => ({
	id: `${fields.format}:${fields.uid}`, path: `/p/${fields.uid}`, audioInputs: 2, auxInputs: 0, audioOutputs: 2, placeholder: false, ...fields,
});

test('display vendors: e-mail addresses, notes, port credits and format words go; the table settles LSP', t => {
	t.is(displayVendor('Steve Harris <steve@plugin.org.uk>'), 'Steve Harris');
	t.is(displayVendor('Andy Wingo <wingo at pobox dot com>'), 'Andy Wingo');
	t.is(displayVendor('Richard Furse (LADSPA example plugins)'), 'Richard Furse');
	t.is(displayVendor('Juhana Sadeharju <kouhia at nic.funet.fi>, LADSPAification by Steve Harris <steve@plugin.org.uk>'), 'Juhana Sadeharju');
	t.is(displayVendor('Achim Settelmeier <settel-linux@sirlab.de> (adapted by Josh Green and Hexasoft)'), 'Achim Settelmeier');
	t.is(displayVendor('someone@example.org'), '');
	for (const raw of ['LSP LV2', 'LSP VST', 'LSP LADSPA']) {
		t.is(displayVendor(raw), 'LSP');
	}

	t.is(displayVendor('ACME VST3'), 'ACME');
	t.is(displayVendor('Martin Eastwood, falkTX'), 'Martin Eastwood, falkTX');
	t.is(displayVendor(''), '');
});

test('slugs come from the native id of each format', t => {
	t.is(slugOf({format: 'lv2', uid: 'http://lsp-plug.in/plugins/lv2/sc_mb_compressor_lr'}), 'scmbcompressorlr');
	t.is(slugOf({format: 'ladspa', uid: 'lsp-plugins-ladspa-1.2.5.so/http://lsp-plug.in/plugins/ladspa/sc_mb_compressor_lr'}), 'scmbcompressorlr');
	t.is(slugOf({format: 'vst2', uid: 'sc-mb-compressor-lr.so'}), 'scmbcompressorlr');
	t.is(slugOf({format: 'vst2', uid: 'ZamComp-vst.so'}), 'zamcomp');
	t.is(slugOf({format: 'clap', uid: 'com.zamaudio.ZamComp'}), 'zamcomp');
	t.is(slugOf({format: 'lv2', uid: 'urn:zamaudio:ZamComp'}), 'zamcomp');
	t.is(slugOf({format: 'vst3', uid: '2046504473616C63504D435A00000000'}), '');
	t.is(slugOf({format: 'ladspa', uid: 'amp.so/amp'}), '', 'too short to say anything');
});

test('a VST2 name cut at 32 bytes joins its twins by slug and takes their full name', t => {
	const groups = groupRecords([
		record({format: 'lv2', uid: 'http://lsp-plug.in/plugins/lv2/sc_mb_compressor_lr', rawName: 'LSP Sidechain Multiband Compressor LeftRight x8', rawVendor: 'LSP LV2', audioInputs: 4}),
		record({format: 'vst2', uid: 'sc-mb-compressor-lr.so', rawName: 'Sidechain Multiband Compressor', rawVendor: 'LSP VST', audioInputs: 4}),
		record({format: 'vst2', uid: 'sc-mb-compressor-ms.so', rawName: 'Sidechain Multiband Compressor', rawVendor: 'LSP VST', audioInputs: 4}),
	]);
	t.is(groups.length, 2);
	const joined = groups.find(group => group.members.length === 2)!;
	t.is(joined.name, 'LSP Sidechain Multiband Compressor LeftRight x8');
	t.is(joined.vendor, 'LSP');
	t.deepEqual(joined.members.map(member => member.format), ['lv2', 'vst2']);
	const alone = groups.find(group => group.members.length === 1)!;
	t.is(alone.name, 'Sidechain Multiband Compressor', 'no twin: nothing clashes in its own format any more');
});

test('same-named plugins of one vendor and format stay apart and are told apart by file name', t => {
	const groups = groupRecords(['lr', 'ms'].map(suffix => record({format: 'vst2', uid: `sc-mb-gate-${suffix}.so`, rawName: 'Sidechain Multiband Gate', rawVendor: 'LSP VST'})));
	t.is(groups.length, 2);
	t.deepEqual(groups.map(group => group.name).sort(), ['Sidechain Multiband Gate (sc-mb-gate-lr)', 'Sidechain Multiband Gate (sc-mb-gate-ms)']);
	t.is(new Set(groups.map(group => group.id)).size, 2, 'group ids are distinct');
});

test('I/O shapes must agree; other vendors never join; failures stay alone', t => {
	const groups = groupRecords([
		record({format: 'lv2', uid: 'urn:x:Gate', rawName: 'Gate', rawVendor: 'ACME', audioInputs: 1, audioOutputs: 1}),
		record({format: 'ladspa', uid: 'gate.so/gate', rawName: 'Gate', rawVendor: 'ACME', audioInputs: 2, audioOutputs: 2}),
		record({format: 'vst2', uid: 'Gate-vst.so', rawName: 'Gate', rawVendor: 'Other Maker', audioInputs: 1, audioOutputs: 1}),
		record({format: 'clap', uid: 'com.acme.Gate', rawName: 'Gate', rawVendor: 'ACME', audioInputs: 1, audioOutputs: 1, placeholder: true}),
		// A side-chain counted as a main input by one format and as aux by another is the same shape.
		record({format: 'vst3', uid: 'ABCD', rawName: 'Gate', rawVendor: 'ACME', audioInputs: 1, auxInputs: 1, audioOutputs: 2}),
	]);
	const sizes = groups.map(group => group.members.map(member => member.format).join('+')).sort();
	t.deepEqual(sizes, ['clap', 'lv2', 'vst2', 'vst3+ladspa']);
});

const member = (format: MemberCategory['format'], category: MemberCategory['category'], categorySource: MemberCategory['categorySource'], userCategory: MemberCategory['userCategory'] = null): MemberCategory =>
	({id: `${format}:x`, format, category, categorySource, userCategory});

test('one category per group: a user override, else the most telling native one (twin), else the rules', t => {
	t.deepEqual(groupCategories([member('lv2', 'utility', 'native'), member('vst2', 'analyzer', 'native'), member('ladspa', 'utility', 'rules')]),
		[{category: 'utility', categorySource: 'native'}, {category: 'utility', categorySource: 'twin'}, {category: 'utility', categorySource: 'twin'}]);
	t.deepEqual(groupCategories([member('lv2', 'eq', 'native'), member('vst2', 'utility', 'rules', 'filter')]).map(each => each.category), ['filter', 'filter']);
	t.deepEqual(groupCategories([member('ladspa', 'other', 'rules'), member('vst2', 'delay', 'rules'), member('lv2', 'delay', 'rules')]),
		[{category: 'delay', categorySource: 'rules'}, {category: 'delay', categorySource: 'rules'}, {category: 'delay', categorySource: 'rules'}]);
	t.deepEqual(groupCategories([member('ladspa', 'other', 'rules')]), [{category: 'other', categorySource: 'rules'}]);
});
