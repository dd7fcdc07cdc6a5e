import {Box, Text} from 'ink';
import {useTheme} from '../hooks/use-theme.js';
import {cell, count} from '../model/format.js';
import type {Theme} from '../theme.js';

/** One bar of a chart. */
export type Bar = {label: string; value: number; color?: string | undefined};

/** Props of a horizontal bar chart. */
export type BarChartProps = {
	title: string;
	bars: Bar[];
	width: number;
};

/** A bar of `value / max` of `width` columns, with eighth-blocks for the remainder (ASCII: whole blocks). */
export function barText(value: number, max: number, width: number, theme: Theme): string {
	if (max <= 0 || width <= 0) {
		return '';
	}

	const eighths = Math.round((value / max) * width * 8);
	const full = Math.floor(eighths / 8);
	const partial = theme.glyph.barPartial[(eighths % 8) - 1] ?? '';
	const bar = theme.glyph.barFull.repeat(full) + partial;
	return bar === '' && value > 0 ? (theme.glyph.barPartial[0] ?? theme.glyph.barFull) : bar;
}

/** A titled chart: label, bar and count per row, bars scaled to the largest value. */
export function BarChart({title, bars, width}: BarChartProps) {
	const theme = useTheme();
	const labelWidth = Math.min(18, Math.max(6, ...bars.map(bar => [...bar.label].length)));
	const numberWidth = Math.max(3, ...bars.map(bar => count(bar.value).length));
	const barWidth = Math.max(4, width - labelWidth - numberWidth - 2);
	const max = Math.max(0, ...bars.map(bar => bar.value));
	return (
		<Box flexDirection="column" width={width}>
			<Text bold color={theme.text.accent}>{title}</Text>
			{bars.length === 0 ? <Text color={theme.text.secondary}>nothing yet</Text> : null}
			{bars.map(bar => (
				<Text key={bar.label} wrap="truncate">
					{cell(bar.label, labelWidth, theme.glyph.ellipsis)}
					{' '}
					<Text color={bar.color ?? theme.ui.bar}>{cell(barText(bar.value, max, barWidth, theme), barWidth)}</Text>
					{' '}
					{count(bar.value).padStart(numberWidth)}
				</Text>
			))}
		</Box>
	);
}
