/** The top-level help text (`pluginary --help`); each command has its own in its module. */
export const mainHelp = `
  Usage
    $ pluginary                     open the explorer (needs a terminal)
    $ pluginary <command> [options]

  Commands
    scan        find plugins and catalogue what changed
    list        list catalogued plugins
    search      search with the query language
    show        every detail of one plugin
    similar     plugins like a given one
    stats       counts per format and category
    export      write the catalog as json, ndjson, csv or a pedalboard script
    import      read a pluginary export or pedalboard-pluginary's cache
    presets     factory and user presets of a plugin
    preset      save, list, show, delete or export user presets
    fav, unfav, hide, unhide, tag, untag, category
                curate plugins
    blacklist   list, add or remove blacklisted files
    retry       re-probe failed and blacklisted files
    check       run plugins on audio: which work, their CPU and latency
    cache       path, stats, verify, repair, vacuum or clear the store
    config      list, get, set, unset or show the path of settings
    doctor      check that everything pluginary needs works

  Global options
    --db PATH          database file (default: PLUGINARY_DB, else the user data folder)
    --config PATH      config file (default: PLUGINARY_CONFIG, else the user config folder)
    --no-color         plain output (also NO_COLOR)
    --verbose          show stack traces of unexpected errors
    --help, -h         help for pluginary or a command
    --version, -v      print the version

  Examples
    $ pluginary scan
    $ pluginary list --format lv2 --category reverb
    $ pluginary search 'comp vendor:lsp params>10'
    $ pluginary check 'format:lv2'
    $ pluginary show 'lv2:http://lsp-plug.in/plugins/lv2/comp_delay_mono' --json
`;

/** Every flag any command accepts; each command lists the ones it takes. */
export const flagSpec = {
	db: {type: 'string'},
	config: {type: 'string'},
	color: {type: 'boolean'},
	verbose: {type: 'boolean'},
	help: {type: 'boolean', shortFlag: 'h'},
	version: {type: 'boolean', shortFlag: 'v'},
	json: {type: 'boolean'},
	ndjson: {type: 'boolean'},
	csv: {type: 'boolean'},
	format: {type: 'string', isMultiple: true},
	category: {type: 'string'},
	vendor: {type: 'string'},
	instrument: {type: 'boolean'},
	effect: {type: 'boolean'},
	sort: {type: 'string'},
	limit: {type: 'string'},
	offset: {type: 'string'},
	all: {type: 'boolean'},
	collapse: {type: 'boolean'},
	rescan: {type: 'boolean'},
	path: {type: 'string', isMultiple: true},
	jobs: {type: 'string'},
	timeout: {type: 'string'},
	as: {type: 'string'},
	out: {type: 'string'},
	force: {type: 'boolean'},
	yes: {type: 'boolean'},
	dryRun: {type: 'boolean'},
	set: {type: 'string', isMultiple: true},
	reset: {type: 'boolean'},
} as const;

/** Flags every command accepts. */
export const globalFlags = ['db', 'config', 'color', 'verbose', 'help', 'version'] as const;
