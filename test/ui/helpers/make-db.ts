/** Usage: node --import=tsx test/ui/helpers/make-db.ts FILE COUNT [SEED] — writes a synthetic catalog. */
import process from 'node:process';
import {openStore} from '../../../source/db/open.js';
import {fillStore} from './fill-store.js';

const [file, count = '1000', seed = '1'] = process.argv.slice(2);
if (!file) {
	process.stderr.write('usage: make-db.ts FILE COUNT [SEED]\n');
	process.exit(2);
}

const store = openStore(file);
fillStore(store, Number(count), Number(seed));
store.close();
