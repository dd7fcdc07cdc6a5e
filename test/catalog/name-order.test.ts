import test from 'ava';
import Database from 'better-sqlite3';
import {compareNoCase, compareText, nocaseKey} from '../../source/catalog/name-order.js';
import {prng} from '../helpers/prng.js';

/** Characters where case folding, UTF-16 and UTF-8 orders part ways. */
const alphabet = ['a', 'A', 'z', 'Z', '_', '0', ' ', '-', 'é', 'É', 'ä', 'Ä', 'å', 'ß', 'ı', 'İ', 'Ω', 'ω', 'ſ', 'K', '\uFFFD', '\uE000', '😀', '𝄞', 'ﬀ'];

function randomTexts(count: number, seed: number): string[] {
	const random = prng(seed);
	return Array.from({length: count}, () => Array.from({length: 1 + Math.floor(random() * 4)}, () => alphabet[Math.floor(random() * alphabet.length)]!).join(''));
}

test('compareNoCase orders texts exactly as SQLite orders them with collate nocase', t => {
	const sqlite = new Database(':memory:');
	sqlite.exec('create table texts (text text not null)');
	const texts = randomTexts(3000, 17);
	const insert = sqlite.prepare('insert into texts (text) values (?)');
	for (const text of texts) {
		insert.run(text);
	}

	const bySqlite = sqlite.prepare('select text from texts order by text collate nocase, text').pluck().all() as string[];
	t.deepEqual([...texts].sort((a, b) => compareNoCase(a, b) || compareText(a, b)), bySqlite);
	sqlite.close();
});

test('compareText is SQLite binary order (UTF-8 bytes): supplementary characters after U+FFFD', t => {
	t.true(compareText('\uFFFD', '😀') < 0);
	t.true(compareText('\uE000', '𝄞') < 0);
	t.true(compareText('a', 'ab') < 0);
	t.is(compareText('Ω', 'Ω'), 0);
});

test('only ASCII letters fold: Ä and ä are different names, A and a are the same', t => {
	t.is(nocaseKey('ÄaBc'), 'Äabc');
	t.is(compareNoCase('ABC', 'abc'), 0);
	t.not(compareNoCase('Äb', 'äb'), 0);
	t.true(compareNoCase('Äz', 'äa') < 0);
});
