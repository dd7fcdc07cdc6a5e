import {Box, Text} from 'ink';
import type {PluginRecord, PluginSummary} from '../../catalog/plugin.js';
import {useTheme} from '../hooks/use-theme.js';
import {healthText, ioText, rangeText} from '../model/describe.js';
import {cell} from '../model/format.js';

/** Props of the details pane beside the list. */
export type DetailsPaneProps = {
	summary: PluginSummary | undefined;
	/** The full record once loaded (for the parameter preview). */
	record: PluginRecord | undefined;
	width: number;
	height: number;
};

/** A short description of the selected plugin and the first parameters, beside the list on wide terminals. */
export function DetailsPane({summary, record, width, height}: DetailsPaneProps) {
	const theme = useTheme();
	const inner = width - 3;
	if (!summary) {
		return <Box width={width} height={height} borderStyle={theme.glyph.border} borderColor={theme.ui.border}/>;
	}

	const line = (label: string, value: string) => (
		<Text wrap="truncate"><Text color={theme.text.secondary}>{label.padEnd(9)}</Text>{value}</Text>
	);
	const fixed = 10;
	const parameters = (record?.parameters ?? []).slice(0, Math.max(0, height - 2 - fixed - 1));
	return (
		<Box flexDirection="column" width={width} height={height} borderStyle={theme.glyph.border} borderColor={theme.ui.border} paddingX={1} overflow="hidden">
			<Text bold color={theme.text.accent} wrap="truncate">{(summary.favorite ? theme.glyph.favorite + ' ' : '') + summary.name}</Text>
			{line('vendor', summary.vendor || '—')}
			{line('format', `${summary.format}  ${summary.version ? 'v' + summary.version : ''}`)}
			{line('category', `${summary.category} (${summary.categorySource})`)}
			{line('ports', ioText(summary, theme.glyph.arrow))}
			{line('params', `${summary.parameterCount}${record ? ` · presets ${record.presets.length}` : ''}`)}
			{line('status', summary.status + (summary.error ? ': ' + summary.error : ''))}
			{line('health', healthText(summary, theme.glyph.separator))}
			{line('path', summary.path)}
			<Text color={theme.text.secondary} wrap="truncate">{theme.glyph.enter} for every parameter</Text>
			{parameters.map(parameter => (
				<Text key={parameter.index} wrap="truncate">
					{cell(parameter.name, Math.max(8, inner - 24), theme.glyph.ellipsis)}
					<Text color={theme.text.secondary}>{' ' + cell(rangeText(parameter), 22, theme.glyph.ellipsis)}</Text>
				</Text>
			))}
		</Box>
	);
}
