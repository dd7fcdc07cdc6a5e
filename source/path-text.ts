/**
 * Plugin paths are bytes; pluginary keeps them as "path text", a lossless spelling in UTF-8 that
 * the catalog stores and shows (docs/scanning-safety.md):
 * - bytes that are valid UTF-8 stand for themselves;
 * - a byte that is not part of valid UTF-8 is written `\xNN` (two lowercase hex digits);
 * - a backslash is doubled when a backslash, an `x` or an escaped byte follows it (so `\x41`
 *   typed in a real name stays apart from the byte 0x41).
 * Every valid UTF-8 path without such backslashes is its own path text. The spelling is made per
 * byte and `/` is ASCII, so joining, splitting and comparing path texts works like on the bytes.
 */
import {readFileSync, readlinkSync, existsSync} from 'node:fs';
import {isUtf8} from 'node:buffer';
import path from 'node:path';
import process from 'node:process';

const backslash = 0x5C;
const letterX = 0x78;

/** Length of the valid UTF-8 sequence starting at `at`, or 0 when the byte there does not start one. */
function sequenceLength(bytes: Buffer, at: number): number {
	const lead = bytes[at]!;
	if (lead < 0x80) {
		return 1;
	}

	const continuation = (offset: number, low = 0x80, high = 0xBF): boolean => {
		const byte = bytes[at + offset];
		return byte !== undefined && byte >= low && byte <= high;
	};

	if (lead >= 0xC2 && lead <= 0xDF) {
		return continuation(1) ? 2 : 0;
	}

	if (lead >= 0xE0 && lead <= 0xEF) {
		const [low, high] = lead === 0xE0 ? [0xA0, 0xBF] : (lead === 0xED ? [0x80, 0x9F] : [0x80, 0xBF]);
		return continuation(1, low, high) && continuation(2) ? 3 : 0;
	}

	if (lead >= 0xF0 && lead <= 0xF4) {
		const [low, high] = lead === 0xF0 ? [0x90, 0xBF] : (lead === 0xF4 ? [0x80, 0x8F] : [0x80, 0xBF]);
		return continuation(1, low, high) && continuation(2) && continuation(3) ? 4 : 0;
	}

	return 0;
}

/** The path text of some path bytes (see the module comment). Cost: one pass over the bytes. */
export function pathText(bytes: Buffer): string {
	if (isUtf8(bytes) && !bytes.includes(backslash)) {
		return bytes.toString('utf8');
	}

	let text = '';
	let at = 0;
	while (at < bytes.length) {
		const length = sequenceLength(bytes, at);
		if (length === 0) {
			text += `\\x${bytes[at]!.toString(16).padStart(2, '0')}`;
			at++;
		} else if (bytes[at] === backslash) {
			const next = bytes[at + 1];
			const escapeFollows = next === backslash || next === letterX || (next !== undefined && sequenceLength(bytes, at + 1) === 0);
			text += escapeFollows ? '\\\\' : '\\';
			at++;
		} else {
			text += bytes.toString('utf8', at, at + length);
			at += length;
		}
	}

	return text;
}

/** The bytes a path text stands for (the inverse of `pathText`). */
export function pathBytes(text: string): Buffer {
	if (!text.includes('\\')) {
		return Buffer.from(text);
	}

	const parts: Buffer[] = [];
	let plain = '';
	for (let at = 0; at < text.length; at++) {
		if (text[at] !== '\\') {
			plain += text[at];
			continue;
		}

		const hex = /^x([\da-fA-F]{2})/.exec(text.slice(at + 1, at + 4));
		parts.push(Buffer.from(plain));
		plain = '';
		if (text[at + 1] === '\\') {
			parts.push(Buffer.of(backslash));
			at++;
		} else if (hex) {
			parts.push(Buffer.of(Number.parseInt(hex[1]!, 16)));
			at += 3;
		} else {
			parts.push(Buffer.of(backslash));
		}
	}

	parts.push(Buffer.from(plain));
	return Buffer.concat(parts);
}

/** What to hand to `node:fs` for a path text: the text itself when it spells its own bytes, else the bytes. */
export function fsPath(text: string): string | Buffer {
	return text.includes('\\') ? pathBytes(text) : text;
}

