// Builds datasets on the shipped demo registry with the real DuckDB and cross-checks every
// feature kind against plain TypeScript over the raw rows (or the catalogue's own definitions).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '$core/engine/connector';
import { CancelledError, CancelToken, UserError } from '$core/errors';
import { readColumnTypes } from '$core/data/metadata';
import { describeTable, listTables } from '$core/data/tables';
import type { RegistryManifest } from '$core/registry/types';
import { materializeAllPatients } from '$core/dataset/all-patients';
import { buildDataset, readDatasetColumns } from '$core/dataset/build';
import { toSingleQuery } from '$core/dataset/compile';
import type { DatasetDefinition, Feature } from '$core/dataset/types';
import type { JsonCell } from '$core/engine/rows';
import { days, openDemo, rows } from './demo';

let conn: Connector;
let manifest: RegistryManifest;
const COHORT = '__ds_cohort_test';

const def = (name: string, features: Feature[]): DatasetDefinition => ({ format: '1', name, registryId: 'stroke-demo', cohort: { kind: 'all-patients' }, features });

beforeAll(async () => {
  ({ conn, manifest } = await openDemo());
  await materializeAllPatients(conn, manifest, COHORT);
});
afterAll(async () => {
  await conn.close();
});

describe('built-in "All patients" cohort', () => {
  it('has every patient, index = patient.index_date, exit = min(death, last follow-up record)', async () => {
    const c = await rows(conn, `SELECT * FROM ${COHORT} ORDER BY patient_id`);
    expect(c.length).toBe(2000);
    const p = new Map((await rows(conn, 'SELECT patient_id, index_date, death_date FROM patient')).map((r) => [r.patient_id, r]));
    const last = new Map<unknown, string>();
    const lastOutcome = new Map<unknown, string>();
    for (const f of await rows(conn, 'SELECT patient_id, fu_date, event_date, outcome FROM follow_up ORDER BY patient_id, fu_date')) {
      const d = [f.fu_date, f.event_date].filter(Boolean).sort().at(-1) as string;
      if (!last.has(f.patient_id) || d >= last.get(f.patient_id)!) {
        last.set(f.patient_id, d);
        lastOutcome.set(f.patient_id, f.outcome as string);
      }
    }
    let deaths = 0;
    let lost = 0;
    for (const r of c) {
      const pt = p.get(r.patient_id)!;
      expect(r.index_date).toBe(pt.index_date);
      const death = pt.death_date as string | null;
      const end = last.get(r.patient_id)!;
      const exit = death && death <= end ? death : end;
      expect(r.exit_date).toBe(exit);
      const reason = death && death <= end ? 'death' : lastOutcome.get(r.patient_id) === 'lost_to_follow_up' ? 'censoring_event' : 'end_of_data';
      expect(r.exit_reason).toBe(reason);
      if (reason === 'death') deaths++;
      if (reason === 'censoring_event') lost++;
    }
    expect(deaths).toBeGreaterThan(100);
    expect(lost).toBeGreaterThan(100);
  });
});

