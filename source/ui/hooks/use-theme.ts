import {useContext} from 'react';
import {ThemeContext} from '../context.js';
import type {Theme} from '../theme.js';

/** The current theme. */
export function useTheme(): Theme {
	return useContext(ThemeContext);
}
