import { describe, expect, it } from 'vitest';
import { crossTab, crossTab3, expectedCounts, oneWay, parseNumberList, successIndex } from '$core/stats/contingency';

describe('contingency kernels', () => {
  const row = { levels: ['a', 'b'], codes: Int32Array.from([0, 0, 1, 1, -1, 1]) };
  const col = { levels: ['u', 'v', 'w'], codes: Int32Array.from([0, 1, 2, 2, 0, -1]) };
  it('crossTab counts and skips missing codes, like table()', () => {
    const t = crossTab(row, col);
    expect(t.counts).toEqual([
      [1, 1, 0],
      [0, 0, 2],
    ]);
    expect(t.rowTotals).toEqual([2, 2]);
    expect(t.colTotals).toEqual([1, 1, 2]);
    expect(t.total).toBe(4);
    expect(expectedCounts(t)[1][2]).toBe(1);
  });
  it('weights count each row w times, like xtabs(w ~ r + c)', () => {
    const t = crossTab(row, col, Float64Array.from([2, 3, 0.5, 1, 9, 9]));
    expect(t.counts).toEqual([
      [2, 3, 0],
      [0, 0, 1.5],
    ]);
    expect(oneWay(row, Float64Array.from([2, 3, 0.5, 1, 9, 9]))).toEqual([5, 10.5]);
  });
  it('three-way table', () => {
    const layer = { levels: ['k1', 'k2'], codes: Int32Array.from([0, 1, 0, 1, 0, 0]) };
    const t = crossTab3(row, col, layer);
    expect(t[0]).toEqual([
      [1, 0, 0],
      [0, 0, 1],
    ]);
  });
  it('success level and number lists', () => {
    expect(successIndex(['0', '1'], '', 'y').index).toBe(1);
    expect(successIndex(['no', 'yes'], 'no', 'y').index).toBe(0);
    expect(successIndex(['no', 'yes'], 'maybe', 'y').issue?.en).toContain('does not occur');
    expect(parseNumberList('0.2, 0.3,0.5')).toEqual([0.2, 0.3, 0.5]);
    expect(parseNumberList('0.2, x')).toBeNull();
  });
});
