import {ServicesContext, ThemeContext} from './context.js';
import type {TerminalSize} from './hooks/use-terminal-size.js';
import type {ExplorerServices} from './services.js';
import {Shell} from './shell.js';
import type {Theme} from './theme.js';

/** Props of the explorer app. */
export type AppProps = {
	services: ExplorerServices;
	theme: Theme;
	/** Fixed terminal size (tests, benchmarks); otherwise the terminal's, following resizes. */
	size?: TerminalSize;
};

/** The explorer: provides the theme and services, and shows the screen the shell picks. */
export function App({services, theme, size}: AppProps) {
	return (
		<ThemeContext.Provider value={theme}>
			<ServicesContext.Provider value={services}>
				<Shell size={size}/>
			</ServicesContext.Provider>
		</ThemeContext.Provider>
	);
}
