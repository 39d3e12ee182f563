/**
 * i18n core: framework-free lookup used by the UI (through the reactive store in
 * src/ui/state/lang.svelte.ts) and by anything else that needs UI strings.
 *
 *   translate('zh', 'data.importing', { file: 'a.csv' })  // "正在导入 a.csv…"
 *   pick('zh', { en: 'Mean', zh: '均值' })                 // "均值"
 */
import type { I18nText } from '../plugin/types';
import { en, type MessageKey, type Messages } from './en';
import { zh } from './zh';

export type Lang = 'en' | 'zh';
export type { MessageKey, Messages };
export type Params = Record<string, string | number>;

export const LANGS: readonly Lang[] = ['en', 'zh'];
export const dictionaries: Record<Lang, Messages> = { en, zh };

/** Looks up `key` in `lang` (falling back to English, then the key) and fills `{name}` parameters. */
export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  const template = dictionaries[lang][key] ?? en[key] ?? key;
  return params ? interpolate(template, params) : template;
}

/** Replaces `{name}` with params.name; unknown names are left as written. */
export function interpolate(template: string, params: Params): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** The text of a bilingual object in `lang`, falling back to the other language. */
export function pick(lang: Lang, text: I18nText | undefined | null): string {
  if (!text) return '';
  return (lang === 'zh' ? text.zh || text.en : text.en || text.zh) ?? '';
}

/** `en`/`zh` pair where the Chinese may be missing (result titles, labels): picks with fallback. */
export function pickPair(lang: Lang, enText: string, zhText?: string): string {
  return lang === 'zh' && zhText ? zhText : enText;
}

/** Chooses the language from a BCP-47 tag such as navigator.language: zh* -> zh, else en. */
export function detectLang(tag: string | undefined | null): Lang {
  return tag && tag.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function isLang(v: unknown): v is Lang {
  return v === 'en' || v === 'zh';
}

/** Whether `key` is a UI string (for keys built at run time, e.g. `category.${name}`). */
export function hasKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}
