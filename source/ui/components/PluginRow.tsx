import {memo} from 'react';
import {Box, Text} from 'ink';
import {healthState, isBroken} from '../../catalog/health.js';
import type {ListColumns} from '../model/columns.js';
import {cell} from '../model/format.js';
import {formatCells, type ExplorerItem} from '../model/grouped-rows.js';
import type {Theme} from '../theme.js';

/** Props of one list row. */
export type PluginRowProps = {
	summary: ExplorerItem;
	selected: boolean;
	columns: ListColumns;
	theme: Theme;
};

/**
 * One plugin in the explorer list: favourite and broken marks, name, vendor, format, category. A
 * plugin whose health check found it broken has the broken glyph (first in the mark column, or
 * after the favourite star) and its name in the error colour. Memoised.
 * The selected row is one padded line (its highlight spans the row); the others place each
 * column in its own box, so Ink draws only the text and not the padding (every character drawn
 * costs Ink work on every frame).
 */
export const PluginRow = memo(function PluginRow({summary, selected, columns, theme}: PluginRowProps) {
	const {ellipsis} = theme.glyph;
	const broken = isBroken(healthState(summary));
	const star = summary.favorite ? theme.glyph.favorite : '';
	const cross = broken ? theme.glyph.broken : '';
	const dim = summary.status !== 'ok' && summary.status !== 'imported';
	const nameColor = broken ? theme.status.error : dim ? theme.status.warning : theme.text.primary;
	if (selected) {
		return (
			<Text inverse wrap="truncate">
				<Text color={theme.ui.favorite}>{star}</Text>
				<Text color={theme.status.error}>{cross}</Text>
				{cell('', columns.mark - [...star, ...cross].length)}
				<Text bold color={nameColor}>{cell(summary.name, columns.name, ellipsis)}</Text>
				{' '}
				<Text color={theme.text.secondary}>{cell(summary.vendor, columns.vendor, ellipsis)}</Text>
				{' '}
				<Formats summary={summary} width={columns.format} theme={theme}/>
				{columns.category > 0 ? ' ' : ''}
				{columns.category > 0 ? <Text color={theme.text.secondary}>{cell(summary.category, columns.category, ellipsis)}</Text> : null}
			</Text>
		);
	}

	const column = (text: string, width: number, color: string | undefined, gap = 1) => (
		<Box width={width + gap} flexShrink={0}><Text color={color} wrap="truncate">{cell(text, width, ellipsis).trimEnd()}</Text></Box>
	);
	return (
		<Box height={1}>
			<Box width={columns.mark} flexShrink={0}>
				{star ? <Text color={theme.ui.favorite}>{star}</Text> : null}
				{cross ? <Text color={theme.status.error}>{cross}</Text> : null}
			</Box>
			{column(summary.name, columns.name, nameColor)}
			{column(summary.vendor, columns.vendor, theme.text.secondary)}
			{summary.formats
				? <Box width={columns.format + (columns.category > 0 ? 1 : 0)} flexShrink={0}><Formats summary={summary} width={columns.format} theme={theme} trim/></Box>
				: column(summary.format, columns.format, theme.format[summary.format], columns.category > 0 ? 1 : 0)}
			{columns.category > 0 ? column(summary.category, columns.category, theme.text.secondary, 0) : null}
		</Box>
	);
});

/** The format cell: the plugin's format, or a group row's formats with the ones filtered out or hidden dimmed. */
function Formats({summary, width, theme, trim = false}: {summary: ExplorerItem; width: number; theme: Theme; trim?: boolean}) {
	if (!summary.formats) {
		return <Text color={theme.format[summary.format]}>{cell(summary.format, width, theme.glyph.ellipsis)}</Text>;
	}

	const cells = formatCells(summary.formats, width, theme.glyph.ellipsis);
	const used = cells.reduce((total, each) => total + each.text.length, 0);
	return (
		<Text wrap="truncate">
			{cells.map(each => (
				<Text key={each.format + each.text} color={each.shown ? theme.format[each.format] : theme.text.secondary} dimColor={!each.shown}>{each.text}</Text>
			))}
			{trim ? '' : ' '.repeat(Math.max(0, width - used))}
		</Text>
	);
}
