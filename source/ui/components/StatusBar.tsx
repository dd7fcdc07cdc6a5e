import {Box, Text} from 'ink';
import Spinner from 'ink-spinner';
import {useTheme} from '../hooks/use-theme.js';
import {checkRunning, checkStatusText, type CheckView} from '../model/check-state.js';
import {ago, cell, count} from '../model/format.js';
import {isRunning, progressRatio, type ScanView} from '../model/scan-state.js';

/** Props of the status bar. */
export type StatusBarProps = {
	/** What the left side says first (counts, screen name). */
	left: string;
	/** When the last scan finished (ISO). */
	lastScanAt: string | undefined;
	scan: ScanView | undefined;
	/** The running or last health check, when there was one. */
	check?: CheckView | undefined;
	width: number;
	now: number;
};

/**
 * The status line: counts and filter on the left; on the right a running check (with a spinner)
 * or scan, else the last check's tally or the last scan time.
 */
export function StatusBar({left, lastScanAt, scan, check, width, now}: StatusBarProps) {
	const theme = useTheme();
	const checking = checkRunning(check);
	const running = checking || isRunning(scan);
	const right = checking ? checkStatusText(check!)
		: isRunning(scan) ? `scanning ${Math.round(progressRatio(scan!) * 100)}% (${count(scan!.done)}/${count(scan!.total)})`
			: check ? checkStatusText(check)
				: scan?.phase === 'finished' ? `scan done, ${count(scan.plugins)} plugins probed`
					: lastScanAt ? `last scan ${ago(lastScanAt, now)}` : 'never scanned';
	const spinner = checking ? 2 : 0;
	const colors = {inverse: !theme.color, backgroundColor: running ? theme.ui.busyBackground : theme.ui.barBackground, color: running ? theme.ui.busyText : theme.ui.barText};
	return (
		<Box width={width}>
			<Text inverse={!theme.color} backgroundColor={theme.ui.barBackground} color={theme.ui.barText}>{cell(' ' + left, Math.max(0, width - right.length - 2 - spinner), theme.glyph.ellipsis)}</Text>
			<Box flexShrink={0}>
				{checking ? <Text {...colors}>{' '}<Spinner type={theme.unicode ? 'dots' : 'line'}/></Text> : null}
				<Text {...colors}>{' ' + right + ' '}</Text>
			</Box>
		</Box>
	);
}
