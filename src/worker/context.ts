/**
 * What a feature's part of the engine API gets from the worker: the DuckDB connector, the open
 * registries and the one cancellable piece of work. Features (cohorts, data quality, ...) each
 * build their slice of EngineApi from this in their own module, so the worker file stays a list.
 */
import type { Connector } from '../core/engine/connector';
import type { CancelToken } from '../core/errors';
import type { RegistrySession } from '../core/registry/session';
import type { ProgressEvent } from './api';

export interface WorkerContext {
  conn(): Promise<Connector>;
  registries: RegistrySession;
  /** Starts a cancellable piece of work (replacing the previous token): `cancel()` reaches it. */
  startWork(): CancelToken;
  /** A progress reporter for `task` that forwards to the UI's callback (if any). */
  progress(task: string, onProgress?: (p: ProgressEvent) => void): (fraction: number, message: string) => void;
}
