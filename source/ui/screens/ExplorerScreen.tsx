import {useDeferredValue} from 'react';
import {Box, Text} from 'ink';
import {DetailsPane} from '../components/DetailsPane.js';
import {FilterLine} from '../components/FilterLine.js';
import {KeyHints, type Hint} from '../components/KeyHints.js';
import {PluginList} from '../components/PluginList.js';
import {StatusBar} from '../components/StatusBar.js';
import type {CatalogApi} from '../hooks/use-catalog.js';
import type {ExplorerState} from '../hooks/use-explorer.js';
import {usePluginRecord} from '../hooks/use-plugin-record.js';
import {useTheme} from '../hooks/use-theme.js';
import type {TerminalSize} from '../hooks/use-terminal-size.js';
import {paneWidth} from '../model/columns.js';
import {filterMessage, listHeightFor, statusText} from '../model/filter.js';
import type {CheckView} from '../model/check-state.js';
import type {ScanView} from '../model/scan-state.js';
import {sortLabel} from '../model/sort.js';

/** Props of the explorer screen. */
export type ExplorerScreenProps = {
	explorer: ExplorerState;
	catalog: CatalogApi;
	scan: ScanView | undefined;
	/** The running or last health check. */
	check?: CheckView | undefined;
	size: TerminalSize;
	now: number;
};

const browsingHints: Hint[] = [['filter.focus', 'filter'], ['nav.open', 'details'], ['plugin.favorite', 'fav'], ['list.sort', 'sort'], ['list.view', 'view'],
	['check.selected', 'check'], ['scan.incremental', 'scan'], ['screen.stats', 'stats'], ['screen.help', 'help'], ['app.quit', 'quit']];
const typingHints: Hint[] = [['nav.open', 'keep filter'], ['nav.back', 'clear'], ['cursor.up', 'move'], ['app.interrupt', 'quit']];

/** The explorer: filter line, the plugin list (with a details pane when wide), status bar and key hints. */
export function ExplorerScreen({explorer, catalog, scan, check, size, now}: ExplorerScreenProps) {
	const theme = useTheme();
	const {result, nav, query} = explorer;
	const message = filterMessage(result);
	const height = listHeightFor(size.rows, message !== undefined);
	const pane = paneWidth(size.columns);
	const listWidth = size.columns - pane - (pane > 0 ? 1 : 0);
	const paneId = useDeferredValue(pane > 0 ? explorer.selected?.id : undefined);
	const record = usePluginRecord(paneId, catalog.revision);
	const left = statusText(explorer.rows.length, explorer.total, explorer.shownQuery, theme.glyph.separator, explorer.grouped);
	return (
		<Box flexDirection="column" width={size.columns} height={size.rows}>
			<FilterLine query={query} focused={explorer.focused} sort={sortLabel(explorer.sort, result.hasWords)} width={size.columns} indexing={catalog.index === undefined}
				onChange={explorer.editQuery} onSubmit={explorer.submitQuery} link={explorer.field} fieldKey={explorer.fieldKey}/>
			{message ? <Text color={message.error ? theme.status.error : theme.status.warning} wrap="truncate">{(message.error ? theme.glyph.error + ' ' : '') + message.text}</Text> : null}
			<Box flexDirection="row" height={height + 1}>
				{explorer.rows.length === 0 && !message?.error
					? <Box width={listWidth} height={height + 1}><Text color={theme.text.secondary}>{catalog.complete ? 'No plugin matches the filter.' : 'Loading' + theme.glyph.ellipsis}</Text></Box>
					: <PluginList items={explorer.rows} view={nav} height={height} width={listWidth} grouped={explorer.grouped}/>}
				{pane > 0 ? <Box marginLeft={1}><DetailsPane summary={explorer.selected} record={record?.id === explorer.selected?.id ? record : undefined} width={pane} height={height + 1}/></Box> : null}
			</Box>
			<StatusBar left={left} lastScanAt={catalog.lastScanAt} scan={scan} check={check} width={size.columns} now={now}/>
			<KeyHints hints={explorer.focused ? typingHints : browsingHints}/>
		</Box>
	);
}
