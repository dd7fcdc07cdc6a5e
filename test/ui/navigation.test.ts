import test from 'ava';
import {clampView, followSelection, moveView, visibleRange} from '../../source/ui/model/navigation.js';

test('down moves the cursor and scrolls the window only at its bottom edge', t => {
	let view = {cursor: 0, offset: 0};
	for (let i = 0; i < 4; i++) {
		view = moveView(view, 'down', 100, 5);
	}

	t.deepEqual(view, {cursor: 4, offset: 0});
	view = moveView(view, 'down', 100, 5);
	t.deepEqual(view, {cursor: 5, offset: 1});
});

test('up at the top and down at the bottom stay put', t => {
	t.deepEqual(moveView({cursor: 0, offset: 0}, 'up', 10, 5), {cursor: 0, offset: 0});
	t.deepEqual(moveView({cursor: 9, offset: 5}, 'down', 10, 5), {cursor: 9, offset: 5});
});

test('page down moves cursor and window by a page, stopping at the end', t => {
	t.deepEqual(moveView({cursor: 2, offset: 0}, 'pageDown', 100, 10), {cursor: 12, offset: 10});
	t.deepEqual(moveView({cursor: 95, offset: 90}, 'pageDown', 100, 10), {cursor: 99, offset: 90});
	t.deepEqual(moveView({cursor: 12, offset: 10}, 'pageUp', 100, 10), {cursor: 2, offset: 0});
});

test('home and end jump to the ends', t => {
	t.deepEqual(moveView({cursor: 50, offset: 45}, 'end', 100, 10), {cursor: 99, offset: 90});
	t.deepEqual(moveView({cursor: 50, offset: 45}, 'home', 100, 10), {cursor: 0, offset: 0});
});

test('an empty list has the cursor at the top', t => {
	t.deepEqual(moveView({cursor: 3, offset: 2}, 'down', 0, 10), {cursor: 0, offset: 0});
	t.deepEqual(visibleRange({cursor: 0, offset: 0}, 0, 10), [0, 0]);
});

test('a list shorter than the window never scrolls', t => {
	t.deepEqual(moveView({cursor: 0, offset: 0}, 'end', 3, 10), {cursor: 2, offset: 0});
});

test('the selection follows its item to a new index, keeping its place in the window', t => {
	t.deepEqual(followSelection({cursor: 12, offset: 10}, 40, 100, 10), {cursor: 40, offset: 38});
});

test('when the selected item is gone the cursor stays at its position, clamped to the list', t => {
	t.deepEqual(followSelection({cursor: 12, offset: 10}, -1, 100, 10), {cursor: 12, offset: 10});
	t.deepEqual(followSelection({cursor: 12, offset: 10}, -1, 5, 10), {cursor: 4, offset: 0});
});

test('a shrinking window keeps the cursor visible', t => {
	t.deepEqual(clampView({cursor: 20, offset: 0}, 100, 10), {cursor: 20, offset: 11});
});
