import {Box, Text} from 'ink';
import type {Parameter} from '../../catalog/plugin.js';
import {useTheme} from '../hooks/use-theme.js';
import {rangeTexts, typeText, valuesText} from '../model/describe.js';
import {cell} from '../model/format.js';
import {visibleRange, type ListView} from '../model/navigation.js';

/** Props of the parameter table. */
export type ParameterTableProps = {
	parameters: readonly Parameter[];
	view: ListView;
	/** Rows for parameters (the header comes on top). */
	height: number;
	width: number;
};

/** Every parameter in a scrolled window: index, name, type, min, default, max, units, enum values. */
export function ParameterTable({parameters, view, height, width}: ParameterTableProps) {
	const theme = useTheme();
	const fixed = 4 + 5 + 9 + 9 + 9 + 6 + 7;
	const flexible = Math.max(16, width - fixed);
	const nameWidth = Math.ceil(flexible * 0.55);
	const valuesWidth = flexible - nameWidth;
	const e = theme.glyph.ellipsis;
	const row = (cells: string[]): string => cells.join(' ');
	const header = row([cell('#', 4, e, 'right'), cell('Name', nameWidth), cell('Type', 5), cell('Min', 9, e, 'right'),
		cell('Default', 9, e, 'right'), cell('Max', 9, e, 'right'), cell('Units', 6), cell('Values', valuesWidth)]);
	const [start, end] = visibleRange(view, parameters.length, height);
	return (
		<Box flexDirection="column" width={width} height={height + 1}>
			<Text bold color={theme.text.accent} wrap="truncate">{header}</Text>
			{parameters.length === 0 ? <Text color={theme.text.secondary}>This plugin has no parameters.</Text> : null}
			{parameters.slice(start, end).map((parameter, i) => {
				const range = rangeTexts(parameter);
				return (
					<Text key={parameter.index} inverse={start + i === view.cursor} wrap="truncate" color={parameter.isOutput ? theme.text.secondary : theme.text.primary}>
						{row([cell(String(parameter.index), 4, e, 'right'), cell(parameter.name, nameWidth, e), cell(typeText(parameter), 5, e),
							cell(range.min, 9, e, 'right'), cell(range.default, 9, e, 'right'), cell(range.max, 9, e, 'right'),
							cell(parameter.units, 6, e), cell(valuesText(parameter), valuesWidth, e)])}
					</Text>
				);
			})}
		</Box>
	);
}
