import {Box, Text} from 'ink';
import {KeyHints} from '../components/KeyHints.js';
import {useTheme} from '../hooks/use-theme.js';
import type {TerminalSize} from '../hooks/use-terminal-size.js';
import type {FormatFolders} from '../services.js';

/** Props of the empty-catalog screen. */
export type EmptyScreenProps = {
	folders: FormatFolders[];
	size: TerminalSize;
};

/** Shown when the catalog is empty: which folders a scan searches, and to press r. */
export function EmptyScreen({folders, size}: EmptyScreenProps) {
	const theme = useTheme();
	return (
		<Box flexDirection="column" width={size.columns} height={size.rows}>
			<Box flexDirection="column" flexGrow={1} paddingX={2} paddingY={1} overflow="hidden">
				<Text bold color={theme.text.accent}>No plugins in the catalog yet.</Text>
				<Text> </Text>
				<Text>A scan looks for plugins in these folders:</Text>
				{folders.map(({format, folders: list}) => (
					<Text key={format} wrap="truncate">
						<Text color={theme.format[format]}>{'  ' + format.padEnd(7)}</Text>
						<Text color={theme.text.secondary}>{list.join('  ')}</Text>
					</Text>
				))}
				<Text> </Text>
				<Text>Press <Text bold color={theme.text.link}>r</Text> to scan them now (usually a few seconds), or <Text bold color={theme.text.link}>q</Text> to quit.</Text>
				<Text color={theme.text.secondary} wrap="truncate">Set LV2_PATH, LADSPA_PATH, VST_PATH, VST3_PATH or CLAP_PATH to search elsewhere.</Text>
			</Box>
			<KeyHints hints={[['scan.incremental', 'scan'], ['screen.help', 'help'], ['app.quit', 'quit']]}/>
		</Box>
	);
}
