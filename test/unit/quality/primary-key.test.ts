// Key uniqueness: a table whose keys are unique is settled by one pass; a repeated key and an
// empty key are listed record by record; a two-column key counts as one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '$core/engine/connector';
import { createNodeConnector } from '$core/engine/duckdb-node';
import { runQuality } from '$core/quality/runner';
import { buildFixture } from './fixture';

let conn: Connector;
beforeAll(async () => {
  conn = await createNodeConnector();
});
afterAll(async () => {
  await conn.close();
});

describe('conformance-primary-key', () => {
  it('passes unique keys and lists repeated and empty ones', async () => {
    const m = await buildFixture(conn, 'keys', [
      { name: 'good', primary_key: ['id'], columns: [['id', 'integer'], ['patient_id', 'integer']], sql: 'SELECT range AS id, range AS patient_id FROM range(1000)' },
      { name: 'bad', primary_key: ['id'], columns: [['id', 'integer'], ['patient_id', 'integer']], sql: 'SELECT * FROM (VALUES (1, 1), (2, 2), (2, 3), (2, 4), (NULL, 5), (6, 6)) v(id, patient_id)' },
      { name: 'pair', primary_key: ['a', 'b'], columns: [['a', 'integer'], ['b', 'integer'], ['patient_id', 'integer']], sql: 'SELECT * FROM (VALUES (1, 1, 1), (1, 2, 1), (2, 1, 2), (1, 2, 3)) v(a, b, patient_id)' },
    ]);
    const r = await runQuality({ conn, manifest: m, registryId: m.id, config: { disabled: [], thresholds: {}, userRules: [] }, only: ['conformance-primary-key'], manifestRules: false });
    const by = (t: string) => r.summaries.find((s) => s.table === t)!;
    expect([by('good').checked, by('good').violating, by('good').passed]).toEqual([1000, 0, true]);
    // Rows 3 and 4 repeat key 2 (one finding: the record id is the key), row 5 has no key.
    expect([by('bad').checked, by('bad').violating, by('bad').passed]).toEqual([6, 3, false]);
    expect(r.findings.filter((f) => f.table === 'bad').map((f) => f.patient_id).sort()).toEqual(['3', '5']);
    expect(r.findings.find((f) => f.patient_id === '3')!.detail.en).toBe('key used 3 times');
    expect(r.findings.find((f) => f.patient_id === '5')!.detail.en).toBe('empty key');
    expect([by('pair').violating, r.findings.find((f) => f.table === 'pair')!.patient_id]).toEqual([1, '3']);
  });
});
