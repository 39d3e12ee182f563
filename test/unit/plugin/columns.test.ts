import { describe, expect, it } from 'vitest';
import { createNodeConnector } from '$core/engine/duckdb-node';
import { completeRows, readNumeric, readStrings, selectExpression, toCategorical } from '$core/plugin/columns';

describe('reading columns into typed arrays', () => {
  it('reads DOUBLE and VARCHAR with nulls, across batches, and encodes factors in R order', async () => {
    const c = await createNodeConnector();
    // More rows than one Arrow batch, with nulls, to exercise the bitmap path.
    await c.query(`CREATE TABLE t AS SELECT i, CASE WHEN i % 7 = 0 THEN NULL ELSE i * 0.5 END AS x,
      CASE WHEN i % 5 = 0 THEN NULL WHEN i % 2 = 0 THEN '10' ELSE '9' END AS g, i % 3 = 0 AS b FROM range(5000) r(i)`);
    const types = { sqlType: 'DOUBLE', type: 'numeric' as const };
    const t = await c.query(`SELECT ${selectExpression('x', types, 'numeric')} AS x, ${selectExpression('g', { sqlType: 'VARCHAR', type: 'integer' }, 'categorical')} AS g,
      ${selectExpression('b', { sqlType: 'BOOLEAN', type: 'boolean' }, 'categorical')} AS b FROM t ORDER BY i`);
    const x = readNumeric(t, 0);
    expect(x.length).toBe(5000);
    expect(Number.isNaN(x[0])).toBe(true);
    expect(x[4999]).toBe(2499.5);
    const g = readStrings(t, 1);
    const keep = completeRows([{ kind: 'numeric', values: x }, { kind: 'categorical', values: g }], 5000);
    const factor = toCategorical('g', 'integer', g, keep);
    expect(factor.levels).toEqual(['9', '10']); // numeric order, as R's factor of numbers
    const expectedKept = [...Array(5000).keys()].filter((i) => i % 7 !== 0 && i % 5 !== 0).length;
    expect(factor.codes.length).toBe(expectedKept);
    expect(toCategorical('b', 'boolean', readStrings(t, 2)).levels).toEqual(['FALSE', 'TRUE']);
    await c.close();
  });
});
