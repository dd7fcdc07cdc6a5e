import {Box, Text} from 'ink';
import {BarChart} from '../components/BarChart.js';
import {KeyHints} from '../components/KeyHints.js';
import {StatusBar} from '../components/StatusBar.js';
import {useTheme} from '../hooks/use-theme.js';
import type {TerminalSize} from '../hooks/use-terminal-size.js';
import {cell, count, duration} from '../model/format.js';
import type {ScanView} from '../model/scan-state.js';
import type {StatsData} from '../model/stats.js';

/** Props of the stats screen. */
export type StatsScreenProps = {
	data: StatsData;
	/** Lines scrolled down. */
	scroll: number;
	scan: ScanView | undefined;
	lastScanAt: string | undefined;
	size: TerminalSize;
	now: number;
};

/** Bar charts per format, category and top vendors, and the last scans; scrolls when it does not fit. */
export function StatsScreen({data, scroll, scan, lastScanAt, size, now}: StatsScreenProps) {
	const theme = useTheme();
	const {stats, scans, vendors} = data;
	const half = Math.floor((size.columns - 3) / 2);
	const height = size.rows - 2;
	return (
		<Box flexDirection="column" width={size.columns} height={size.rows}>
			<Box flexDirection="column" height={height} overflow="hidden">
				<Box flexDirection="column" marginTop={-scroll} flexShrink={0}>
					<Text bold>{`${count(stats.plugins)} plugins in ${count(stats.groups)} groups ${theme.glyph.separator} ${count(stats.parameters)} parameters ${theme.glyph.separator} ${count(stats.blacklisted)} blacklisted files`}</Text>
					<Box flexDirection="row" marginTop={1}>
						<Box flexDirection="column" width={half} marginRight={3}>
							<BarChart title="Plugins per format" width={half} bars={Object.entries(stats.byFormat).map(([label, value]) => ({label, value, color: theme.format[label]}))}/>
							<Box marginTop={1}>
								<BarChart title="Top 10 vendors" width={half} bars={vendors.map(([label, value]) => ({label, value}))}/>
							</Box>
						</Box>
						<BarChart title="Plugins per category" width={half} bars={Object.entries(stats.byCategory).map(([label, value]) => ({label, value}))}/>
					</Box>
					<Box flexDirection="column" marginTop={1}>
						<Text bold color={theme.text.accent}>Last scans</Text>
						{scans.length === 0 ? <Text color={theme.text.secondary}>No scan yet; press r.</Text> : null}
						{scans.length > 0 ? <Text color={theme.text.secondary}>{cell('Started', 17) + cell('State', 12) + cell('Duration', 11, '…', 'right') + cell('Plugins/s', 11, '…', 'right') + cell('New', 7, '…', 'right') + cell('Changed', 9, '…', 'right') + cell('Removed', 9, '…', 'right')}</Text> : null}
						{scans.map(run => (
							<Text key={run.id} wrap="truncate">
								{cell(run.startedAt.replace('T', ' ').slice(0, 16), 17) + cell(run.state, 12)
									+ cell(run.durationMs === null ? '—' : duration(run.durationMs), 11, '…', 'right')
									+ cell(run.pluginsPerSecond === null ? '—' : run.pluginsPerSecond.toFixed(1), 11, '…', 'right')
									+ cell(String(run.diff?.new ?? '—'), 7, '…', 'right') + cell(String(run.diff?.changed ?? '—'), 9, '…', 'right')
									+ cell(String(run.diff?.removed ?? '—'), 9, '…', 'right')}
							</Text>
						))}
					</Box>
				</Box>
			</Box>
			<StatusBar left="Statistics" lastScanAt={lastScanAt} scan={scan} width={size.columns} now={now}/>
			<KeyHints hints={[['cursor.down', 'scroll'], ['nav.back', 'back'], ['scan.incremental', 'scan'], ['screen.help', 'help'], ['app.quit', 'quit']]}/>
		</Box>
	);
}
