// The instances of one cloud function: warm worker threads reused between invocations, started on
// demand up to a limit, stopped when idle. A call that outlives its timeout loses its instance.
import { Worker } from 'node:worker_threads';

export interface InvokeRequest {
  id: string;
  event: unknown;
  context: Record<string, unknown>;
  env: Record<string, string>;
}

export type InvokeOutcome = { ok: true; result: string } | { ok: false; error: { message: string; stack: string }; timedOut?: boolean };

interface Instance {
  worker: Worker;
  busy: InvokeRequest | null;
  settle: ((o: InvokeOutcome) => void) | null;
  idleTimer: NodeJS.Timeout | null;
  /** Settles once the instance has loaded the function. */
  ready: Promise<void>;
}

export interface PoolOptions {
  file: string;
  workerFile: string;
  baseEnv: Record<string, string>;
  maxInstances: number;
  timeoutMs: number;
  idleMs: number;
}

export class FunctionPool {
  private readonly instances = new Set<Instance>();
  private readonly queue: { req: InvokeRequest; settle: (o: InvokeOutcome) => void }[] = [];
  private closed = false;

  constructor(private readonly opts: PoolOptions) {}

  /**
   * Runs one invocation. A nested one (cloud.callFunction from a function) never queues: its
   * caller holds an instance while it waits, so queueing behind a full pool of such callers would
   * deadlock them all; the cloud would start more instances, and so does this pool, past its limit.
   */
  invoke(req: InvokeRequest, nested = false): Promise<InvokeOutcome> {
    return new Promise((settle) => {
      const inst = nested ? (this.idle() ?? this.spawn(true)) : null;
      if (inst) return this.run(inst, req, settle);
      this.queue.push({ req, settle });
      this.dispatch();
    });
  }

  private idle(): Instance | undefined {
    return [...this.instances].find((i) => !i.busy);
  }

  private dispatch(): void {
    while (this.queue.length) {
      const inst = this.idle() ?? this.spawn();
      if (!inst) return;
      const next = this.queue.shift();
      if (!next) return;
      this.run(inst, next.req, next.settle);
    }
  }

  private spawn(pastLimit = false): Instance | null {
    if (this.closed || (!pastLimit && this.instances.size >= this.opts.maxInstances)) return null;
    const worker = new Worker(this.opts.workerFile, {
      workerData: { file: this.opts.file },
      env: { ...process.env, ...this.opts.baseEnv },
    });
    let markReady: () => void = () => undefined;
    const ready = new Promise<void>((resolve) => (markReady = resolve));
    const inst: Instance = { worker, busy: null, settle: null, idleTimer: null, ready };
    worker.on('message', (msg: (InvokeOutcome & { id: string }) | { ready: true }) => {
      if ('ready' in msg) return markReady();
      if (!inst.busy || msg.id !== inst.busy.id) return;
      const settle = inst.settle;
      this.release(inst);
      settle?.(msg.ok ? { ok: true, result: msg.result } : { ok: false, error: msg.error });
    });
    const fail = (message: string): void => {
      this.instances.delete(inst);
      const settle = inst.settle;
      inst.busy = null;
      inst.settle = null;
      settle?.({ ok: false, error: { message, stack: message } });
      this.dispatch();
    };
    worker.on('error', (e) => fail(e.message));
    worker.on('exit', (code) => fail(`function instance exited with code ${code}`));
    this.instances.add(inst);
    return inst;
  }

  private run(inst: Instance, req: InvokeRequest, settle: (o: InvokeOutcome) => void): void {
    if (inst.idleTimer) clearTimeout(inst.idleTimer);
    inst.busy = req;
    inst.settle = settle;
    // The timeout counts the invocation, not the instance's cold start (loading the module), as in
    // the cloud, where initialisation has its own limit.
    void inst.ready.then(() => {
      if (inst.busy === req) this.start(inst, req, settle);
    });
  }

  private start(inst: Instance, req: InvokeRequest, settle: (o: InvokeOutcome) => void): void {
    const timer = setTimeout(() => {
      // The instance may be stuck in user code: throw it away, as SCF does on a timeout.
      this.instances.delete(inst);
      inst.busy = null;
      inst.settle = null;
      void inst.worker.terminate();
      // SCF's words (status 433 TimeLimitReached), which WeChat passes on with errCode -504003.
      settle({
        ok: false,
        error: { message: `Invoking task timed out after ${this.opts.timeoutMs / 1000} seconds`, stack: '' },
        timedOut: true,
      });
      this.dispatch();
    }, this.opts.timeoutMs);
    inst.settle = (o) => {
      clearTimeout(timer);
      settle(o);
    };
    inst.worker.postMessage(req);
  }

  private release(inst: Instance): void {
    inst.busy = null;
    inst.settle = null;
    inst.idleTimer = setTimeout(() => {
      this.instances.delete(inst);
      void inst.worker.terminate();
    }, this.opts.idleMs);
    inst.idleTimer.unref();
    this.dispatch();
  }

  async close(): Promise<void> {
    this.closed = true;
    const all = [...this.instances];
    this.instances.clear();
    await Promise.all(all.map((i) => i.worker.terminate()));
  }
}
