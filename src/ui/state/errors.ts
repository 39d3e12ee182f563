/**
 * Turns whatever a rejected engine call produced into a message the user can read.
 *
 * Errors cross the worker boundary through Comlink, which keeps only `name`, `message` and
 * `stack`. The engine therefore puts "clinstat-error:" + a JSON SerializedError (with its
 * bilingual `i18n` message) into `message` (src/worker/errors.ts); we also accept a bare JSON
 * message, a SerializedError object, an Error carrying `i18n` itself, a CancelledError
 * (by name), or any other value.
 */
import type { SerializedError } from '../../core/errors';
import type { MessageKey, Params } from '../../core/i18n';
import type { I18nText } from '../../core/plugin/types';
import { parseWorkerError } from '../../worker/errors';
import { t, tx } from './lang.svelte';

export interface UiError {
  /** A message from the engine in both languages (UserError). */
  text?: I18nText;
  /** Or a UI string with parameters. */
  key?: MessageKey;
  params?: Params;
  /** Machine code (UserError.code), for tests and support. */
  code?: string;
  cancelled?: boolean;
}

function isI18nText(v: unknown): v is I18nText {
  return !!v && typeof v === 'object' && typeof (v as I18nText).en === 'string';
}

/** A SerializedError from the value itself, from a "clinstat-error:{json}" message, or from a bare JSON message. */
function serialized(e: unknown): Partial<SerializedError> {
  if (e && typeof e === 'object' && !(e instanceof Error) && ('i18n' in e || 'message' in e)) {
    return e as Partial<SerializedError>;
  }
  const parsed = parseWorkerError(e);
  if (parsed.i18n || parsed.code) return parsed;
  const msg = parsed.message.trim();
  if (msg.startsWith('{')) {
    try {
      const o: unknown = JSON.parse(msg);
      if (o && typeof o === 'object') return o as Partial<SerializedError>;
    } catch {
      /* plain text */
    }
  }
  const extra = e && typeof e === 'object' ? (e as Partial<SerializedError>) : {};
  return { ...parsed, i18n: extra.i18n ?? parsed.i18n, code: extra.code ?? parsed.code };
}

export function toUiError(e: unknown): UiError {
  if (e && typeof e === 'object' && !(e instanceof Error) && typeof (e as UiError).key === 'string') return e as UiError;
  const s = serialized(e);
  if (s.name === 'CancelledError') return { key: 'error.cancelled', cancelled: true };
  if (isI18nText(s.i18n)) return { text: s.i18n, code: s.code };
  const message = (typeof s.message === 'string' && s.message) || String(e);
  return { key: 'error.generic', params: { message }, code: s.code };
}

/** The message in the current UI language (reactive when called from a template). */
export function uiErrorText(err: UiError): string {
  if (err.text) return tx(err.text);
  if (err.key) return t(err.key, err.params);
  return t('error.generic', { message: '?' });
}