describe('window features', () => {
  it('last / mean / count / ever of HbA1c around index match plain TypeScript over lab_result', async () => {
    const d = def('win', [
      { kind: 'window', name: 'hba1c_last', source: { kind: 'variable', id: 'laboratory.hba1c.all' }, window: { start: -30, end: 0 }, aggregate: 'last' },
      { kind: 'window', name: 'hba1c_mean', source: { kind: 'variable', id: 'laboratory.hba1c.all' }, window: { start: -365, end: 0 }, aggregate: 'mean' },
      { kind: 'window', name: 'hba1c_n', source: { kind: 'variable', id: 'laboratory.hba1c.all' }, window: { start: -365, end: 365 }, aggregate: 'count' },
      { kind: 'window', name: 'hba1c_ever', source: { kind: 'variable', id: 'laboratory.hba1c.all' }, window: { start: 1, end: 365 }, aggregate: 'ever' },
      { kind: 'window', name: 'age', source: { kind: 'variable', id: 'demographics.age' }, window: { start: 0, end: 0 }, aggregate: 'last' },
    ]);
    const built = await buildDataset(conn, manifest, d, COHORT);
    expect(built.rows).toBe(2000);
    const ds = new Map((await rows(conn, 'SELECT * FROM ds_win')).map((r) => [r.patient_id, r]));
    const index = new Map((await rows(conn, 'SELECT patient_id, index_date, age_at_index FROM patient')).map((r) => [r.patient_id, r]));
    const labs = await rows(conn, "SELECT patient_id, value, collected_at FROM lab_result WHERE loinc = '4548-4' AND value IS NOT NULL ORDER BY collected_at");
    const expected = new Map<JsonCell, { last: number | null; lastAt: string; sum: number; k: number; n: number; ever: boolean }>();
    for (const id of index.keys()) expected.set(id, { last: null, lastAt: '', sum: 0, k: 0, n: 0, ever: false });
    for (const l of labs) {
      const e = expected.get(l.patient_id)!;
      const dd = days(index.get(l.patient_id)!.index_date as string, l.collected_at as string);
      if (dd >= -30 && dd <= 0 && (l.collected_at as string) >= e.lastAt) ((e.last = l.value as number), (e.lastAt = l.collected_at as string));
      if (dd >= -365 && dd <= 0) ((e.sum += l.value as number), e.k++);
      if (dd >= -365 && dd <= 365) e.n++;
      if (dd >= 1 && dd <= 365) e.ever = true;
    }
    let withLast = 0;
    for (const [id, e] of expected) {
      const r = ds.get(id)!;
      expect(r.hba1c_last).toBe(e.last);
      if (e.k) expect(r.hba1c_mean as number).toBeCloseTo(e.sum / e.k, 10);
      else expect(r.hba1c_mean).toBeNull();
      expect(r.hba1c_n).toBe(e.n);
      expect(r.hba1c_ever).toBe(e.ever);
      expect(r.age).toBe(index.get(id)!.age_at_index);
      if (e.last !== null) withLast++;
    }
    expect(withLast).toBeGreaterThan(500);
    // Completeness per column is reported.
    expect(built.columns.find((c) => c.name === 'hba1c_last')!.present).toBe(withLast);
  });

  it('is registered like an imported table: listed, with measurement types and a codebook', async () => {
    const names = (await listTables(conn)).map((t) => t.name);
    expect(names).toContain('ds_win');
    expect(names).not.toContain(COHORT);
    const types = await readColumnTypes(conn, 'ds_win');
    expect(types.get('hba1c_last')).toBe('numeric');
    expect(types.get('hba1c_n')).toBe('integer');
    expect(types.get('hba1c_ever')).toBe('boolean');
    expect(types.get('index_date')).toBe('date');
    const info = await describeTable(conn, 'ds_win');
    expect(info.rows).toBe(2000);
    const cb = (await readDatasetColumns(conn, 'ds_win'))!;
    const last = cb.find((c) => c.name === 'hba1c_last')!;
    expect(last.definition.en).toBe(`last value of ${last.label.en} in the 30 days before index (days -30 to 0)`);
    expect(last.definition.zh).toMatch(/索引日前 30 天内/);
    expect(cb.find((c) => c.name === 'hba1c_last')!.unit).toBe('%');
  });
});

describe('outcomes', () => {
  it('1-year recurrence (yes/no and time-to-event) equals the catalogue definition on the demo', async () => {
    const d = def('out', [
      { kind: 'outcome', name: 'recur', source: { kind: 'variable', id: 'outcomes.recurrence_events' }, horizon: 365, type: 'binary' },
      { kind: 'outcome', name: 'recur', source: { kind: 'variable', id: 'outcomes.recurrence_events' }, horizon: 365, type: 'time-to-event' },
    ].map((f, i) => ({ ...f, name: i ? 'recur_tte' : 'recur' })) as Feature[]);
    await buildDataset(conn, manifest, d, COHORT);
    const got = await rows(conn, 'SELECT patient_id, recur, recur_tte_time, recur_tte_status FROM ds_out ORDER BY patient_id');
    const truth = (id: string) => manifest.catalogue.flatMap(function flat(n): typeof manifest.catalogue { return [n, ...(n.children ?? []).flatMap(flat)]; }).find((n) => n.id === id)!.variable!.sql;
    const yes = new Map((await rows(conn, truth('outcomes.recurrence_1y'))).map((r) => [r.patient_id, r.value]));
    const time = new Map((await rows(conn, truth('outcomes.recurrence_1y_time'))).map((r) => [r.patient_id, r.value]));
    let events = 0;
    for (const r of got) {
      expect(r.recur).toBe(yes.get(r.patient_id));
      expect(r.recur_tte_status).toBe(r.recur ? 1 : 0);
      expect(r.recur_tte_time).toBe(time.get(r.patient_id));
      if (r.recur) events++;
    }
    expect(events).toBeGreaterThan(50);
  });

  it('censors at death: a patient who died before the horizon without an event stops at the death day', async () => {
    const r = await rows(conn, `SELECT o.recur_tte_time AS t, o.recur_tte_status AS s, p.index_date, p.death_date FROM ds_out o JOIN patient p USING (patient_id) WHERE p.death_date - p.index_date < 365 AND NOT o.recur LIMIT 20`);
    expect(r.length).toBeGreaterThan(0);
    for (const x of r) {
      expect(x.s).toBe(0);
      expect(x.t).toBe(days(x.index_date as string, x.death_date as string));
    }
  });
});

