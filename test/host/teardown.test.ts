/* What the host does around a plugin's teardown: it wakes plugin threads that sleep while the probing thread waits
   for them (a worker polling its stop flag between long sleeps), and it keeps a plugin's shared libraries loaded
   (LSP's VST2 core) while the plugin file itself is closed. */
import {existsSync} from 'node:fs';
import {readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {performance} from 'node:perf_hooks';
import test from 'ava';
import {run, startHost, temporaryDirectory} from './host-helpers.js';

/** A VST2 effect whose effOpen starts a worker that sleeps `sleepMs` at a time until effClose sets its stop flag and
    joins it — LSP's executor does this with 100 ms sleeps. `restart` makes the worker sleep the rest of its interval
    after an interruption (as std::this_thread::sleep_for does). */
async function compileSleepyVst2(sleepMs: number, restart = false): Promise<string> {
	const directory = await temporaryDirectory();
	const source = path.join(directory, 'sleepy.c');
	const library = path.join(directory, 'sleepy.so');
	await writeFile(source, `
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <string.h>
#include <time.h>

typedef struct Effect Effect;
typedef intptr_t (*Dispatcher)(Effect*, int, int, intptr_t, void*, float);
struct Effect {
	int32_t magic;
	Dispatcher dispatcher;
	void (*process)(Effect*, float**, float**, int);
	void (*setParameter)(Effect*, int, float);
	float (*getParameter)(Effect*, int);
	int32_t numPrograms, numParams, numInputs, numOutputs;
	intptr_t flags, resvd1, resvd2;
	int32_t initialDelay;
	char pad[8];
	float float1;
	void *object, *user;
	int32_t uniqueID, version;
	void *processReplacing, *processDoubleReplacing;
};

static pthread_t worker;
static volatile int stopping, running, started;

static void* work(void* arg) {
	(void)arg;
	started = 1;
	while (!stopping) {
		struct timespec interval = {${Math.floor(sleepMs / 1000)}, ${sleepMs % 1000} * 1000000L}, rest;
		while (nanosleep(&interval, &rest) != 0 && errno == EINTR && ${restart ? 1 : 0}) interval = rest;
	}
	return NULL;
}

static intptr_t dispatch(Effect* e, int opcode, int index, intptr_t value, void* ptr, float opt) {
	(void)e; (void)index; (void)value; (void)opt;
	switch (opcode) {
	case 0: /* effOpen: start the worker and wait until it runs */
		stopping = 0;
		started = 0;
		running = pthread_create(&worker, NULL, work, NULL) == 0;
		while (running && !started) sched_yield();
		return 0;
	case 1: /* effClose */
		stopping = 1;
		if (running) pthread_join(worker, NULL);
		running = 0;
		return 0;
	case 45: strcpy(ptr, "Sleepy Worker"); return 1; /* effGetEffectName */
	case 47: strcpy(ptr, "pluginary tests"); return 1; /* effGetVendorString */
	case 35: return 1; /* effGetPlugCategory: effect */
	default: return 0;
	}
}
static void setParameter(Effect* e, int i, float v) { (void)e; (void)i; (void)v; }
static float getParameter(Effect* e, int i) { (void)e; (void)i; return 0.5f; }

static Effect effect;
Effect* VSTPluginMain(Dispatcher host) {
	(void)host;
	memset(&effect, 0, sizeof effect);
	effect.magic = 0x56737450;
	effect.dispatcher = dispatch;
	effect.setParameter = setParameter;
	effect.getParameter = getParameter;
	effect.numParams = 1;
	effect.numInputs = effect.numOutputs = 2;
	effect.uniqueID = 0x534c5059;
	return &effect;
}
`);
	await run('cc', ['-shared', '-fPIC', '-O1', '-pthread', '-o', library, source]);
	return library;
}

test('a worker polling its stop flag between 2 s sleeps does not hold up effClose', async t => {
	const plugin = await compileSleepyVst2(2000);
	const host = startHost(t);
	const start = performance.now();
	for (let i = 0; i < 3; i++) {
		const [info] = await host.probe({format: 'vst2', path: plugin});
		t.is(info!.name, 'Sleepy Worker');
		t.is(info!.vendor, 'pluginary tests');
	}

	// Without the waker each probe waits out the worker's sleep: 3 × 2 s.
	t.true(performance.now() - start < 3000, `3 probes took ${(performance.now() - start).toFixed(0)} ms`);
});

test('a worker that sleeps out its interval after an interruption still closes, and the host goes on', async t => {
	const plugin = await compileSleepyVst2(300, true);
	const host = startHost(t);
	for (let i = 0; i < 2; i++) {
		const [info] = await host.probe({format: 'vst2', path: plugin});
		t.is(info!.name, 'Sleepy Worker');
	}

	t.true((await host.initialize()).formats.length > 0);
});

const lspStub = '/usr/lib/vst/lsp-plugins/trigger-mono.so';
const lsp = existsSync(lspStub) ? test : test.skip;

lsp('LSP\'s VST2 core library stays loaded after a stub is closed; the stub does not; results equal a fresh host\'s', async t => {
	const warm = startHost(t);
	await warm.probe({format: 'vst2', path: lspStub});
	const maps = await readFile(`/proc/${warm.pid!}/maps`, 'utf8');
	t.regex(maps, /lsp-plugins-vst2-[\d.]+\.so/);
	t.false(maps.includes(lspStub));
	for (const file of ['comp-delay-mono.so', 'trigger-mono.so', 'sampler-stereo.so']) {
		const stub = path.join(path.dirname(lspStub), file);
		const fresh = startHost(t);
		t.deepEqual(await warm.probe({format: 'vst2', path: stub}), await fresh.probe({format: 'vst2', path: stub}), file);
	}
});
