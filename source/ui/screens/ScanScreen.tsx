import {Box, Text} from 'ink';
import {Busy} from '../components/Busy.js';
import {KeyHints, type Hint} from '../components/KeyHints.js';
import {ProgressBar} from '../components/ProgressBar.js';
import {StatusBar} from '../components/StatusBar.js';
import {useTheme} from '../hooks/use-theme.js';
import type {TerminalSize} from '../hooks/use-terminal-size.js';
import {cell, clock, count, duration} from '../model/format.js';
import {isRunning, progressRatio, workerNote, type ScanView} from '../model/scan-state.js';
import {countColumns, diffLines, unchangedText} from '../model/scan-report.js';

/** Props of the scan dashboard. */
export type ScanScreenProps = {
	scan: ScanView;
	lastScanAt: string | undefined;
	size: TerminalSize;
	now: number;
};

/** The live scan: progress, speed, ETA, counts per format, each worker's file, failures, and the diff at the end. */
export function ScanScreen({scan, lastScanAt, size, now}: ScanScreenProps) {
	const theme = useTheme();
	const running = isRunning(scan);
	const width = size.columns;
	const ratio = progressRatio(scan);
	const elapsed = ((scan.summary?.durationMs ?? now - scan.startedAt) / 1000);
	const title = `${scan.full ? 'Full rescan' : 'Scan'} ${theme.glyph.separator} ${running ? (scan.phase === 'starting' ? 'looking for plugin files' + theme.glyph.ellipsis : 'running') : scan.phase === 'failed' ? 'could not run' : scan.summary?.interrupted ? 'stopped' : 'finished'} ${theme.glyph.separator} ${clock(elapsed)}`;
	const columns = countColumns(scan);
	const workers = Object.entries(scan.workers).sort((a, b) => Number(a[0]) - Number(b[0]));
	const fixed = 3 + 1 + (columns.formats.length + 1) + 1 + (running ? workers.length + 1 : 0) + 2;
	const room = Math.max(2, size.rows - fixed - 2);
	const diff = scan.summary ? diffLines(scan.summary.diff, room, theme.glyph.separator, theme.glyph.ellipsis) : [];
	const unchanged = unchangedText(scan);
	const failureRoom = Math.max(1, room - diff.length - (scan.summary ? 1 : 0));
	const hints: Hint[] = running
		? [['nav.back', 'browse (scan keeps going)'], ['scan.cancel', 'stop'], ['app.quit', 'quit']]
		: [['nav.back', 'back to the list'], ['scan.incremental', 'scan again'], ['scan.full', 'full rescan'], ['app.quit', 'quit']];
	return (
		<Box flexDirection="column" width={width} height={size.rows}>
			<Box flexDirection="column" flexGrow={1} overflow="hidden">
				<Box>
					{scan.phase === 'starting' ? <Busy/> : null}
					<Text bold color={theme.text.accent} wrap="truncate">{title}</Text>
				</Box>
				<ProgressBar ratio={ratio} width={width} label={`${count(scan.done)}/${count(scan.total)} files ${Math.round(ratio * 100)}%`}/>
				<Text wrap="truncate">
					{`${count(scan.plugins)} plugins ${theme.glyph.separator} ${scan.pluginsPerSecond.toFixed(1)} plugins/s ${theme.glyph.separator} `}
					{running ? (scan.etaSeconds === undefined ? 'estimating time left' : `ETA ${clock(scan.etaSeconds)}`) : `took ${duration(scan.summary?.durationMs ?? 0)}`}
					{unchanged ? ` ${theme.glyph.separator} ${unchanged}` : ''}
				</Text>
				{scan.error ? <Text color={theme.status.error} wrap="wrap">{scan.error}</Text> : null}
				<Text> </Text>
				<Text bold color={theme.text.secondary} wrap="truncate">{cell('format', 8) + columns.statuses.map(status => cell(status, 12, '…', 'right')).join('')}</Text>
				{columns.formats.map(format => (
					<Text key={format} wrap="truncate">
						<Text color={theme.format[format]}>{cell(format, 8)}</Text>
						{columns.statuses.map(status => cell(count(scan.counts[format]?.[status] ?? 0), 12, '…', 'right')).join('')}
					</Text>
				))}
				{running ? <Text bold color={theme.text.secondary}>{'\n'}Probing now</Text> : null}
				{running ? workers.map(([worker, file]) => (
					<Text key={worker} wrap="truncate">{`  ${worker.padStart(2)} `}<Text color={theme.format[file.format]}>{cell(file.format, 7)}</Text>{file.path}<Text color={theme.text.secondary}>{workerNote(file, now, theme.glyph.separator)}</Text></Text>
				)) : null}
				{scan.summary ? <Text bold color={theme.text.accent}>{'\n'}Changes</Text> : null}
				{diff.map(line => <Text key={line} wrap="truncate">{line}</Text>)}
				<Text bold color={scan.failures.length > 0 ? theme.status.error : theme.text.secondary}>{'\n'}{`Failures (${scan.failures.length})`}</Text>
				{scan.failures.slice(-failureRoom).map(failure => (
					<Text key={failure.path} wrap="truncate">
						<Text color={theme.status.error}>{cell(failure.status, 12)}</Text>
						{failure.path}
						<Text color={theme.text.secondary}>{failure.error ? ` ${theme.glyph.separator} ${failure.error}` : ''}</Text>
					</Text>
				))}
			</Box>
			<StatusBar left={scan.warnings.at(-1) ?? 'Scan dashboard'} lastScanAt={lastScanAt} scan={scan} width={width} now={now}/>
			<KeyHints hints={hints}/>
		</Box>
	);
}