describe('pivot, derived, bins, unit normalisation', () => {
  it('builds everything and matches plain TypeScript', async () => {
    const d = def('mix', [
      { kind: 'pivot', name: 'glu', source: { kind: 'variable', id: 'laboratory.glucose.all' }, window: { start: 0, end: 400 }, occurrences: 3 },
      { kind: 'window', name: 'creat_mgdl', source: { kind: 'table', table: 'lab_result', codeColumn: 'loinc', codes: ['2160-0'], valueColumn: 'value', timeColumn: 'collected_at', unit: { column: 'unit', target: 'mg/dL', conversions: [{ from: 'umol/L', factor: 1 / 88.42 }] } }, window: { start: -7, end: 2 }, aggregate: 'first' },
      { kind: 'window', name: 'creat_raw', source: { kind: 'variable', id: 'laboratory.creatinine.all' }, window: { start: -7, end: 2 }, aggregate: 'first' },
      { kind: 'window', name: 'age', source: { kind: 'variable', id: 'demographics.age' }, window: { start: 0, end: 0 }, aggregate: 'last' },
      { kind: 'window', name: 'sex', source: { kind: 'variable', id: 'demographics.sex' }, window: { start: 0, end: 0 }, aggregate: 'last' },
      { kind: 'derived', name: 'egfr', expression: 'egfr_ckd_epi_2021(creat_mgdl, age, sex)' },
      { kind: 'derived', name: 'ckd', expression: 'egfr < 60' },
      { kind: 'derived', name: 'agegrp', expression: 'age_group(age, 45, 65, 80)' },
      { kind: 'bin', name: 'egfr_cat', input: 'egfr', method: { kind: 'cutoffs', breaks: [30, 60, 90], closed: 'left', labels: ['G4-5', 'G3', 'G2', 'G1'] } },
      { kind: 'bin', name: 'age_q', input: 'age', method: { kind: 'quantiles', groups: 4 } },
    ]);
    const built = await buildDataset(conn, manifest, d, COHORT);
    expect(built.columns.map((c) => c.name).slice(4)).toEqual(['glu_1', 'glu_2', 'glu_3', 'creat_mgdl', 'creat_raw', 'age', 'sex', 'egfr', 'ckd', 'agegrp', 'egfr_cat', 'age_q']);
    expect(built.columns.find((c) => c.name === 'creat_mgdl')!.unit).toBe('mg/dL');
    expect(built.columns.find((c) => c.name === 'egfr_cat')!.levels).toEqual(['G4-5', 'G3', 'G2', 'G1']);
    const ds = await rows(conn, 'SELECT * FROM ds_mix ORDER BY patient_id');
    const index = new Map((await rows(conn, 'SELECT patient_id, index_date FROM patient')).map((r) => [r.patient_id, r.index_date as string]));
    const glu = new Map<unknown, number[]>();
    for (const l of await rows(conn, "SELECT patient_id, value, collected_at FROM lab_result WHERE loinc = '2345-7' AND value IS NOT NULL ORDER BY patient_id, collected_at")) {
      const dd = days(index.get(l.patient_id)!, l.collected_at as string);
      if (dd >= 0 && dd <= 400) glu.set(l.patient_id, [...(glu.get(l.patient_id) ?? []), l.value as number]);
    }
    const ages = ds.map((r) => r.age as number).sort((a, b) => a - b);
    const q = (p: number) => {
      const h = (ages.length - 1) * p;
      return ages[Math.floor(h)] + (h - Math.floor(h)) * (ages[Math.ceil(h)] - ages[Math.floor(h)]);
    };
    let egfrs = 0;
    for (const r of ds) {
      const g = glu.get(r.patient_id) ?? [];
      expect([r.glu_1, r.glu_2, r.glu_3]).toEqual([g[0] ?? null, g[1] ?? null, g[2] ?? null]);
      if (r.creat_raw === null) expect(r.creat_mgdl).toBeNull();
      else expect(r.creat_mgdl as number).toBeCloseTo((r.creat_raw as number) / 88.42, 10);
      if (r.egfr !== null) {
        egfrs++;
        const f = r.sex === 'F';
        const scr = r.creat_mgdl as number;
        const k = f ? 0.7 : 0.9;
        const e = 142 * Math.min(scr / k, 1) ** (f ? -0.241 : -0.302) * Math.max(scr / k, 1) ** -1.2 * 0.9938 ** (r.age as number) * (f ? 1.012 : 1);
        expect(r.egfr as number).toBeCloseTo(e, 8);
        expect(r.ckd).toBe(e < 60);
        const cat = e < 30 ? 'G4-5' : e < 60 ? 'G3' : e < 90 ? 'G2' : 'G1';
        expect(r.egfr_cat).toBe(cat);
      } else expect(r.egfr_cat).toBeNull();
      const a = r.age as number;
      expect(r.agegrp).toBe(a < 45 ? '<45' : a < 65 ? '45-64' : a < 80 ? '65-79' : '≥80');
      expect(r.age_q).toBe(a <= q(0.25) ? 'Q1' : a <= q(0.5) ? 'Q2' : a <= q(0.75) ? 'Q3' : 'Q4');
    }
    expect(egfrs).toBeGreaterThan(1000);
  });

  it('one SQL statement gives the same table as the step-by-step build', async () => {
    const full = (await rows(conn, "SELECT definition FROM __clinstat_datasets WHERE table_name = 'ds_mix'"))[0].definition as string;
    const sql = toSingleQuery(JSON.parse(full) as DatasetDefinition, manifest, COHORT);
    const diff = await rows(conn, `SELECT (SELECT count(*) FROM ((${sql}) EXCEPT ALL (SELECT * FROM ds_mix)))::INTEGER AS a, (SELECT count(*) FROM ((SELECT * FROM ds_mix) EXCEPT ALL (${sql})))::INTEGER AS b, (SELECT count(*) FROM ds_mix)::INTEGER AS n`);
    expect(diff[0]).toEqual({ a: 0, b: 0, n: 2000 });
  });
});

