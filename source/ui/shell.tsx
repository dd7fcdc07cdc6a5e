import {useInput} from 'ink';
import {useCatalog} from './hooks/use-catalog.js';
import {useCheck} from './hooks/use-check.js';
import {useCommands} from './hooks/use-commands.js';
import {useDetails} from './hooks/use-details.js';
import {useExplorer} from './hooks/use-explorer.js';
import {useScan} from './hooks/use-scan.js';
import {useScreens} from './hooks/use-screens.js';
import {useScroll} from './hooks/use-scroll.js';
import {useServices} from './hooks/use-services.js';
import {useStats} from './hooks/use-stats.js';
import {useTerminalSize, type TerminalSize} from './hooks/use-terminal-size.js';
import {statsLines} from './model/stats.js';
import {DetailsScreen} from './screens/DetailsScreen.js';
import {EmptyScreen} from './screens/EmptyScreen.js';
import {ExplorerScreen} from './screens/ExplorerScreen.js';
import {helpLineCount, HelpScreen} from './screens/HelpScreen.js';
import {ScanScreen} from './screens/ScanScreen.js';
import {StatsScreen} from './screens/StatsScreen.js';

/** Props of the shell. */
export type ShellProps = {
	/** Fixed terminal size (tests, benchmarks); otherwise the real one, following resizes. */
	size?: TerminalSize | undefined;
};

/** Holds the state (catalog, filter, details, scan, check, screens), routes keys, and shows the screen on top. */
export function Shell({size: fixed}: ShellProps) {
	const services = useServices();
	const size = useTerminalSize(fixed);
	const catalog = useCatalog(size.rows);
	const explorer = useExplorer(catalog, size.rows);
	const details = useDetails(catalog, size.rows);
	const scan = useScan(catalog.refresh);
	const check = useCheck(catalog.reloadPlugins);
	const screens = useScreens();
	const scroll = useScroll();
	const stats = useStats(catalog, screens.screen === 'stats');
	const handleKey = useCommands({
		screens, catalog, explorer, details, scan, check, scroll,
		scrollLines: screens.screen === 'stats' && stats ? statsLines(stats) : helpLineCount(),
		scrollHeight: size.rows - 2,
	});
	useInput(handleKey);
	const now = services.now();
	switch (screens.screen) {
		case 'details': {
			return <DetailsScreen details={details} scan={scan.view} check={check.view} lastScanAt={catalog.lastScanAt} size={size} now={now}/>;
		}

		case 'stats': {
			return stats ? <StatsScreen data={stats} scroll={scroll.offset} scan={scan.view} lastScanAt={catalog.lastScanAt} size={size} now={now}/> : null;
		}

		case 'help': {
			return <HelpScreen scroll={scroll.offset} size={size}/>;
		}

		case 'scan': {
			if (scan.view) {
				return <ScanScreen scan={scan.view} lastScanAt={catalog.lastScanAt} size={size} now={now}/>;
			}

			break;
		}

		case 'explorer': {
			break;
		}
	}

	if (catalog.total === 0 && catalog.items.length === 0 && explorer.query === '') {
		return <EmptyScreen folders={services.searchFolders()} size={size}/>;
	}

	return <ExplorerScreen explorer={explorer} catalog={catalog} scan={scan.view} check={check.view} size={size} now={now}/>;
}
