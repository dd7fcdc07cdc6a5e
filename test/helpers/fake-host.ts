import {chmodSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {tempDir} from './temp.js';

/**
 * An executable stand-in for the native host that answers `initialize` with the given formats
 * (LSP-framed JSON-RPC on stdio) and exits on `shutdown`; `hang` never answers.
 */
export function fakeHost(formats: unknown[], mode: 'answer' | 'hang' = 'answer'): string {
	const file = path.join(tempDir(), 'fake-host');
	writeFileSync(file, `#!${process.execPath}
const formats = ${JSON.stringify(formats)};
let buffer = Buffer.alloc(0);
const send = message => {
	const body = Buffer.from(JSON.stringify(message));
	process.stdout.write('Content-Length: ' + body.length + '\\r\\n\\r\\n');
	process.stdout.write(body);
};
process.stdin.on('data', chunk => {
	buffer = Buffer.concat([buffer, chunk]);
	for (;;) {
		const end = buffer.indexOf('\\r\\n\\r\\n');
		if (end < 0) return;
		const length = Number(/Content-Length: (\\d+)/i.exec(buffer.subarray(0, end).toString())[1]);
		if (buffer.length < end + 4 + length) return;
		const request = JSON.parse(buffer.subarray(end + 4, end + 4 + length).toString());
		buffer = buffer.subarray(end + 4 + length);
		if (${JSON.stringify(mode)} === 'hang') continue;
		if (request.method === 'initialize') send({jsonrpc: '2.0', id: request.id, result: {version: '9.9.9', formats}});
		if (request.method === 'shutdown') { send({jsonrpc: '2.0', id: request.id, result: null}); setTimeout(() => process.exit(0), 10); }
	}
});
`);
	chmodSync(file, 0o755);
	return file;
}
