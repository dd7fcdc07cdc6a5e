import test from 'ava';
import {openStore} from '../../source/db/open.js';
import {insertImported} from '../../source/db/queries/ingest.js';
import {loadSearchDocuments, loadSearchDocumentsOf} from '../../source/search/catalog-source.js';
import {SearchIndex} from '../../source/search/index.js';
import {syntheticPlugins} from '../bench/synthetic.js';

test('documents come from the store with their distinct parameter names, in one pass', t => {
	const store = openStore(':memory:');
	const entries = syntheticPlugins(5, 3);
	insertImported(store, entries, '2026-01-01T00:00:00Z');
	const documents = loadSearchDocuments(store);
	t.is(documents.length, 5);
	for (const entry of entries) {
		const document = documents.find(candidate => candidate.summary.id === entry.id)!;
		t.deepEqual([...document.parameterNames].sort(), [...new Set(entry.parameters.map(parameter => parameter.name))].sort());
	}

	t.deepEqual(loadSearchDocumentsOf(store, [entries[0].id]).map(document => document.summary.id), [entries[0].id]);
	const index = SearchIndex.build(documents);
	t.is(index.search(`"${entries[0].name}"`).hits.some(hit => hit.summary.id === entries[0].id), true);
	store.close();
});
