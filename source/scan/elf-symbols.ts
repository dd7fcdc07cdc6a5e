import {closeSync, constants, fstatSync, openSync, readSync} from 'node:fs';

/** Entry points that tell a shared library's plugin format without loading it. */
const entryPoints = ['ladspa_descriptor', 'VSTPluginMain', 'main', 'clap_entry', 'lv2_descriptor'] as const;
/** One of the entry point names looked for. */
export type EntryPoint = (typeof entryPoints)[number];

/**
 * The plugin entry points an ELF shared library exports, read from its dynamic symbol table
 * (a quick check: reads headers and two sections, never loads or runs the library).
 * Returns undefined for files that are not ELF, not regular files, or cannot be read. Opens
 * without blocking (a FIFO put in the file's place is refused, never waited on).
 */
export function exportedEntryPoints(file: string | Buffer): Set<EntryPoint> | undefined {
	let fd: number | undefined;
	try {
		fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
		return fstatSync(fd).isFile() ? readEntryPoints(fd) : undefined;
	} catch {
		return undefined;
	} finally {
		if (fd !== undefined) {
			closeSync(fd);
		}
	}
}

function read(fd: number, offset: number, length: number): Buffer {
	const buffer = Buffer.alloc(length);
	const got = readSync(fd, buffer, 0, length, offset);
	if (got !== length) {
		throw new Error('short read');
	}

	return buffer;
}

function readEntryPoints(fd: number): Set<EntryPoint> | undefined {
	const header = read(fd, 0, 64);
	if (header.readUInt32BE(0) !== 0x7F_45_4C_46) {
		return undefined;
	}

	const is64 = header[4] === 2;
	const little = header[5] === 1;
	const u16 = (buffer: Buffer, at: number): number => little ? buffer.readUInt16LE(at) : buffer.readUInt16BE(at);
	const u32 = (buffer: Buffer, at: number): number => little ? buffer.readUInt32LE(at) : buffer.readUInt32BE(at);
	const word = (buffer: Buffer, at: number): number => is64 ? Number(little ? buffer.readBigUInt64LE(at) : buffer.readBigUInt64BE(at)) : u32(buffer, at);
	const sectionOffset = word(header, is64 ? 0x28 : 0x20);
	const sectionSize = u16(header, is64 ? 0x3A : 0x2E);
	const sectionCount = u16(header, is64 ? 0x3C : 0x30);
	if (sectionCount === 0 || sectionCount > 10_000) {
		return undefined;
	}

	const sections = read(fd, sectionOffset, sectionSize * sectionCount);
	const section = (index: number): {type: number; offset: number; size: number; link: number; entrySize: number} => {
		const at = index * sectionSize;
		return {
			type: u32(sections, at + 4),
			offset: word(sections, at + (is64 ? 0x18 : 0x10)),
			size: word(sections, at + (is64 ? 0x20 : 0x14)),
			link: u32(sections, at + (is64 ? 0x28 : 0x18)),
			entrySize: word(sections, at + (is64 ? 0x38 : 0x24)),
		};
	};

	const found = new Set<EntryPoint>();
	for (let index = 0; index < sectionCount; index++) {
		const symbols = section(index);
		if (symbols.type !== 11 || symbols.entrySize === 0) {
			continue;
		}

		const strings = section(symbols.link);
		const names = read(fd, strings.offset, strings.size);
		const table = read(fd, symbols.offset, symbols.size);
		for (let at = 0; at + symbols.entrySize <= table.length; at += symbols.entrySize) {
			const nameOffset = u32(table, at);
			const sectionIndex = u16(table, at + (is64 ? 6 : 14));
			if (sectionIndex === 0 || nameOffset === 0) {
				continue;
			}

			const end = names.indexOf(0, nameOffset);
			const name = names.toString('latin1', nameOffset, end < 0 ? names.length : end);
			if ((entryPoints as readonly string[]).includes(name)) {
				found.add(name as EntryPoint);
			}
		}
	}

	return found;
}
