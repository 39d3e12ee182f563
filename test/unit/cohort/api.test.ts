// The worker's cohort slice over a real WorkerContext (Node DuckDB, the demo registry opened but
// no table loaded): it loads the tables a definition needs, counts, returns issues per rule
// instead of counts, shows SQL, materialises, lists values, compares, and honours cancellation.
import { readFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '$core/engine/connector';
import { createNodeConnector } from '$core/engine/duckdb-node';
import { CancelToken, CancelledError } from '$core/errors';
import { RegistrySession } from '$core/registry/session';
import { countCohort } from '$core/cohort/run';
import { createCohortApi, type CohortApi } from '../../../src/worker/cohort-api';
import type { WorkerContext } from '../../../src/worker/context';
import { acceptanceDefinition } from './fixtures';

const root = pathToFileURL(fileURLToPath(new URL('../../../public/registries/', import.meta.url))).href;
let conn: Connector;
let api: CohortApi;
let session: RegistrySession;
let current = new CancelToken();

beforeAll(async () => {
  conn = await createNodeConnector();
  session = new RegistrySession(async (url) => new Uint8Array(await readFile(fileURLToPath(url))));
  await session.open(root, 'stroke-demo');
  const ctx: WorkerContext = {
    conn: async () => conn,
    registries: session,
    startWork: () => (current = new CancelToken()),
    progress: (task, cb) => (fraction, message) => cb?.({ task, fraction, message }),
  };
  api = createCohortApi(ctx);
});
afterAll(async () => {
  await conn.close();
});

describe('cohort API', () => {
  it('loads only the needed tables, then counts with attrition labels in both languages', async () => {
    const def = acceptanceDefinition(session.manifest('stroke-demo'));
    const progress: number[] = [];
    const r = await api.cohortCount('stroke-demo', def, (p) => progress.push(p.fraction));
    expect(r.steps.map((s) => s.remaining)).toEqual([2000, 2000, 1713, 1420, 1341]);
    expect(r.count).toBe(1341);
    expect(r.steps[1].label).toEqual({ en: 'Age ≥ 18 at index', zh: '索引时年龄 ≥ 18 岁' });
    expect(progress.length).toBeGreaterThan(0);
    const loaded = (await conn.query(`SELECT table_name FROM information_schema.tables`)).toArray().map((x) => String(x.toJSON().table_name));
    expect(loaded).toContain('lab_result');
    expect(loaded).not.toContain('omics');
  });

  it('returns issues per rule instead of counts, and refuses to materialise an invalid definition', async () => {
    const def = acceptanceDefinition(session.manifest('stroke-demo'));
    def.rules[1] = { ...def.rules[1], criterion: { kind: 'event', table: 'lab_result', window: { start: 5, end: 1 } } };
    const r = await api.cohortCount('stroke-demo', def);
    expect(r.steps).toEqual([]);
    expect(r.issues.map((i) => i.path)).toEqual(['rules[1].criterion.window']);
    expect((await api.cohortValidate('stroke-demo', def)).map((i) => i.path)).toEqual(['rules[1].criterion.window']);
    expect((await api.cohortSql('stroke-demo', def)).sql).toBe('');
    await expect(api.materializeCohort('stroke-demo', def, 'never')).rejects.toThrow(/rules\[1\]\.criterion\.window/);
  });

  it('shows the SQL, materialises, lists values', async () => {
    const def = acceptanceDefinition(session.manifest('stroke-demo'));
    const s = await api.cohortSql('stroke-demo', def);
    expect(s.sql).toMatch(/^WITH\n/);
    expect(s.attritionSql).toMatch(/UNION ALL/);
    expect(await api.materializeCohort('stroke-demo', def, 'my cohort')).toEqual({ table: 'my cohort', count: 1341 });
    expect(await api.cohortValues('stroke-demo', 'visit', 'visit_type')).toEqual(['emergency', 'inpatient', 'outpatient']);
    await expect(api.cohortValues('stroke-demo', 'visit', 'nope')).rejects.toThrow(/no column visit\.nope/);
  });

  it('compares two cohorts: overlap and SMDs', async () => {
    const a = acceptanceDefinition(session.manifest('stroke-demo'));
    const b = { ...a, rules: a.rules.slice(0, 3) };
    const c = await api.cohortCompare('stroke-demo', a, b);
    expect(c.counts).toEqual({ a: 1341, b: 1420, both: 1341, onlyA: 0, onlyB: 79 });
    const age = c.characteristics.find((x) => x.id === 'age')!;
    expect(age.kind).toBe('mean');
    expect(age.a.n).toBe(1341);
    expect(Math.abs(age.smd!)).toBeLessThan(0.1);
    expect(c.characteristics.some((x) => x.id === 'comorbidities.hypertension')).toBe(true);
    // The prior-stroke flag is 0% in both (those patients were excluded).
    const prior = c.characteristics.find((x) => x.id === 'comorbidities.prior_stroke')!;
    expect([prior.a.value, prior.b.value]).toEqual([0, 0]);
  });

  it('a cancelled count rejects with CancelledError', async () => {
    const m = session.manifest('stroke-demo');
    const token = new CancelToken();
    token.cancel();
    await expect(countCohort(conn, m, acceptanceDefinition(m), token)).rejects.toBeInstanceOf(CancelledError);
  });
});
