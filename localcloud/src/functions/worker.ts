// One instance of a cloud function, as SCF runs it: a module loaded once, its `main` called for one
// invocation at a time. The caller's identity arrives as environment variables, which wx-server-sdk's
// getWXContext() reads on every call; each instance is its own thread with its own process.env.
import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import { installShiftedDate } from '../clock';

interface InvokeMessage {
  id: string;
  event: unknown;
  context: Record<string, unknown>;
  env: Record<string, string>;
}

type Main = (event: unknown, context: Record<string, unknown>) => unknown;

installShiftedDate();

const { file } = workerData as { file: string };
const load = createRequire(file);
let main: Main | null = null;

function loadMain(): Main {
  if (main) return main;
  const mod: unknown = load(file);
  const candidate = typeof mod === 'object' && mod !== null && 'main' in mod ? mod.main : undefined;
  if (typeof candidate !== 'function') throw new Error(`${file} does not export main`);
  main = (event, context) => Reflect.apply(candidate, undefined, [event, context]);
  return main;
}

function describe(e: unknown): { message: string; stack: string } {
  if (e instanceof Error) return { message: e.message, stack: e.stack ?? e.message };
  if (typeof e === 'object' && e !== null) {
    const text = JSON.stringify(e);
    return { message: text, stack: text };
  }
  return { message: String(e), stack: String(e) };
}

// Load the function at once (as the cloud does when it starts an instance), then say so: an
// invocation's timeout starts only then. A module that fails to load fails each invocation instead.
try {
  loadMain();
} catch {
  // reported by the invocations, which call loadMain() again
}
parentPort?.postMessage({ ready: true });

parentPort?.on('message', (msg: InvokeMessage) => {
  for (const [k, v] of Object.entries(msg.env)) process.env[k] = v;
  void (async () => {
    try {
      const result = await loadMain()(msg.event, msg.context);
      parentPort?.postMessage({ id: msg.id, ok: true, result: JSON.stringify(result ?? null) });
    } catch (e) {
      parentPort?.postMessage({ id: msg.id, ok: false, error: describe(e) });
    }
  })();
});
