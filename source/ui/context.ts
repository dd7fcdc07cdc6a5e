import {createContext} from 'react';
import type {ExplorerServices} from './services.js';
import {makeTheme, type Theme} from './theme.js';

/** The theme of this run (colours, glyphs). */
export const ThemeContext = createContext<Theme>(makeTheme({color: false, unicode: true}));

/** The store and scan engine the screens use. */
export const ServicesContext = createContext<ExplorerServices | undefined>(undefined);
