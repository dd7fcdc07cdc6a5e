import {memo} from 'react';
import {Text} from 'ink';
import type {PluginSummary} from '../../catalog/plugin.js';
import type {ListColumns} from '../model/columns.js';
import {cell} from '../model/format.js';
import type {Theme} from '../theme.js';

/** Props of one list row. */
export type PluginRowProps = {
	summary: PluginSummary;
	selected: boolean;
	columns: ListColumns;
	theme: Theme;
};

/** One plugin in the explorer list: favourite mark, name, vendor, format, category. Memoised. */
export const PluginRow = memo(function PluginRow({summary, selected, columns, theme}: PluginRowProps) {
	const {ellipsis} = theme.glyph;
	const mark = summary.favorite ? theme.glyph.favorite : ' ';
	const dim = summary.status !== 'ok' && summary.status !== 'imported';
	return (
		<Text inverse={selected} wrap="truncate">
			<Text color={theme.ui.favorite}>{cell(mark, columns.mark)}</Text>
			<Text bold={selected} color={dim ? theme.status.warning : theme.text.primary}>{cell(summary.name, columns.name, ellipsis)}</Text>
			{' '}
			<Text color={theme.text.secondary}>{cell(summary.vendor, columns.vendor, ellipsis)}</Text>
			{' '}
			<Text color={theme.format[summary.format]}>{cell(summary.format, columns.format, ellipsis)}</Text>
			{columns.category > 0 ? ' ' : ''}
			{columns.category > 0 ? <Text color={theme.text.secondary}>{cell(summary.category, columns.category, ellipsis)}</Text> : null}
		</Text>
	);
});
