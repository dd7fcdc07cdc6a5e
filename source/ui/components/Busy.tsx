import Spinner from 'ink-spinner';
import {Text} from 'ink';
import {useTheme} from '../hooks/use-theme.js';

/** A spinner where the explorer waits (the index building, a scan starting): braille dots, or `-\|/` without UTF-8. Two columns wide with its space. */
export function Busy() {
	const theme = useTheme();
	return <Text color={theme.text.secondary}><Spinner type={theme.unicode ? 'dots' : 'line'}/>{' '}</Text>;
}
