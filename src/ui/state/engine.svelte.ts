/**
 * Owns the engine worker (DuckDB-WASM behind Comlink). One instance for the app.
 * `engine.api()` waits until the engine is ready, so callers never race the start-up.
 */
import * as Comlink from 'comlink';
import type { EngineApi, ProgressEvent } from '../../worker/api';
import { toUiError, type UiError } from './errors';

export type EngineStatus = 'idle' | 'starting' | 'ready' | 'failed';

class EngineStore {
  status = $state<EngineStatus>('idle');
  version = $state('');
  failure = $state<UiError | null>(null);
  /** Number of calls in flight (for the busy indicator). */
  busy = $state(0);

  #worker: Worker | null = null;
  #remote: Comlink.Remote<EngineApi> | null = null;
  #ready: Promise<Comlink.Remote<EngineApi>> | null = null;

  /** Starts the worker and DuckDB (idempotent). */
  start(): Promise<Comlink.Remote<EngineApi>> {
    if (this.#ready) return this.#ready;
    this.status = 'starting';
    this.failure = null;
    this.#ready = (async () => {
      const worker = new Worker(new URL('../../worker/engine.worker.ts', import.meta.url), { type: 'module' });
      worker.addEventListener('error', (ev) => {
        ev.preventDefault();
        this.status = 'failed';
        this.failure = { key: 'error.workerCrashed' };
      });
      this.#worker = worker;
      const remote = Comlink.wrap<EngineApi>(worker);
      this.#remote = remote;
      const info = await remote.init();
      this.version = info.version;
      this.status = 'ready';
      // `npm run bench` measures the worker round-trip through this handle (only with ?bench).
      if (new URLSearchParams(location.search).has('bench')) (globalThis as { __clinstatEngine?: unknown }).__clinstatEngine = remote;
      return remote;
    })();
    this.#ready.catch((e: unknown) => {
      this.status = 'failed';
      const u = toUiError(e);
      this.failure = u.text ? u : { key: 'error.engine', params: { message: String(u.params?.message ?? e) } };
      this.#worker?.terminate();
      this.#worker = null;
      this.#remote = null;
      this.#ready = null;
    });
    return this.#ready;
  }

  /** Runs `fn` against the ready engine, counting it as busy while it runs. */
  async call<T>(fn: (api: Comlink.Remote<EngineApi>) => Promise<T>): Promise<T> {
    const api = await this.start();
    this.busy++;
    try {
      return await fn(api);
    } finally {
      this.busy--;
    }
  }

  /** Cancels the running import or analysis (the pending call rejects with CancelledError). */
  async cancel(): Promise<void> {
    await this.#remote?.cancel();
  }

  /** Wraps a progress callback so the worker can call it across the boundary. */
  progress(fn: (p: ProgressEvent) => void): (p: ProgressEvent) => void {
    return Comlink.proxy(fn);
  }
}

export const engine = new EngineStore();
