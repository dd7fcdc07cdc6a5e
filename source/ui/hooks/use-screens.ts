import {useCallback, useState} from 'react';

/** The screens of the explorer. */
export type Screen = 'explorer' | 'details' | 'stats' | 'scan' | 'help';

/** The screen stack: Esc goes back one screen. */
export type Screens = {
	screen: Screen;
	/** Shows a screen on top (showing the top one again does nothing). */
	push(screen: Screen): void;
	/** Goes back one screen (the explorer stays). */
	back(): void;
	/** Goes back to the explorer. */
	home(): void;
};

/** A stack of screens with the explorer at the bottom. */
export function useScreens(): Screens {
	const [stack, setStack] = useState<Screen[]>(['explorer']);
	const push = useCallback((screen: Screen) => setStack(current => (current.at(-1) === screen ? current : [...current.filter(item => item !== screen), screen])), []);
	const back = useCallback(() => setStack(current => (current.length > 1 ? current.slice(0, -1) : current)), []);
	const home = useCallback(() => setStack(['explorer']), []);
	return {screen: stack.at(-1)!, push, back, home};
}
