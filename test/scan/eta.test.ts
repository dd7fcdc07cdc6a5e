import test from 'ava';
import {WorkEstimate} from '../../source/scan/eta.js';

test('no estimate while too little work is done: one big bundle of 439 files says nothing yet', t => {
	const sizes = [26_000_000, ...Array.from({length: 438}, () => 100_000)];
	const work = new WorkEstimate(sizes);
	work.complete(0);
	t.is(work.etaSeconds(1200), undefined, 'the old estimate (by files) said 548 s here');
});

test('the estimate weighs size and count: small files late in a scan are not free', t => {
	const sizes = [26_000_000, ...Array.from({length: 438}, () => 100_000)];
	const work = new WorkEstimate(sizes);
	for (let index = 0; index < 200; index++) {
		work.complete(index);
	}

	const eta = work.etaSeconds(4000);
	t.truthy(eta);
	t.true(eta! >= 1 && eta! <= 8, `eta ${eta}`);
});

test('a part of a split bundle counts its share', t => {
	const work = new WorkEstimate([1000, 1000]);
	work.complete(0, 0.5);
	t.is(work.ratio, 0.25);
	t.is(work.etaSeconds(1000), 3);
	work.complete(0, 0.5);
	work.complete(1);
	t.is(work.ratio, 1);
	t.is(work.etaSeconds(1000), 0);
});
