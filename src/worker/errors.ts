import { serializeError, type SerializedError } from '../core/errors';

/** Marker that tells the UI an Error's message is a serialised SerializedError. */
export const ERROR_PREFIX = 'clinstat-error:';

export function rethrowSerialized(e: unknown): never {
  throw new Error(ERROR_PREFIX + JSON.stringify(serializeError(e)));
}

/** UI side: recovers the structured error from whatever the worker call rejected with. */
export function parseWorkerError(e: unknown): SerializedError {
  const message = e instanceof Error ? e.message : String(e);
  const at = message.indexOf(ERROR_PREFIX);
  if (at >= 0) {
    try {
      return JSON.parse(message.slice(at + ERROR_PREFIX.length)) as SerializedError;
    } catch {
      /* fall through */
    }
  }
  return { name: e instanceof Error ? e.name : 'Error', message };
}
