import {memo} from 'react';
import {Box, Text} from 'ink';
import {useTheme} from '../hooks/use-theme.js';
import {Busy} from './Busy.js';
import {cell} from '../model/format.js';

/** Props of the filter line. */
export type FilterLineProps = {
	query: string;
	/** True while typing goes to the filter. */
	focused: boolean;
	/** The sort, as its label. */
	sort: string;
	width: number;
	/** True until the search index is ready (free words then match word starts only). */
	indexing: boolean;
};

/** The filter line: `/ query` with a cursor while focused, a hint when empty, the sort on the right (after a spinner while the index builds). Memoised. */
export const FilterLine = memo(function FilterLine({query, focused, sort, width, indexing}: FilterLineProps) {
	const theme = useTheme();
	const right = `${indexing ? 'indexing' + theme.glyph.ellipsis + ' ' : ''}sort: ${sort}`;
	const room = Math.max(0, width - right.length - 3 - (indexing ? 2 : 0));
	const shown = [...query].length > room - 1 ? theme.glyph.ellipsis + [...query].slice(-(room - 2)).join('') : query;
	return (
		<Box width={width}>
			<Text color={focused ? theme.ui.focus : theme.text.secondary} bold={focused}>/ </Text>
			<Box flexGrow={1}>
				{query === '' && !focused
					? <Text color={theme.text.secondary} wrap="truncate">{cell('press / to filter: reverb vendor:lsp format:lv2 is:fav params>20', room)}</Text>
					: <Text wrap="truncate">{shown}<Text color={theme.ui.focus}>{focused ? theme.glyph.cursor : ''}</Text></Text>}
			</Box>
			<Text color={theme.text.secondary}>{' '}</Text>
			{indexing ? <Busy/> : null}
			<Text color={theme.text.secondary}>{right}</Text>
		</Box>
	);
});
