import type { I18nText } from './plugin/types';

/**
 * A problem the user can fix: a bad spec ("spec", CLI exit 2) or bad data ("data", CLI exit 3).
 * The message says what is wrong and what to do, in both languages.
 */
export class UserError extends Error {
  readonly kind: 'spec' | 'data';
  readonly code: string;
  readonly i18n: I18nText;
  constructor(kind: 'spec' | 'data', code: string, message: I18nText) {
    super(message.en);
    this.name = 'UserError';
    this.kind = kind;
    this.code = code;
    this.i18n = message;
  }
}

/** Thrown by long work when the user pressed Cancel. */
export class CancelledError extends Error {
  constructor() {
    super('Cancelled');
    this.name = 'CancelledError';
  }
}

/** A cooperative cancellation flag shared by one piece of work and whoever may cancel it. */
export class CancelToken {
  cancelled = false;
  cancel(): void {
    this.cancelled = true;
  }
  throwIfCancelled(): void {
    if (this.cancelled) throw new CancelledError();
  }
}

/** Errors cross the worker boundary as plain objects; this is their shape. */
export interface SerializedError {
  name: string;
  message: string;
  kind?: 'spec' | 'data';
  code?: string;
  i18n?: I18nText;
}

export function serializeError(e: unknown): SerializedError {
  if (e instanceof UserError) return { name: e.name, message: e.message, kind: e.kind, code: e.code, i18n: e.i18n };
  if (e instanceof Error) return { name: e.name, message: e.message };
  return { name: 'Error', message: String(e) };
}
