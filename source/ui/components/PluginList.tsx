import {Box, Text} from 'ink';
import type {ExplorerItem} from '../model/grouped-rows.js';
import {listColumns} from '../model/columns.js';
import {cell} from '../model/format.js';
import type {ListView} from '../model/navigation.js';
import {visibleRange} from '../model/navigation.js';
import {useTheme} from '../hooks/use-theme.js';
import {PluginRow} from './PluginRow.js';

/** Props of the explorer list. */
export type PluginListProps = {
	items: readonly ExplorerItem[];
	/** One row per plugin group, with its formats (a wider format column). */
	grouped?: boolean;
	view: ListView;
	/** Rows for plugins (the header line comes on top). */
	height: number;
	width: number;
};

/** The column header and the visible window of plugins (only those rows are rendered). */
export function PluginList({items, view, height, width, grouped = false}: PluginListProps) {
	const theme = useTheme();
	const columns = listColumns(width, grouped);
	const [start, end] = visibleRange(view, items.length, height);
	const header = cell('', columns.mark) + cell('Name', columns.name) + ' ' + cell('Vendor', columns.vendor) + ' '
		+ cell(grouped ? 'Formats' : 'Format', columns.format) + (columns.category > 0 ? ' ' + cell('Category', columns.category) : '');
	return (
		<Box flexDirection="column" width={width} height={height + 1}>
			<Text bold color={theme.text.accent} wrap="truncate">{header}</Text>
			{items.slice(start, end).map((summary, i) => (
				<PluginRow key={summary.id} summary={summary} selected={start + i === view.cursor} columns={columns} theme={theme}/>
			))}
		</Box>
	);
}
