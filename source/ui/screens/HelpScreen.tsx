import {Box, Text} from 'ink';
import {KeyHints} from '../components/KeyHints.js';
import {useTheme} from '../hooks/use-theme.js';
import type {TerminalSize} from '../hooks/use-terminal-size.js';
import {cell} from '../model/format.js';
import {helpLines} from '../model/help.js';

/** Props of the help screen. */
export type HelpScreenProps = {
	/** Lines scrolled down. */
	scroll: number;
	size: TerminalSize;
};

/** Every key, grouped, from the command table; then the filter's query language. Scrolls when needed. */
export function HelpScreen({scroll, size}: HelpScreenProps) {
	const theme = useTheme();
	const lines = helpLines(theme.unicode);
	const height = size.rows - 2;
	return (
		<Box flexDirection="column" width={size.columns} height={size.rows}>
			<Text bold color={theme.text.accent}>pluginary {theme.glyph.separator} keys</Text>
			<Box flexDirection="column" height={height} overflow="hidden">
				{lines.slice(scroll, scroll + height).map((line, i) => {
					if (line.kind === 'heading') {
						return <Text key={i} bold color={theme.text.accent}>{line.text}</Text>;
					}

					if (line.kind === 'text') {
						return <Text key={i} wrap="truncate">{'  ' + line.text}</Text>;
					}

					return <Text key={i} wrap="truncate">{'  '}<Text bold color={theme.text.link}>{cell(line.keys, 16)}</Text>{line.text}</Text>;
				})}
			</Box>
			<KeyHints hints={[['nav.back', 'back'], ['cursor.down', 'scroll'], ['app.quit', 'quit']]}/>
		</Box>
	);
}

/** Lines of help content (for limiting the scroll). */
export function helpLineCount(): number {
	return helpLines(true).length;
}
