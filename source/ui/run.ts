/** PLACEHOLDER until the explorer lands: starts the full-screen explorer. */
export async function runExplorer(_options: {dbPath: string; color: boolean}): Promise<number> {
	process.stderr.write('pluginary: the explorer is not built yet; use the commands (pluginary --help).\n');
	return 1;
}
