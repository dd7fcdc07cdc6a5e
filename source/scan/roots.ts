import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import type {Format} from '../catalog/plugin.js';

/** The environment variable that replaces each format's default folders. */
export const PATH_VARIABLES: Record<Exclude<Format, 'au'>, string> = {
	lv2: 'LV2_PATH',
	ladspa: 'LADSPA_PATH',
	vst2: 'VST_PATH',
	vst3: 'VST3_PATH',
	clap: 'CLAP_PATH',
};

/** Formats this OS can scan (AU only on macOS). */
export function scannableFormats(platform: NodeJS.Platform = process.platform): Format[] {
	const formats: Format[] = ['lv2', 'ladspa', 'vst2', 'vst3', 'clap'];
	return platform === 'darwin' ? [...formats, 'au'] : formats;
}

type Env = Record<string, string | undefined>;

/**
 * The folders a format is searched in, in search order (docs/architecture.md, Scanning): the format's environment
 * variable when set (it replaces the defaults), else the OS's standard folders.
 */
export function defaultRoots(format: Format, env: Env = process.env, platform: NodeJS.Platform = process.platform, home = os.homedir()): string[] {
	if (format !== 'au') {
		const variable = env[PATH_VARIABLES[format]];
		if (variable !== undefined && variable.trim() !== '') {
			return variable.split(path.delimiter).filter(Boolean).map(folder => expandHome(folder, home));
		}
	}

	const join = (...parts: string[]): string => path.join(...parts);
	if (platform === 'darwin') {
		const library = (scope: string, folder: string): string => join(scope, 'Library', 'Audio', 'Plug-Ins', folder);
		const both = (folder: string): string[] => [library(home, folder), library('/', folder)];
		return {lv2: both('LV2'), ladspa: both('LADSPA'), vst2: both('VST'), vst3: both('VST3'), clap: both('CLAP'), au: both('Components')}[format];
	}

	if (platform === 'win32') {
		const programFiles = env['ProgramFiles'] ?? 'C:\\Program Files';
		const common = env['CommonProgramFiles'] ?? join(programFiles, 'Common Files');
		const appData = env['APPDATA'] ?? join(home, 'AppData', 'Roaming');
		const local = env['LOCALAPPDATA'] ?? join(home, 'AppData', 'Local');
		return {
			lv2: [join(appData, 'LV2'), join(common, 'LV2')],
			ladspa: [join(common, 'LADSPA')],
			vst2: [join(programFiles, 'Steinberg', 'VstPlugins'), join(common, 'VST2'), join(programFiles, 'VstPlugins')],
			vst3: [join(local, 'Programs', 'Common', 'VST3'), join(common, 'VST3')],
			clap: [join(local, 'Programs', 'Common', 'CLAP'), join(common, 'CLAP')],
			au: [],
		}[format];
	}

	return {
		lv2: [join(home, '.lv2'), '/usr/local/lib/lv2', '/usr/lib/lv2'],
		ladspa: [join(home, '.ladspa'), '/usr/local/lib/ladspa', '/usr/lib/ladspa'],
		vst2: [join(home, '.vst'), join(home, '.lxvst'), '/usr/local/lib/vst', '/usr/lib/vst', '/usr/local/lib/lxvst', '/usr/lib/lxvst'],
		vst3: [join(home, '.vst3'), '/usr/local/lib/vst3', '/usr/lib/vst3'],
		clap: [join(home, '.clap'), '/usr/local/lib/clap', '/usr/lib/clap'],
		au: [],
	}[format];
}

/** Expands a leading `~` to the home folder. */
export function expandHome(folder: string, home = os.homedir()): string {
	return folder === '~' || folder.startsWith('~/') ? path.join(home, folder.slice(1)) : folder;
}
