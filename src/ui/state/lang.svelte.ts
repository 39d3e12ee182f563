/**
 * The UI language: a reactive store persisted in localStorage ('clinstat.lang'),
 * defaulting to navigator.language (zh* -> Chinese, anything else -> English).
 *
 * Components call `t('key', params)` and `tx(i18nText)`; both read `lang.current`, so any
 * template using them re-renders when the language changes.
 */
import { detectLang, isLang, pick, pickPair, translate, type Lang, type MessageKey, type Params } from '../../core/i18n';
import type { I18nText } from '../../core/plugin/types';

const STORAGE_KEY = 'clinstat.lang';

function initialLang(): Lang {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (isLang(saved)) return saved;
  } catch {
    // Storage may be disabled by policy on locked-down PCs; fall through to the browser language.
  }
  return detectLang(globalThis.navigator?.language);
}

class LangStore {
  current = $state<Lang>(initialLang());

  constructor() {
    this.#applyToDocument();
  }

  set(lang: Lang): void {
    this.current = lang;
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, lang);
    } catch {
      // Not persisted; the choice still holds for this session.
    }
    this.#applyToDocument();
  }

  #applyToDocument(): void {
    if (typeof document === 'undefined') return;
    document.documentElement.lang = this.current === 'zh' ? 'zh-CN' : 'en';
    document.title = translate(this.current, 'app.name');
  }
}

export const lang = new LangStore();

/** Translates a UI string in the current language. */
export function t(key: MessageKey, params?: Params): string {
  return translate(lang.current, key, params);
}

/** The current-language text of a bilingual object (manifest titles, error messages, ...). */
export function tx(text: I18nText | undefined | null): string {
  return pick(lang.current, text);
}

/** The current-language text of an `x` / `x_zh` pair from a result. */
export function tp(enText: string, zhText?: string): string {
  return pickPair(lang.current, enText, zhText);
}

/** Joins a list with the separator of the current language ("a, b" / "a、b"). */
export function tlist(items: string[]): string {
  return items.join(lang.current === 'zh' ? '、' : ', ');
}
