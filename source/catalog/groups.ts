/**
 * Plugin groups: the same plugin in several formats (and copies) is one group (docs/groups.md).
 * Pure functions over what the store holds; catalog/regroup.ts applies them to the store.
 */
import {formatRank, type Format} from './plugin.js';
import {words} from './text.js';
import {displayVendor, nameKey, vendorKey} from './vendor.js';

/** What grouping looks at, per catalog record. */
export type GroupInput = {
	id: string;
	format: Format;
	/** The name and vendor as the file said them. */
	rawName: string;
	rawVendor: string;
	uid: string;
	path: string;
	audioInputs: number;
	auxInputs: number;
	audioOutputs: number;
	/** Failure placeholders (failed, timeout, crashed, blacklisted) are never joined to anything. */
	placeholder: boolean;
};

/** A group as decided: its stable id, display name and members (in format preference order). */
export type Group<T extends GroupInput = GroupInput> = {id: string; name: string; vendor: string; members: T[]};

/** VST2 names are cut at this many bytes or a little under (effGetEffectName's 32-byte buffer, its NUL, a trimmed space). */
const vst2CutBytes = 27;
/** Slugs shorter than this say too little to join plugins. */
const minSlug = 4;

/**
 * The file-level slug a plugin carries in its native id, lower-case letters and digits only: LV2
 * URI tail ("…/lv2/sc_mb_compressor_lr", "urn:zamaudio:ZamComp"), LADSPA label (or its URI tail,
 * as LSP's), VST2 file stem without "-vst" ("sc-mb-compressor-lr.so", "ZamComp-vst.so"), CLAP id
 * tail ("com.zamaudio.ZamComp"). VST3 class ids and AU codes carry none. LSP and DPF builds share
 * these across formats, which joins plugins whose names differ (a VST2 name cut at 32 bytes).
 */