/** A UTF-8 string that names the same file as a path text, or undefined when its bytes are not UTF-8. */
export function utf8Path(text: string): string | undefined {
	const bytes = fsPath(text);
	if (typeof bytes === 'string') {
		return bytes;
	}

	return isUtf8(bytes) ? bytes.toString('utf8') : undefined;
}

/** Whether `text` is exactly what `pathText` makes of its bytes (so it can be read as a path text). */
function isCanonical(text: string): boolean {
	return pathText(pathBytes(text)) === text;
}

/**
 * The path text of a path a person gave (an argument, a `*_PATH` variable, a config folder),
 * made absolute against the real working folder. The words typed are taken literally; when that
 * file does not exist but the words are a path text whose bytes do (a path pasted from
 * pluginary's own output, or an argument whose raw bytes `argumentsAsText` escaped), that one.
 */
export function userPathText(given: string): string {
	const literal = absolute(pathText(Buffer.from(given)));
	if (!given.includes('\\') || existsSync(fsPath(literal)) || !isCanonical(given)) {
		return literal;
	}

	const escaped = absolute(given);
	return existsSync(fsPath(escaped)) ? escaped : literal;
}

/** Both readings of a path a person gave, for looking it up in the catalog (literal first). */
export function userPathTexts(given: string): string[] {
	const literal = absolute(pathText(Buffer.from(given)));
	return given.includes('\\') && isCanonical(given) && absolute(given) !== literal ? [literal, absolute(given)] : [literal];
}

function absolute(text: string): string {
	return path.isAbsolute(text) ? path.normalize(text) : path.join(workingFolder(), text);
}

/** The working folder as path text (process.cwd() replaces bytes that are not UTF-8). */
function workingFolder(): string {
	const cwd = process.cwd();
	if (!cwd.includes('\uFFFD')) {
		return cwd;
	}

	try {
		return pathText(readlinkSync('/proc/self/cwd', {encoding: 'buffer'}));
	} catch {
		return cwd;
	}
}

/** NUL-separated entries of a /proc file of this process, or undefined where there is none. */
function procEntries(name: string): Buffer[] | undefined {
	try {
		const data = readFileSync(`/proc/self/${name}`);
		const entries: Buffer[] = [];
		let start = 0;
		for (let end = data.indexOf(0); end >= 0; end = data.indexOf(0, start)) {
			entries.push(data.subarray(start, end));
			start = end + 1;
		}

		return entries;
	} catch {
		return undefined;
	}
}

/**
 * The command-line arguments with every argument whose bytes are not UTF-8 (Node shows them with
 * U+FFFD, losing the bytes) replaced by its path text, read from /proc/self/cmdline. Elsewhere,
 * or when the raw arguments cannot be matched one to one, the arguments are returned as they are.
 */
export function argumentsAsText(argv: readonly string[] = process.argv): string[] {
	const given = argv.slice(2);
	if (!given.some(argument => argument.includes('\uFFFD'))) {
		return given;
	}

	const raw = procEntries('cmdline')?.slice(-given.length);
	if (raw?.length !== given.length || raw.some((bytes, index) => bytes.toString('utf8') !== given[index])) {
		return given;
	}

	return given.map((argument, index) => (isUtf8(raw[index]!) ? argument : pathText(raw[index]!)));
}

/**
 * An environment whose values that are not UTF-8 are replaced by their path text (from
 * /proc/self/environ), for reading folders from `LV2_PATH` and friends. Only process.env is
 * rewritten; an environment a caller built is already text.
 */
export function environmentAsText(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
	if (env !== process.env || !Object.values(env).some(value => value?.includes('\uFFFD'))) {
		return env;
	}

	const result = {...env};
	for (const entry of procEntries('environ') ?? []) {
		const split = entry.indexOf('=');
		const name = entry.toString('utf8', 0, split);
		const value = entry.subarray(split + 1);
		if (split > 0 && !isUtf8(value) && result[name] === value.toString('utf8')) {
			result[name] = pathText(value);
		}
	}

	return result;
}
