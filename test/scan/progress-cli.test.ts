import test from 'ava';
import {corpusAvailable} from '../helpers/debian-corpus.js';
import {startCli} from '../helpers/cli.js';
import {tempDbPath} from '../helpers/temp.js';

const corpusTest = corpusAvailable() ? test : test.skip;

corpusTest('the scan CLI gives no ETA before it can know one, and never a wild one (cold corpus scan, plain lines)', async t => {
	const started = Date.now();
	const child = startCli(['scan', '--db', tempDbPath(), '--jobs', '2']);
	let stderr = '';
	child.stderr.on('data', (chunk: Buffer) => {
		stderr += chunk.toString();
	});
	child.stdout.resume();
	const code = await new Promise<number | null>(resolve => child.on('close', resolve));
	const seconds = (Date.now() - started) / 1000;
	t.is(code, 0, stderr);
	const lines = stderr.split('\n').filter(line => / files · /.test(line));
	t.true(lines.length > 0, stderr);
	t.false(lines[0]!.includes('ETA'), `first progress line: ${lines[0]!}`);
	for (const line of lines) {
		const eta = /ETA (\d+)s/.exec(line);
		if (eta) {
			t.true(Number(eta[1]) <= Math.max(10, 3 * seconds), `"${line}" for a scan of ${seconds.toFixed(1)} s`);
		}
	}
});