export function slugOf(record: Pick<GroupInput, 'format' | 'uid'>): string {
	const tail = (text: string, separators: RegExp): string => text.split(separators).filter(Boolean).at(-1) ?? '';
	let slug = '';
	switch (record.format) {
		case 'lv2': {
			slug = tail(record.uid, /[/#:]/);
			break;
		}

		case 'ladspa': {
			slug = tail(record.uid.slice(record.uid.indexOf('/') + 1), /[/#:]/);
			break;
		}

		case 'vst2': {
			slug = record.uid.split('/')[0]!.replace(/\.(so|dll|dylib|vst)$/i, '').replace(/[-_.]vst2?$/i, '');
			break;
		}

		case 'clap': {
			slug = tail(record.uid, /\./);
			break;
		}

		default: {
			slug = '';
		}
	}

	const key = slug.toLowerCase().replace(/[^a-z\d]/g, '');
	return key.length >= minSlug ? key : '';
}

/** Whether two records' audio I/O agree: the same inputs (main + side-chain) and outputs. */
function ioAgrees(a: GroupInput, b: GroupInput): boolean {
	return a.audioInputs + a.auxInputs === b.audioInputs + b.auxInputs && a.audioOutputs === b.audioOutputs;
}

/** Whether a VST2 name looks cut at the format's limit and `other` continues it. */
function isCutOf(cut: {format: Format; rawName: string; key: string}, other: {key: string}): boolean {
	return cut.format === 'vst2' && Buffer.byteLength(cut.rawName) >= vst2CutBytes
		&& other.key.length > cut.key.length && other.key.startsWith(cut.key);
}

type Node<T> = T & {key: string; slug: string; vendorKey: string};
type Link = {a: number; b: number; score: number};

/**
 * Groups records. Within one display vendor, two records of different formats whose I/O agree are
 * linked by evidence — the same slug (3), the same normalised name (2, 3 with a slug too), a VST2
 * name cut at its byte limit that another name continues (1) — and links are applied strongest
 * first, never joining two groups that hold the same format (one vendor's distinct plugins in one
 * format stay apart). Records keep their order inside a group by format preference.
 * Cost: linear in the records plus the pairs sharing a name or slug.
 */
export function groupRecords<T extends GroupInput>(records: readonly T[]): Array<Group<T>> {
	const nodes: Array<Node<T>> = records.map(record => ({
		...record, key: nameKey(record.rawName, record.rawVendor), slug: slugOf(record), vendorKey: vendorKey(record.rawVendor),
	}));
	const parent = nodes.map((_, index) => index);
	const formats = nodes.map(node => new Set<Format>([node.format]));
	const find = (index: number): number => {
		while (parent[index] !== index) {
			parent[index] = parent[parent[index]!]!;
			index = parent[index]!;
		}

		return index;
	};

	for (const link of linksOf(nodes)) {
		const a = find(link.a);
		const b = find(link.b);
		if (a === b || [...formats[b]!].some(format => formats[a]!.has(format))) {
			continue;
		}

		parent[b] = a;
		for (const format of formats[b]!) {
			formats[a]!.add(format);
		}
	}

	const byRoot = new Map<number, Array<Node<T>>>();
	nodes.forEach((node, index) => {
		const root = find(index);
		(byRoot.get(root) ?? byRoot.set(root, []).get(root)!).push(node);
	});
	return nameGroups([...byRoot.values()].map(members => members.sort(byPreference)));
}

function linksOf<T extends GroupInput>(nodes: Array<Node<T>>): Link[] {
	const links: Link[] = [];
	const byVendor = new Map<string, number[]>();
	nodes.forEach((node, index) => {
		if (!node.placeholder) {
			(byVendor.get(node.vendorKey) ?? byVendor.set(node.vendorKey, []).get(node.vendorKey)!).push(index);
		}
	});
	for (const members of byVendor.values()) {
		const pairs = new Map<string, number>();
		const consider = (a: number, b: number, score: number): void => {
			const [low, high] = a < b ? [a, b] : [b, a];
			if (nodes[a]!.format !== nodes[b]!.format && ioAgrees(nodes[a]!, nodes[b]!)) {
				const pair = `${low}:${high}`;
				pairs.set(pair, Math.max(pairs.get(pair) ?? 0, score));
			}
		};

		for (const [field, score] of [['slug', 3], ['key', 2]] as const) {
			const buckets = new Map<string, number[]>();
			for (const index of members) {
				const value = nodes[index]![field];
				if (value !== '') {
					(buckets.get(value) ?? buckets.set(value, []).get(value)!).push(index);
				}
			}

			for (const bucket of buckets.values()) {
				bucket.forEach((a, i) => bucket.slice(i + 1).forEach(b => consider(a, b, score + (field === 'key' && nodes[a]!.slug !== '' && nodes[a]!.slug === nodes[b]!.slug ? 1 : 0))));
			}
		}

		for (const cut of members.filter(index => nodes[index]!.format === 'vst2')) {
			const continuing = members.filter(other => isCutOf(nodes[cut]!, nodes[other]!) && ioAgrees(nodes[cut]!, nodes[other]!));
			const perFormat = new Set(continuing.map(other => nodes[other]!.format));
			if (perFormat.size === continuing.length) {
				continuing.forEach(other => consider(cut, other, 1));
			}
		}

		for (const [pair, score] of pairs) {
			const [a, b] = pair.split(':').map(Number) as [number, number];
			links.push({a, b, score});
		}
	}

	return links.sort((x, y) => y.score - x.score || nodes[x.a]!.id.localeCompare(nodes[y.a]!.id) || nodes[x.b]!.id.localeCompare(nodes[y.b]!.id));
}

function byPreference(a: GroupInput, b: GroupInput): number {
	return formatRank(a.format) - formatRank(b.format) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The member whose name the group shows: the most preferred format's, unless that name is a VST2
 * name cut at 32 bytes that another member's name continues.
 */
function bestMember<T extends GroupInput>(members: Array<Node<T>>): Node<T> {
	return members.find(member => !members.some(other => other !== member && isCutOf(member, other))) ?? members[0]!;
}

/** A short file-name tag telling same-named plugins apart ("sc-mb-compressor-lr"). */
function fileTag(record: GroupInput): string {
	const base = record.format === 'ladspa' ? record.uid : record.uid.split('/')[0]!;
	return base.replace(/\.(so|dll|dylib|vst|clap|vst3|lv2)$/i, '').replace(/[-_.]vst2?$/i, '') || record.id;
}

/**
 * Names the groups and gives them ids. A group's display name is its best member's; distinct
 * groups that would show one name for one vendor and format get the file name of that format's
 * member added ("Gate (gate_1410)"). Ids are `<vendor words>/<name words>` joined by dashes,
 * stable while the display name is; a clash takes the first member's id after a `@`.
 */
function nameGroups<T extends GroupInput>(groups: Array<Array<Node<T>>>): Array<Group<T>> {
	const named = groups.map(members => {
		const best = bestMember(members);
		const vendor = displayVendor(best.rawVendor);
		return {members, vendor, vendorKey: best.vendorKey, name: best.rawName.trim() || best.rawName};
	});
	const clashes = new Map<string, number[]>();
	named.forEach((group, index) => {
		for (const member of group.members) {
			const clash = `${group.vendorKey}|${member.format}|${group.name.toLowerCase()}`;
			(clashes.get(clash) ?? clashes.set(clash, []).get(clash)!).push(index);
		}
	});
	const renamed = new Set<number>();
	for (const [clash, indexes] of clashes) {
		if (indexes.length > 1) {
			const format = clash.split('|')[1];
			for (const index of indexes.filter(index => !renamed.has(index))) {
				renamed.add(index);
				const group = named[index]!;
				const member = group.members.find(candidate => candidate.format === format)!;
				group.name = `${group.name} (${fileTag(member)})`;
			}
		}
	}

	const taken = new Set<string>();
	return named.map(group => {
		let id = `${slugWords(group.vendorKey) || 'unknown'}/${slugWords(group.name) || 'unnamed'}`;
		if (taken.has(id)) {
			id = `${id}@${group.members[0]!.id}`;
		}

		taken.add(id);
		return {id, name: group.name, vendor: group.vendor, members: group.members};
	});
}

function slugWords(text: string): string {
	return words(text).join('-');
}
