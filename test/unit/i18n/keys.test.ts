import { describe, expect, it } from 'vitest';
import { en } from '../../../src/core/i18n/en';
import { zh } from '../../../src/core/i18n/zh';
import { detectLang, interpolate, pick, translate } from '../../../src/core/i18n';

const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('i18n dictionaries', () => {
  it('en and zh have exactly the same keys', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });
  it('every string is non-empty and uses the same parameters in both languages', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(en[key].trim(), key).not.toBe('');
      expect(zh[key].trim(), key).not.toBe('');
      expect(params(zh[key]), key).toEqual(params(en[key]));
    }
  });
  it('zh strings are actually translated (contain CJK) except for pure symbols/names', () => {
    const untranslated = (Object.keys(en) as (keyof typeof en)[]).filter(
      (k) => zh[k] === en[k] && /[a-z]{3,}/i.test(en[k].replace(/\{\w+\}/g, '')),
    );
    expect(untranslated).toEqual([]);
  });
});

describe('translate', () => {
  it('fills parameters and falls back', () => {
    expect(translate('en', 'data.importing', { file: 'a.csv' })).toBe('Importing a.csv…');
    expect(translate('zh', 'data.importing', { file: 'a.csv' })).toBe('正在导入 a.csv…');
    expect(interpolate('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });
  it('picks bilingual text and detects the language', () => {
    expect(pick('zh', { en: 'Mean', zh: '均值' })).toBe('均值');
    expect(pick('zh', { en: 'Mean', zh: '' })).toBe('Mean');
    expect(detectLang('zh-CN')).toBe('zh');
    expect(detectLang('zh-Hant-TW')).toBe('zh');
    expect(detectLang('en-GB')).toBe('en');
    expect(detectLang(undefined)).toBe('en');
  });
});
