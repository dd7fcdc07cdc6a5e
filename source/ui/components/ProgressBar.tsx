import {Text} from 'ink';
import {useTheme} from '../hooks/use-theme.js';
import {barText} from './BarChart.js';

/** Props of a progress bar. */
export type ProgressBarProps = {
	/** Done share, 0..1. */
	ratio: number;
	width: number;
	/** Text after the bar ("45/171 files 26%"). */
	label: string;
};

/** `███████░░░░░ 45/171 files 26%`: the bar takes the width the label leaves. */
export function ProgressBar({ratio, width, label}: ProgressBarProps) {
	const theme = useTheme();
	const barWidth = Math.max(10, width - label.length - 1);
	const filled = barText(ratio, 1, barWidth, theme);
	const rest = Math.max(0, barWidth - [...filled].length);
	return (
		<Text wrap="truncate">
			<Text color={theme.ui.bar}>{filled}</Text>
			<Text color={theme.text.secondary}>{theme.glyph.barEmpty.repeat(rest)}</Text>
			{' ' + label}
		</Text>
	);
}
