/**
 * Unit normalisation of lab values: known conversion factors by analyte (LOINC code), and the
 * per-row normalisation of one code into a target unit given the units actually present.
 * value_in_target = value × factor.
 */
import type { I18nText } from '../plugin/types';
import type { UnitNormalisation } from './types';

export interface UnitConversion {
  analyte: I18nText;
  /** LOINC codes the factor applies to. */
  codes: string[];
  from: string;
  to: string;
  factor: number;
}

const pair = (analyte: I18nText, codes: string[], a: string, b: string, factor: number): UnitConversion[] => [
  { analyte, codes, from: a, to: b, factor },
  { analyte, codes, from: b, to: a, factor: 1 / factor },
];

export const UNIT_CONVERSIONS: UnitConversion[] = [
  // Glucose: 1 mmol/L = 18.016 mg/dL (molar mass 180.16 g/mol).
  ...pair({ en: 'Glucose', zh: '血糖' }, ['2345-7', '2339-0', '1558-6'], 'mmol/L', 'mg/dL', 18.016),
  // Creatinine: 1 mg/dL = 88.42 µmol/L.
  ...pair({ en: 'Creatinine', zh: '肌酐' }, ['2160-0', '38483-4'], 'umol/L', 'mg/dL', 1 / 88.42),
  // Cholesterol (total, LDL, HDL): 1 mmol/L = 38.67 mg/dL.
  ...pair({ en: 'Cholesterol', zh: '胆固醇' }, ['2093-3', '13457-7', '2089-1', '2085-9'], 'mmol/L', 'mg/dL', 38.67),
  // Triglycerides: 1 mmol/L = 88.57 mg/dL.
  ...pair({ en: 'Triglycerides', zh: '甘油三酯' }, ['2571-8'], 'mmol/L', 'mg/dL', 88.57),
  // Haemoglobin: 1 g/dL = 10 g/L.
  ...pair({ en: 'Haemoglobin', zh: '血红蛋白' }, ['718-7'], 'g/L', 'g/dL', 0.1),
];

/** Unit spellings compared loosely: µmol/L = umol/L = μmol/l. */
export function unitKey(u: string): string {
  return u.trim().replace(/[µμ]/g, 'u').toLowerCase();
}

/** Units a code can be expressed in: those present and those a known conversion reaches. */
export function targetUnits(code: string, present: string[]): string[] {
  const out = [...present];
  for (const c of UNIT_CONVERSIONS) {
    if (!c.codes.includes(code)) continue;
    if (present.some((p) => unitKey(p) === unitKey(c.from)) && !out.some((o) => unitKey(o) === unitKey(c.to))) out.push(c.to);
  }
  return out;
}

/**
 * The normalisation of rows of `code` into `target`: rows already in the target (any spelling)
 * are kept, rows in a unit with a known factor are converted; others will be missing.
 */
export function unitNormalisation(code: string, column: string, target: string, present: string[]): UnitNormalisation {
  const conversions: UnitNormalisation['conversions'] = [];
  for (const p of present) {
    if (p === target) continue;
    if (unitKey(p) === unitKey(target)) {
      conversions.push({ from: p, factor: 1 });
      continue;
    }
    const c = UNIT_CONVERSIONS.find((x) => x.codes.includes(code) && unitKey(x.from) === unitKey(p) && unitKey(x.to) === unitKey(target));
    if (c) conversions.push({ from: p, factor: c.factor });
  }
  return { column, target, conversions };
}
