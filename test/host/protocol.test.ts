import {spawn} from 'node:child_process';
import {once} from 'node:events';
import test from 'ava';
import {hostBinaryPath} from '../../source/host/binary.js';
import {HostClient} from '../../source/host/client.js';
import {HostCrashedError, HostProbeError, HostStartError} from '../../source/host/errors.js';
import {HOST_ERROR_CODES} from '../../source/host/protocol.js';
import {compileLadspa, startHost, temporaryDirectory} from './host-helpers.js';

const amp = '/usr/lib/ladspa/amp_1181.so';

test('initialize reports the version and every format, AU unavailable off macOS', async t => {
	const host = startHost(t);
	const result = await host.initialize();
	t.regex(result.version, /^\d+\.\d+\.\d+$/);
	t.deepEqual(result.formats.map(f => f.format).sort(), ['au', 'clap', 'ladspa', 'lv2', 'vst2', 'vst3']);
	t.true(result.formats.find(f => f.format === 'lv2')?.available);
	t.true(result.formats.find(f => f.format === 'ladspa')?.available);
	t.deepEqual(result.formats.find(f => f.format === 'au'), {format: 'au', available: false, reason: 'Audio Units exist only on macOS'});
});

test('probe works without initialize, and ping answers pong', async t => {
	const host = startHost(t);
	const plugins = await host.probe({format: 'ladspa', path: amp});
	t.is(plugins[0]?.uid, 'amp_1181.so/amp');
	t.is(await host.request('ping', {}), 'pong');
});

test('a missing path is a file-not-found error', async t => {
	const host = startHost(t);
	const error = await t.throwsAsync(host.probe({format: 'ladspa', path: '/nonexistent/x.so'}), {instanceOf: HostProbeError});
	t.is(error?.code, HOST_ERROR_CODES.fileNotFound);
	t.regex(error?.message ?? '', /\/nonexistent\/x\.so/);
});

test('files that are not plugins are not-a-plugin errors', async t => {
	const host = startHost(t);
	const text = await t.throwsAsync(host.probe({format: 'ladspa', path: '/etc/passwd'}), {instanceOf: HostProbeError});
	t.is(text?.code, HOST_ERROR_CODES.notAPlugin);
	const libm = await t.throwsAsync(host.probe({format: 'ladspa', path: '/usr/lib/x86_64-linux-gnu/libm.so.6'}), {instanceOf: HostProbeError});
	t.is(libm?.message, 'not a LADSPA library: no ladspa_descriptor entry point');
	const directory = await t.throwsAsync(host.probe({format: 'lv2', path: '/tmp'}), {instanceOf: HostProbeError});
	t.is(directory?.code, HOST_ERROR_CODES.notAPlugin);
	t.regex(directory?.message ?? '', /not an LV2 bundle/);
});

test('a library that cannot be loaded is a load failure naming dlopen', async t => {
	const library = await compileLadspa({extra: 'extern int pluginary_missing_symbol(void);', onDescriptor: 'pluginary_missing_symbol();'});
	const host = startHost(t);
	const error = await t.throwsAsync(host.probe({format: 'ladspa', path: library}), {instanceOf: HostProbeError});
	t.is(error?.code, HOST_ERROR_CODES.loadFailed);
	t.regex(error?.message ?? '', /^dlopen failed: .*pluginary_missing_symbol/);
});

test('bad params, unknown formats and unknown methods are JSON-RPC errors', async t => {
	const host = startHost(t);
	const format = await t.throwsAsync(host.request('probe', {format: 'vst9', path: amp}), {instanceOf: HostProbeError});
	t.is(format?.code, HOST_ERROR_CODES.invalidParams);
	t.regex(format?.message ?? '', /unknown format "vst9"; expected one of lv2, ladspa/);
	const missing = await t.throwsAsync(host.request('probe', {format: 'lv2'}), {instanceOf: HostProbeError});
	t.is(missing?.message, 'missing parameter "path"');
	const wrongType = await t.throwsAsync(host.request('probe', {format: 'lv2', path: 3}), {instanceOf: HostProbeError});
	t.is(wrongType?.message, 'parameter "path" must be a string');
	const instantiate = await t.throwsAsync(host.request('probe', {format: 'lv2', path: '/tmp', instantiate: 'yes'}), {instanceOf: HostProbeError});
	t.is(instantiate?.code, HOST_ERROR_CODES.invalidParams);
	const au = await t.throwsAsync(host.request('probe', {format: 'au', path: amp}), {instanceOf: HostProbeError});
	t.is(au?.code, HOST_ERROR_CODES.formatUnavailable);
	const method = await t.throwsAsync(host.request('frobnicate', {}), {instanceOf: HostProbeError});
	t.is(method?.code, HOST_ERROR_CODES.methodNotFound);
	t.deepEqual((await host.probe({format: 'ladspa', path: amp})).length, 1, 'the host survives every error');
});

