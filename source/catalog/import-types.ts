import type {CatalogEntry} from '../db/queries/ingest.js';
import type {UserData} from '../db/queries/curation.js';
import type {UserPreset} from '../db/queries/user-presets.js';
import type {BlacklistEntry} from '../db/queries/export.js';

/** The kinds of files `import` reads. */
export type ImportKind = 'pluginary-json' | 'pluginary-ndjson' | 'pedalboard-json' | 'pedalboard-db';

/** One plugin to import: the catalog entry, its time, and the user data to set (undefined = leave as is). */
export type ImportedPlugin = {entry: CatalogEntry; scannedAt: string; userData?: UserData};

/** Everything one import file holds, validated and ready to write. */
export type ImportBatch = {
	kind: ImportKind;
	plugins: ImportedPlugin[];
	userPresets: UserPreset[];
	blacklist: BlacklistEntry[];
};

/** A problem in an import file: the message names the file and what is wrong (see importError). */
export class ImportFormatError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ImportFormatError';
	}
}
