import {memo} from 'react';
import {Text} from 'ink';
import {useTheme} from '../hooks/use-theme.js';
import type {CommandName} from '../keys/commands.js';
import {primaryKey} from '../keys/commands.js';

/** One hint: a command and the word shown after its key. */
export type Hint = [command: CommandName, label: string];

/** Props of the key hints line. */
export type KeyHintsProps = {hints: Hint[]};

/** The bottom line: each hint's key (from the command table) and a word, truncated to the width. Memoised. */
export const KeyHints = memo(function KeyHints({hints}: KeyHintsProps) {
	const theme = useTheme();
	return (
		<Text wrap="truncate">
			{hints.map(([command, label], i) => (
				<Text key={command}>
					{i > 0 ? '  ' : ''}
					<Text color={theme.text.link} bold>{primaryKey(command, theme.unicode)}</Text>
					<Text color={theme.text.secondary}>{' ' + label}</Text>
				</Text>
			))}
		</Text>
	);
});