test('megabytes printed to stdout by a plugin do not corrupt the protocol', async t => {
	const library = await compileLadspa({
		onDescriptor: `
			static int done = 0;
			if (!done) {
				done = 1;
				char line[1024];
				memset(line, 'x', sizeof line - 2); line[sizeof line - 2] = '\\n'; line[sizeof line - 1] = 0;
				for (int i = 0; i < 2048; i++) fputs(line, stdout);
				fflush(stdout);
				for (int i = 0; i < 1024; i++) write(1, "Content-Length: 5\\r\\n\\r\\n{}{}{", 24);
			}`,
	});
	const host = startHost(t);
	const plugins = await host.probe({format: 'ladspa', path: library});
	t.is(plugins.length, 1);
	t.is(plugins[0]?.name, 'Test Plugin');
	t.deepEqual(plugins[0]?.parameters.map(p => [p.id, p.min, p.max, p.default]), [['2', -10, 10, 0]]);
	t.is((await host.probe({format: 'ladspa', path: amp})).length, 1);
	t.true(host.stderr.includes('Content-Length: 5'), 'plugin output went to stderr');
});

test('non-UTF-8 plugin names are repaired with U+FFFD', async t => {
	const library = await compileLadspa({name: 'Caf\\xe9 \\xff\\xfe Delay'});
	const host = startHost(t);
	const [plugin] = await host.probe({format: 'ladspa', path: library});
	t.is(plugin?.name, 'Caf\uFFFD \uFFFD\uFFFD Delay');
});

test('a plugin that segfaults rejects the probe with HostCrashedError naming the signal', async t => {
	const library = await compileLadspa({onDescriptor: 'fprintf(stderr, "about to crash\\n"); raise(SIGSEGV);'});
	const host = startHost(t);
	const error = await t.throwsAsync(host.probe({format: 'ladspa', path: library}), {instanceOf: HostCrashedError});
	t.is(error?.message, 'host crashed with SIGSEGV');
	t.is(error?.signal, 'SIGSEGV');
	t.regex(error?.stderr ?? '', /about to crash/);
	t.deepEqual(await host.exited, {code: null, signal: 'SIGSEGV'});
	await t.throwsAsync(host.probe({format: 'ladspa', path: amp}), {instanceOf: HostCrashedError, message: 'host crashed with SIGSEGV'});
});

test('a plugin that calls exit(0) is a crash too', async t => {
	const library = await compileLadspa({onDescriptor: 'exit(0);'});
	const host = startHost(t);
	const error = await t.throwsAsync(host.probe({format: 'ladspa', path: library}), {instanceOf: HostCrashedError});
	t.is(error?.message, 'host exited with code 0');
	t.is(error?.code, 0);
});

test('kill() ends a hung probe with SIGKILL', async t => {
	const library = await compileLadspa({onDescriptor: 'for (;;) pause();'});
	const host = startHost(t);
	const probe = host.probe({format: 'ladspa', path: library});
	setTimeout(() => {
		host.kill();
	}, 200);
	await t.throwsAsync(probe, {instanceOf: HostCrashedError, message: 'host crashed with SIGKILL'});
	host.kill(); // a second kill is harmless
});

test('shutdown replies and the host exits with code 0', async t => {
	const host = startHost(t);
	await host.initialize();
	await host.shutdown();
	t.deepEqual(await host.exited, {code: 0, signal: null});
});

test('the host exits when its stdin closes', async t => {
	const child = spawn(hostBinaryPath(), [], {stdio: ['pipe', 'ignore', 'ignore']});
	t.teardown(() => child.kill('SIGKILL'));
	child.stdin.end();
	const [code] = await once(child, 'exit') as [number | null];
	t.is(code, 0);
});

test('a missing binary is a HostStartError, not an unhandled error', async t => {
	const directory = await temporaryDirectory();
	const host = new HostClient({binary: `${directory}/no-such-host`});
	const error = await t.throwsAsync(host.initialize());
	t.true(error instanceof HostStartError);
	t.regex(error?.message ?? '', /npm run build:host/);
	t.is(host.pid, undefined);
});
