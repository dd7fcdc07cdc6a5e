import {Box, Text} from 'ink';
import {useTheme} from '../hooks/use-theme.js';
import {ago, cell, count} from '../model/format.js';
import {isRunning, progressRatio, type ScanView} from '../model/scan-state.js';

/** Props of the status bar. */
export type StatusBarProps = {
	/** What the left side says first (counts, screen name). */
	left: string;
	/** When the last scan finished (ISO). */
	lastScanAt: string | undefined;
	scan: ScanView | undefined;
	width: number;
	now: number;
};

/** The status line: counts and filter on the left; scan state or last scan time on the right. */
export function StatusBar({left, lastScanAt, scan, width, now}: StatusBarProps) {
	const theme = useTheme();
	const running = isRunning(scan);
	const right = running
		? `scanning ${Math.round(progressRatio(scan!) * 100)}% (${count(scan!.done)}/${count(scan!.total)})`
		: scan?.phase === 'finished' ? `scan done, ${count(scan.plugins)} plugins probed`
			: lastScanAt ? `last scan ${ago(lastScanAt, now)}` : 'never scanned';
	return (
		<Box width={width}>
			<Text inverse={!theme.color} backgroundColor={theme.ui.barBackground} color={theme.ui.barText}>{cell(' ' + left, Math.max(0, width - right.length - 2), theme.glyph.ellipsis)}</Text>
			<Box flexShrink={0}><Text inverse={!theme.color} backgroundColor={running ? theme.ui.busyBackground : theme.ui.barBackground} color={running ? theme.ui.busyText : theme.ui.barText}>{' ' + right + ' '}</Text></Box>
		</Box>
	);
}
