import { describe, expect, it } from 'vitest';
import { preludeCode, sqlFilterToR } from '$core/results/r-prelude';

describe('SQL filter to R', () => {
  it('translates comparisons, logic, IN and NULL tests', () => {
    expect(sqlFilterToR("age >= 40 AND sex = 'F'")).toBe('age >= 40 & sex == "F"');
    expect(sqlFilterToR('dose IN (0.5, 1) OR NOT smoker')).toBe('dose %in% c(0.5, 1) | ! smoker');
    expect(sqlFilterToR('hba1c IS NOT NULL AND x <> 2')).toBe('!is.na(hba1c) & x != 2');
    expect(sqlFilterToR('"blood pressure" > 140')).toBe('`blood pressure` > 140');
  });
  it('refuses what it cannot translate faithfully', () => {
    expect(sqlFilterToR("name LIKE 'A%'")).toBeNull();
    expect(sqlFilterToR('x::INTEGER > 1')).toBeNull();
  });
  it('writes the data-reading lines for each format', () => {
    expect(preludeCode({ file: 'a.csv', format: 'csv' }, undefined)).toMatch(/^d <- read\.csv\("a\.csv"/);
    expect(preludeCode({ file: 'a.xlsx', format: 'xlsx', sheet: 'S2' }, 'x > 1')).toBe(
      'd <- as.data.frame(readxl::read_excel("a.xlsx", sheet = "S2"))\n# Filter (SQL): x > 1\nd <- subset(d, x > 1)',
    );
  });
});
