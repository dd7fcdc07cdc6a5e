// Bundles cli.tsx into dist/ with esbuild. The explorer (Ink + React) lands in its own lazily
// imported chunk, so non-interactive commands never pay for React.
import {build} from 'esbuild';
import {fileURLToPath} from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

await build({
	entryPoints: {cli: path.join(root, 'cli.tsx')},
	outdir: path.join(root, 'dist'),
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	sourcemap: true,
	minify: true,
	legalComments: 'none',
	chunkNames: 'chunks/[name]-[hash]',
	external: ['better-sqlite3', 'react-devtools-core'],
	// React's production build: without this, React picks its development build at run time
	// (NODE_ENV unset), which checks and warns on every render and is several times slower.
	// `fetch` is only touched by Yoga's loader; keeping it undefined spares loading Node's fetch (15–20 ms).
	define: {'process.env.NODE_ENV': '"production"', fetch: 'undefined'},
	banner: {
		js: "#!/usr/bin/env node\nimport {createRequire as __pluginaryCreateRequire} from 'node:module';\nconst require = __pluginaryCreateRequire(import.meta.url);",
	},
	logLevel: 'warning',
});
