import test from 'ava';
import {jaccard, parameterSet, similarTo} from '../../source/search/similar.js';
import {makeDocument, smallCatalog} from '../helpers/search-documents.js';

test('parameter names are compared without units and case', t => {
	t.deepEqual([...parameterSet(['Threshold (dB)', 'RATIO', 'Attack [ms]', ''])], ['threshold', 'ratio', 'attack']);
	t.is(jaccard(new Set(['a', 'b']), new Set(['b', 'c'])), 1 / 3);
	t.is(jaccard(new Set(), new Set()), 0);
});

test('the same plugin in another format ranks first, marked as a duplicate', t => {
	const catalog = smallCatalog();
	const target = catalog.find(document => document.summary.id === 'lv2:ZamComp')!;
	const hits = similarTo(target, catalog);
	t.deepEqual(hits.slice(0, 2).map(hit => [hit.summary.format, hit.duplicate]).sort(), [['ladspa', true], ['vst3', true]]);
	t.false(hits.some(hit => hit.summary.id === target.summary.id));
	t.is(hits[2].summary.name, 'Calf Compressor', 'then the compressor sharing category and parameters');
	t.false(hits[2].duplicate);
});

test('category, parameters and I/O shape order the rest', t => {
	const catalog = smallCatalog();
	const target = catalog.find(document => document.summary.name === 'Calf Reverb')!;
	const hits = similarTo(target, catalog, 3);
	t.is(hits.length, 3);
	t.deepEqual(hits.slice(0, 2).map(hit => hit.summary.name).sort(), ['Dragonfly Hall Reverb', 'Dragonfly Room Reverb']);
	t.true(hits[0].parts.category === 1 && hits[0].parts.parameters > 0);
});

test('an instrument is most like another instrument', t => {
	const synth = makeDocument({name: 'Other Synth', category: 'instrument', isInstrument: true, audioInputs: 0, params: ['Cutoff', 'Resonance']});
	const hits = similarTo(synth, smallCatalog());
	t.is(hits[0].summary.name, 'Calf Monosynth');
});
