/**
 * The dataset slice of the engine API (see context.ts): declared here, implemented here, merged
 * into EngineApi by api.ts and engine.worker.ts.
 */
import type { WorkerContext } from './context';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DatasetApi {}

export function createDatasetApi(_ctx: WorkerContext): DatasetApi {
  return {};
}