describe('errors and cancellation', () => {
  it('rejects bad names, unknown features in expressions, and a mean of a category with UserErrors', async () => {
    await expect(buildDataset(conn, manifest, def('bad name', []), COHORT)).rejects.toBeInstanceOf(UserError);
    await expect(buildDataset(conn, manifest, def('x', [{ kind: 'derived', name: 'y', expression: 'nope + 1' }]), COHORT)).rejects.toThrow(/no feature named "nope"/);
    await expect(
      buildDataset(conn, manifest, def('x', [{ kind: 'window', name: 'sex', source: { kind: 'variable', id: 'demographics.sex' }, window: { start: 0, end: 0 }, aggregate: 'mean' }]), COHORT),
    ).rejects.toThrow(/mean needs numbers/);
    await expect(
      buildDataset(conn, manifest, def('x', [{ kind: 'window', name: 'a', source: { kind: 'variable', id: 'demographics.age' }, window: { start: 0, end: 0 }, aggregate: 'last' }, { kind: 'window', name: 'a', source: { kind: 'variable', id: 'demographics.age' }, window: { start: 0, end: 0 }, aggregate: 'last' }]), COHORT),
    ).rejects.toThrow(/two columns named "a"/);
  });

  it('stops between features when cancelled, reporting progress per feature, and leaves no temporary tables', async () => {
    const token = new CancelToken();
    const seen: string[] = [];
    const features: Feature[] = ['ldl_c', 'hdl_c', 'crp'].map((n) => ({ kind: 'window', name: n, source: { kind: 'variable', id: `laboratory.${n}.all` }, window: { start: -30, end: 0 }, aggregate: 'max' }));
    const p = buildDataset(conn, manifest, def('cancelled', features), COHORT, (_f, m) => {
      seen.push(m);
      if (seen.length === 2) token.cancel();
    }, token);
    await expect(p).rejects.toBeInstanceOf(CancelledError);
    expect(seen[0]).toMatch(/Computing ldl_c \(1\/3\)/);
    const left = await rows(conn, "SELECT table_name FROM duckdb_tables() WHERE table_name LIKE '__ds_cancelled%' OR table_name = 'ds_cancelled'");
    expect(left).toEqual([]);
  });
});

