import { describe, expect, it } from 'vitest';
import {
  MISSING,
  escapeHtml,
  formatCell,
  formatCi,
  formatInteger,
  formatNumber,
  formatPValue,
  formatPercent,
  formatTable,
  toHtml,
  toTsv,
} from '../../../src/core/results/format';
import type { ResultTable } from '../../../src/core/results/types';

describe('formatPValue', () => {
  it('uses "< 0.001" below 0.001 and 3 decimals otherwise', () => {
    expect(formatPValue(0.000999)).toBe('< 0.001');
    expect(formatPValue(1e-20)).toBe('< 0.001');
    expect(formatPValue(0)).toBe('< 0.001');
    expect(formatPValue(0.001)).toBe('0.001');
    expect(formatPValue(0.0456)).toBe('0.046');
    expect(formatPValue(0.06063)).toBe('0.061');
    expect(formatPValue(1)).toBe('1.000');
  });
  it('shows missing for null and non-finite', () => {
    expect(formatPValue(null)).toBe(MISSING);
    expect(formatPValue(undefined)).toBe(MISSING);
    expect(formatPValue(NaN)).toBe(MISSING);
  });
});

describe('formatNumber', () => {
  it('keeps about 3 significant digits by magnitude', () => {
    expect(formatNumber(12.3456)).toBe('12.3');
    expect(formatNumber(1.23456)).toBe('1.23');
    expect(formatNumber(0.123456)).toBe('0.123');
    expect(formatNumber(0.0123456)).toBe('0.0123');
    expect(formatNumber(0.00123456)).toBe('0.00123');
    expect(formatNumber(-1.915)).toBe('-1.92');
    expect(formatNumber(123.456)).toBe('123.5');
    expect(formatNumber(12345.678)).toBe('12345.7');
  });
  it('prints whole numbers without decimals and keeps trailing zeros otherwise', () => {
    expect(formatNumber(58)).toBe('58');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(1.5)).toBe('1.50');
    expect(formatNumber(-3)).toBe('-3');
  });
  it('uses exponent notation for very small and very large magnitudes', () => {
    expect(formatNumber(0.0000123)).toBe('1.23e-5');
    expect(formatNumber(123456789.5)).toBe('1.23e+8');
  });
  it('handles rounding that carries into the next magnitude', () => {
    expect(formatNumber(9.996)).toBe('10.0');
    expect(formatNumber(0.9996)).toBe('1.00');
    expect(formatNumber(0.09996)).toBe('0.100');
  });
  it('never prints negative zero', () => {
    expect(formatNumber(-0.0004)).toBe('-4.00e-4');
    expect(formatNumber(-1e-9)).toBe('-1.00e-9');
    expect(formatPercent(-0.00001)).toBe('0.0%');
  });
  it('shows missing for null and non-finite', () => {
    expect(formatNumber(null)).toBe(MISSING);
    expect(formatNumber(Infinity)).toBe(MISSING);
  });
});

describe('other types', () => {
  it('integers, percents and intervals', () => {
    expect(formatInteger(60)).toBe('60');
    expect(formatInteger(2.0000001)).toBe('2');
    expect(formatPercent(0.1234)).toBe('12.3%');
    expect(formatPercent(1)).toBe('100.0%');
    expect(formatCi(1.234, 5.678)).toBe('1.23, 5.68');
    expect(formatCi(null, null)).toBe(MISSING);
  });
  it('formatCell dispatches on the column type', () => {
    expect(formatCell(0.0004, 'p_value')).toBe('< 0.001');
    expect(formatCell(3.14159, 'number')).toBe('3.14');
    expect(formatCell(3.14159, 'ci')).toBe('3.14');
    expect(formatCell(42, 'integer')).toBe('42');
    expect(formatCell(0.5, 'percent')).toBe('50.0%');
    expect(formatCell('OJ', 'text')).toBe('OJ');
    expect(formatCell('[1.2, 3.4]', 'ci')).toBe('[1.2, 3.4]');
    expect(formatCell([1.234, 3.456], 'ci')).toBe('1.23, 3.46');
    expect(formatCell(true, 'text')).toBe('TRUE');
    expect(formatCell(null, 'number')).toBe(MISSING);
    expect(formatCell(undefined, 'p_value')).toBe(MISSING);
  });
});

describe('table export', () => {
  const table: ResultTable = {
    title: 'Test',
    columns: [
      { key: 'term', label: 'Term', type: 'text' },
      { key: 'estimate', label: 'Estimate', type: 'number' },
      { key: 'p_value', label: 'p', type: 'p_value' },
    ],
    rows: [
      { term: '<b>x</b>', estimate: 1.23456, p_value: 0.0001 },
      { term: 'y\tz', estimate: null, p_value: 0.5 },
    ],
  };
  it('TSV has headers, formatted values and empty missing cells', () => {
    expect(toTsv(formatTable(table))).toBe('Term\tEstimate\tp\n<b>x</b>\t1.23\t< 0.001\ny z\t\t0.500\n');
  });
  it('HTML escapes every value', () => {
    const html = toHtml(formatTable(table), 'A & B');
    expect(html).toContain('<caption>A &amp; B</caption>');
    expect(html).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(html).not.toContain('<b>x</b>');
    expect(escapeHtml(`"'`)).toBe('&quot;&#39;');
  });
});
