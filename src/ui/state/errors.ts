/**
 * Turns whatever a rejected engine call produced into a message the user can read.
 *
 * Errors cross the worker boundary through Comlink, which keeps only `name`, `message` and
 * `stack`. The engine therefore puts a JSON SerializedError (with its bilingual `i18n`
 * message) into `message`; we also accept a SerializedError object, an Error carrying `i18n`
 * itself, a CancelledError, or any other value.
 */
import type { SerializedError } from '../../core/errors';
import type { MessageKey, Params } from '../../core/i18n';
import type { I18nText } from '../../core/plugin/types';
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

function parseSerialized(v: unknown): Partial<SerializedError> | null {
  if (v && typeof v === 'object') return v as Partial<SerializedError>;
  if (typeof v !== 'string') return null;
  const s = v.trim();
  if (!s.startsWith('{')) return null;
  try {
    const o: unknown = JSON.parse(s);
    return o && typeof o === 'object' ? (o as Partial<SerializedError>) : null;
  } catch {
    return null;
  }
}

export function toUiError(e: unknown): UiError {
  if (e && typeof e === 'object' && 'key' in e && typeof (e as UiError).key === 'string') return e as UiError;
  const outer = e && typeof e === 'object' ? (e as Partial<SerializedError>) : null;
  const inner = parseSerialized(outer?.message ?? e) ?? outer;
  const name = inner?.name ?? outer?.name;
  if (name === 'CancelledError' || outer?.name === 'CancelledError') return { key: 'error.cancelled', cancelled: true };
  const i18n = inner?.i18n ?? outer?.i18n;
  if (isI18nText(i18n)) return { text: i18n, code: inner?.code ?? outer?.code };
  const message = (typeof inner?.message === 'string' && inner.message) || (typeof e === 'string' ? e : '') || String(e);
  return { key: 'error.generic', params: { message }, code: inner?.code };
}

/** The message in the current UI language (reactive when called from a template). */
export function uiErrorText(err: UiError): string {
  if (err.text) return tx(err.text);
  if (err.key) return t(err.key, err.params);
  return t('error.generic', { message: '?' });
}
