import { describe, expect, it } from 'vitest';
import { createNodeConnector } from '$core/engine/duckdb-node';
import { CategoricalReader, codedToCategorical, completeRows, noneMissing, NumericReader, readCategorical, readNumeric, readNumericChecked, readStrings, selectExpression, toCategorical } from '$core/plugin/columns';
import { resultBatches } from '$core/engine/batches';

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

  it('reads VARCHAR as dictionary codes: the same factor as from strings (short, long, non-ASCII, empty, null)', async () => {
    const c = await createNodeConnector();
    await c.query(`CREATE TABLE u AS SELECT i, CASE WHEN i % 11 = 0 THEN NULL WHEN i % 6 = 0 THEN 'très long libellé ' || (i % 4)
      WHEN i % 6 = 1 THEN '' WHEN i % 6 = 2 THEN 'é' WHEN i % 6 = 3 THEN 'abcdef' || (i % 3) ELSE CAST(i % 9 AS VARCHAR) END AS g,
      CASE WHEN i % 13 = 0 THEN NULL ELSE i END AS x FROM range(7000) r(i)`);
    const t = await c.query(`SELECT g, CAST(x AS DOUBLE) AS x, CAST(i AS DOUBLE) AS full, CASE WHEN i = 6500 THEN 'NaN'::DOUBLE ELSE i END AS nan FROM u ORDER BY i`);
    // the missing flag: nulls, none, a NaN in a later batch
    expect(readNumericChecked(t, 1).missing).toBe(true);
    expect(readNumericChecked(t, 2).missing).toBe(false);
    expect(readNumericChecked(t, 3).missing).toBe(true);
    expect(noneMissing([{ kind: 'numeric', ...readNumericChecked(t, 2) }])).toBe(true);
    expect(noneMissing([{ kind: 'numeric', ...readNumericChecked(t, 2) }, { kind: 'coded', values: readCategorical(t, 0) }])).toBe(false);
    const strings = readStrings(t, 0);
    const coded = readCategorical(t, 0);
    const x = readNumeric(t, 1);
    for (const type of ['categorical', 'integer'] as const) {
      expect(codedToCategorical('g', type, coded)).toEqual(toCategorical('g', type, strings));
      const keep = completeRows([{ kind: 'numeric', values: x }, { kind: 'coded', values: coded }], 7000);
      expect(keep).toEqual(completeRows([{ kind: 'numeric', values: x }, { kind: 'categorical', values: strings }], 7000));
      expect(codedToCategorical('g', type, coded, keep)).toEqual(toCategorical('g', type, strings, keep));
    }
    await c.close();
  });

  it('streamed batches read into the same columns as a whole result, also when more rows come than counted', async () => {
    const c = await createNodeConnector();
    await c.query(`CREATE TABLE s AS SELECT i, CASE WHEN i % 7 = 0 THEN NULL ELSE i * 0.25 END AS x, CASE WHEN i % 9 = 0 THEN NULL ELSE 'g' || (i % 4) END AS g FROM range(9000) r(i)`);
    const whole = await c.query('SELECT x, g FROM s');
    const streamed = await resultBatches(c, 'x, g', 'FROM s');
    expect(c.stream).toBeDefined(); // the Node connector streams
    expect(streamed.rows).toBe(9000);
    // capacity 1: the readers grow as batches arrive
    const num = new NumericReader(1);
    const cat = new CategoricalReader(1);
    for await (const batch of streamed.batches) {
      num.push(batch.data.children[0]);
      cat.push(batch.data.children[1]);
    }
    const x = num.finish();
    const g = cat.finish();
    expect(Array.from(x.values)).toEqual(Array.from(readNumeric(whole, 0)));
    expect(x.missing).toBe(true);
    const ref = readCategorical(whole, 1);
    expect(Array.from(g.codes)).toEqual(Array.from(ref.codes));
    expect(g.dict).toEqual(ref.dict);
    await c.close();
  });
});
