import {memo, useEffect, useState} from 'react';
import {Box, Text} from 'ink';
import TextInput from 'ink-text-input';
import {useTheme} from '../hooks/use-theme.js';
import type {FieldLink} from '../keys/field-link.js';
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
	/** The text field's edits (see ExplorerState.editQuery). */
	onChange(query: string): void;
	/** Enter in the text field. */
	onSubmit(): void;
	/** The key router's link to the field. */
	link: FieldLink;
	/** A new value mounts the field afresh (see ExplorerState.typeQuery). */
	fieldKey: number;
};

const example = 'reverb vendor:lsp format:lv2 is:fav params>20';

/**
 * The filter line: `/ query`, edited by an ink-text-input field while focused (cursor, ←/→,
 * Backspace, paste), a hint when empty, the sort on the right (after a spinner while the index
 * builds). A long query shows its end. Memoised.
 */
export const FilterLine = memo(function FilterLine({query, focused, sort, width, indexing, onChange, onSubmit, link, fieldKey}: FilterLineProps) {
	const theme = useTheme();
	const right = `${indexing ? 'indexing' + theme.glyph.ellipsis + ' ' : ''}sort: ${sort}`;
	const room = Math.max(0, width - right.length - 3 - (indexing ? 2 : 0));
	return (
		<Box width={width}>
			<Text color={focused ? theme.ui.focus : theme.text.secondary} bold={focused}>/ </Text>
			<Box flexGrow={1}>
				{focused
					? <Text wrap={query === '' ? 'truncate' : 'truncate-start'}>
						<FilterField key={fieldKey} query={query} placeholder={theme.color ? example : ''} onChange={onChange} onSubmit={onSubmit} link={link}/>
					</Text>
					: <Text color={query === '' ? theme.text.secondary : undefined} wrap="truncate">{query === '' ? cell(`press / to filter: ${example}`, room) : tail(query, room, theme.glyph.ellipsis)}</Text>}
			</Box>
			<Text color={theme.text.secondary}>{' '}</Text>
			{indexing ? <Busy/> : null}
			<Text color={theme.text.secondary}>{right}</Text>
		</Box>
	);
});

/** The end of a text that fits `room` columns, after an ellipsis when cut. */
function tail(text: string, room: number, ellipsis: string): string {
	const chars = [...text];
	return chars.length > room - 1 ? ellipsis + chars.slice(-(room - 2)).join('') : text;
}

type FilterFieldProps = {
	query: string;
	placeholder: string;
	onChange(query: string): void;
	onSubmit(): void;
	link: FieldLink;
};

/**
 * The ink-text-input field, mounted while the filter has the focus (so its cursor starts at the
 * end). Each key the router sends it re-renders it (`nudge`); after each commit it tells the link
 * what its key handler now holds (the field subscribes that handler in an effect, and a child's
 * effects run before this one's).
 */
function FilterField({query, placeholder, onChange, onSubmit, link}: FilterFieldProps) {
	const [seen, setSeen] = useState(link.count);
	useEffect(() => {
		link.attach(setSeen);
		return () => {
			link.detach();
		};
	}, [link]);
	useEffect(() => {
		link.caughtUp(query, seen);
	}, [link, query, seen]);
	return <TextInput value={query} placeholder={placeholder} focus showCursor onChange={onChange} onSubmit={onSubmit}/>;
}
