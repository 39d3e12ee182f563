import { describe, expect, it } from 'vitest';
import { finiteOrNull, sanitizeTable } from '$core/results/sanitize';

describe('sanitize', () => {
  it('turns NaN and Infinity into null with a note naming the cells', () => {
    const t = sanitizeTable({ title: 't', columns: [], rows: [{ a: 1, b: NaN }, { a: Infinity, b: 2 }] });
    expect(t.rows).toEqual([{ a: 1, b: null }, { a: null, b: 2 }]);
    expect(t.notes?.[0]).toContain('b (row 1)');
    expect(t.notes?.[0]).toContain('a (row 2)');
  });
  it('keeps the plugin’s own explanation', () => {
    const t = sanitizeTable({ title: 't', columns: [], rows: [{ a: NaN }], notes: ['sd needs n >= 2'] });
    expect(t.notes).toEqual(['sd needs n >= 2']);
  });
  it('cleans nested values', () => {
    expect(finiteOrNull({ x: [1, NaN], y: { z: -Infinity } })).toEqual({ x: [1, null], y: { z: null } });
  });
});