describe('wide to long', () => {
  it('turns the pivot columns into one row per patient and occurrence (missing values are dropped, as UNPIVOT does)', async () => {
    const { wideToLong } = await import('$core/dataset/wide-to-long');
    const r = await wideToLong(conn, 'ds_mix', { columns: ['glu_1', 'glu_2', 'glu_3'], out: 'mix_long' });
    const wide = await rows(conn, 'SELECT patient_id, glu_1, glu_2, glu_3 FROM ds_mix ORDER BY patient_id');
    const long = await rows(conn, 'SELECT * FROM mix_long');
    // UNPIVOT drops missing values.
    const expected = wide.flatMap((w) => [1, 2, 3].filter((k) => w[`glu_${k}`] !== null).map((k) => ({ patient_id: w.patient_id, variable: 'glu', occurrence: k, value: w[`glu_${k}`] })));
    expect(r.rows).toBe(expected.length);
    expect(long).toEqual(expected);
    expect((await readColumnTypes(conn, 'mix_long')).get('value')).toBe('numeric');
  });
});

describe('methods run on a built dataset', () => {
  it('Cox regression on ds_cox (time-to-recurrence from the builder) recovers planted hazard ratios', async () => {
    const { runAnalysis } = await import('$core/plugin/runner');
    const base = (name: string, id: string): Feature => ({ kind: 'window', name, source: { kind: 'variable', id }, window: { start: 0, end: 0 }, aggregate: 'last' });
    const d = def('cox', [
      { kind: 'outcome', name: 'recurrence', source: { kind: 'variable', id: 'outcomes.recurrence_events' }, horizon: 365, type: 'time-to-event' },
      base('age', 'demographics.age'),
      base('af', 'comorbidities.atrial_fibrillation'),
      base('diabetes', 'comorbidities.diabetes'),
      base('hypertension', 'comorbidities.hypertension'),
      base('prior_stroke', 'comorbidities.prior_stroke'),
      { kind: 'derived', name: 'age10', expression: '(age - 65) / 10' },
    ]);
    await buildDataset(conn, manifest, d, COHORT);
    const covariates = ['age10', 'hypertension', 'diabetes', 'af', 'prior_stroke'];
    const result = await runAnalysis(conn, { plugin: 'survival.cox', data: { table: 'ds_cox' }, roles: { time: 'recurrence_time', event: 'recurrence_status', covariates } }, {
      table: 'ds_cox',
      origin: { file: 'ds_cox', format: 'arrow' },
    });
    const rows = new Map(result.tables.tidy.rows.map((r) => [String(r.term), r]));
    for (const [term, hr] of [['age10', 1.25], ['afTRUE', 1.8], ['hypertensionTRUE', 1.4], ['prior_strokeTRUE', 1.5]] as const) {
      const r = rows.get(term);
      expect(r, `term ${term} in ${[...rows.keys()].join(', ')}`).toBeDefined();
      const z = (Number(r!.estimate) - Math.log(hr)) / Number(r!.std_error);
      expect(Math.abs(z), `${term}: HR ${Number(r!.exp_estimate).toFixed(2)} vs planted ${hr}`).toBeLessThan(3.5);
    }
  });
});

describe('a saved cohort from the cohort builder as input', () => {
  it('builds on the table materializeCohort makes: one row per cohort patient, exit at the 1-year window end', async () => {
    const { materializeCohort } = await import('$core/cohort/materialize');
    const { acceptanceDefinition } = await import('../cohort/fixtures');
    const c = await materializeCohort(conn, manifest, acceptanceDefinition(manifest), '__ds_cohort_saved');
    expect(c.count).toBeGreaterThan(100);
    const d: DatasetDefinition = { ...def('saved', [
      { kind: 'window', name: 'hba1c', source: { kind: 'variable', id: 'laboratory.hba1c.all' }, window: { start: -30, end: 0 }, aggregate: 'last' },
      { kind: 'outcome', name: 'recurrence', source: { kind: 'variable', id: 'outcomes.recurrence_events' }, horizon: 3650, type: 'time-to-event' },
    ]), cohort: { kind: 'table', table: '__ds_cohort_saved' } };
    const built = await buildDataset(conn, manifest, d, '__ds_cohort_saved');
    expect(built.rows).toBe(c.count);
    // Every patient of this cohort had HbA1c within 30 days before index (an inclusion rule).
    expect(built.columns.find((x) => x.name === 'hba1c')!.present).toBe(c.count);
    // Follow-up ends at the cohort's exit (at most 365 days), so no time exceeds it.
    const r = await rows(conn, 'SELECT max(recurrence_time) AS m, min(recurrence_time) AS lo, count(*) FILTER (WHERE recurrence_time > exit_date - index_date) AS over FROM ds_saved');
    expect(r[0].over).toBe(0);
    expect(r[0].m as number).toBeLessThanOrEqual(365);
    expect(r[0].lo as number).toBeGreaterThanOrEqual(0);
  });
});
