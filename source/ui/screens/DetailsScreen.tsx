import {Box, Text} from 'ink';
import {KeyHints} from '../components/KeyHints.js';
import {ParameterTable} from '../components/ParameterTable.js';
import {StatusBar} from '../components/StatusBar.js';
import {parameterRows, type DetailsState} from '../hooks/use-details.js';
import {useTheme} from '../hooks/use-theme.js';
import type {TerminalSize} from '../hooks/use-terminal-size.js';
import {healthState, isBroken} from '../../catalog/health.js';
import {healthText, ioText} from '../model/describe.js';
import {ago} from '../model/format.js';
import type {CheckView} from '../model/check-state.js';
import type {ScanView} from '../model/scan-state.js';

/** Props of the details screen. */
export type DetailsScreenProps = {
	details: DetailsState;
	scan: ScanView | undefined;
	/** The running or last health check. */
	check?: CheckView | undefined;
	lastScanAt: string | undefined;
	size: TerminalSize;
	now: number;
};

/** One plugin: identity, path, status, ports, presets, duplicates, and every parameter in a scrolling table. */
export function DetailsScreen({details, scan, check, lastScanAt, size, now}: DetailsScreenProps) {
	const theme = useTheme();
	const {record, nav, otherFormats} = details;
	if (!record) {
		return (
			<Box flexDirection="column" width={size.columns} height={size.rows}>
				<Box flexGrow={1}><Text color={theme.status.warning}>This plugin is no longer in the catalog (a scan removed it).</Text></Box>
				<KeyHints hints={[['nav.back', 'back'], ['app.quit', 'quit']]}/>
			</Box>
		);
	}

	const label = (text: string) => <Text color={theme.text.secondary}>{text.padEnd(10)}</Text>;
	const presets = record.presets.length === 0 ? 'none' : `${record.presets.length}: ` + record.presets.map(preset => preset.name + (preset.source === 'user' ? ' (user)' : '')).join(', ');
	const others = [
		...otherFormats.map(other => `${other.format} ${other.name}`),
		...(record.duplicates ?? []).map(path => `shadowed copy ${path}`),
	];
	const statusColor = record.status === 'ok' ? theme.status.ok : record.status === 'imported' ? theme.text.secondary : theme.status.error;
	const health = healthState(record);
	const healthColor = health === 'ok' ? theme.status.ok : isBroken(health) ? theme.status.error : theme.text.secondary;
	const position = record.parameters.length > 0 ? `parameter ${nav.cursor + 1}/${record.parameters.length}` : 'no parameters';
	return (
		<Box flexDirection="column" width={size.columns} height={size.rows}>
			<Text wrap="truncate">
				<Text bold color={theme.text.accent}>{(record.favorite ? theme.glyph.favorite + ' ' : '') + record.name}</Text>
				<Text color={theme.text.secondary}>{`  ${record.vendor || 'unknown vendor'}${record.version ? ' v' + record.version : ''}  `}</Text>
				<Text color={theme.format[record.format]}>{record.format}</Text>
				<Text color={theme.text.secondary}>{`  ${record.category} (${record.categorySource}${record.rawCategory ? ': ' + record.rawCategory : ''})`}</Text>
			</Text>
			<Text wrap="truncate">{label('id')}{record.id}</Text>
			<Text wrap="truncate">{label('path')}{record.path}</Text>
			<Text wrap="truncate">{label('status')}<Text color={statusColor}>{record.status}</Text>{record.error ? ': ' + record.error : ''}<Text color={theme.text.secondary}>{`  scanned ${ago(record.scannedAt, now)}`}</Text></Text>
			<Text wrap="truncate">{label('health')}<Text color={healthColor}>{healthText(record, theme.glyph.separator)}</Text>{record.checkedAt ? <Text color={theme.text.secondary}>{`  checked ${ago(record.checkedAt, now)}`}</Text> : <Text color={theme.text.secondary}>{'  c checks it'}</Text>}</Text>
			<Text wrap="truncate">{label('ports')}{ioText(record, theme.glyph.arrow)}{record.isInstrument ? '  instrument' : '  effect'}{record.tags.length ? `  tags: ${record.tags.join(', ')}` : ''}</Text>
			<Text wrap="truncate">{label('presets')}{presets}</Text>
			<Text wrap="truncate">{label('also as')}{others.length === 0 ? <Text color={theme.text.secondary}>no other format or copy</Text> : others.join(theme.unicode ? '  ·  ' : '  |  ')}</Text>
			<Box marginTop={0}>
				<ParameterTable parameters={record.parameters} view={nav} height={parameterRows(size.rows)} width={size.columns}/>
			</Box>
			<StatusBar left={`${record.name} ${theme.glyph.separator} ${position}`} lastScanAt={lastScanAt} scan={scan} check={check} width={size.columns} now={now}/>
			<KeyHints hints={[['cursor.down', 'scroll'], ['cursor.pageDown', 'page'], ['nav.back', 'back'], ['plugin.favorite', 'fav'], ['check.selected', 'check'], ['scan.incremental', 'scan'], ['app.quit', 'quit']]}/>
		</Box>
	);
}
