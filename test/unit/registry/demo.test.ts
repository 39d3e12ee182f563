/**
 * The shipped demo registry (public/registries/stroke-demo) against the real DuckDB: the manifest
 * validates, every variable's SQL binds, the quality rules find exactly the planted defects, the
 * provenance spans point at the right text, and the planted effects show in crude comparisons.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '$core/engine/connector';
import { createNodeConnector } from '$core/engine/duckdb-node';
import { CancelToken } from '$core/errors';
import { importFile } from '$core/data';
import { validateIndex, validateManifest, catalogueVariables } from '$core/registry/validate';
import { checkDefinitions } from '$core/registry/check-sql';
import type { RegistryManifest } from '$core/registry/types';

const ROOT = path.resolve(__dirname, '../../../public/registries');
const DIR = path.join(ROOT, 'stroke-demo');
const manifestJson = JSON.parse(fs.readFileSync(path.join(DIR, 'registry.json'), 'utf8'));
const truth = JSON.parse(fs.readFileSync(path.join(DIR, 'ground_truth.json'), 'utf8'));

let conn: Connector;
let manifest: RegistryManifest;

async function rows(sql: string): Promise<Record<string, unknown>[]> {
  const t = await conn.query(sql);
  return t.toArray().map((r) => {
    const o = r.toJSON() as Record<string, unknown>;
    for (const k of Object.keys(o)) if (typeof o[k] === 'bigint') o[k] = Number(o[k]);
    return o;
  });
}

beforeAll(async () => {
  const v = validateManifest(manifestJson);
  if (!v.manifest) throw new Error(JSON.stringify(v.errors.slice(0, 5)));
  manifest = v.manifest;
  conn = await createNodeConnector();
  for (const t of manifest.tables) {
    const bytes = new Uint8Array(fs.readFileSync(path.join(DIR, t.file)));
    await importFile(conn, { name: t.file, bytes }, { tableName: t.name }, () => {}, new CancelToken());
  }
}, 180_000);
afterAll(async () => {
  await conn?.close();
});

describe('stroke-demo registry', () => {
  it('has a valid manifest and index', () => {
    expect(validateManifest(manifestJson).errors).toEqual([]);
    const idx = JSON.parse(fs.readFileSync(path.join(ROOT, 'index.json'), 'utf8'));
    expect(validateIndex(idx).errors).toEqual([]);
    for (const r of idx.registries) expect(fs.existsSync(path.join(ROOT, r.path, 'registry.json'))).toBe(true);
  });

  it('stays under 15 MB and lists every table file with its row count', async () => {
    const bytes = fs.readdirSync(DIR).reduce((s, f) => s + fs.statSync(path.join(DIR, f)).size, 0);
    expect(bytes).toBeLessThan(15e6);
    for (const t of manifest.tables) {
      const [{ n }] = await rows(`SELECT count(*) AS n FROM ${t.name}`);
      expect(n, t.name).toBe(t.rows);
    }
    expect(manifest.tables.map((t) => t.name).sort()).toEqual(
      ['biospecimen', 'diagnosis', 'environment', 'follow_up', 'imaging_report', 'lab_result', 'label', 'medication', 'note', 'nursing_assessment', 'omics', 'patient', 'procedure', 'visit', 'vital_sign'].sort(),
    );
  });

  it('imports every table with the column types the manifest declares', async () => {
    for (const t of manifest.tables) {
      const meta = await rows(`SELECT column_name AS name, data_type AS type FROM information_schema.columns WHERE table_name = '${t.name}'`);
      const sqlType = new Map(meta.map((m) => [m.name as string, m.type as string]));
      for (const c of t.columns) {
        expect(sqlType.has(c.name), `${t.name}.${c.name}`).toBe(true);
        const want = { integer: 'BIGINT', numeric: 'DOUBLE', boolean: 'BOOLEAN', date: 'DATE', datetime: 'TIMESTAMP', categorical: 'VARCHAR', text: 'VARCHAR' }[c.type];
        expect(sqlType.get(c.name), `${t.name}.${c.name}`).toBe(want);
      }
    }
  });

  it('binds every variable and quality rule', async () => {
    const report = await checkDefinitions(conn, manifest);
    const failed = report.checks.filter((c) => !c.ok).map((c) => c.errors.map((e) => e.en).join('; '));
    expect(failed).toEqual([]);
    expect(report.checks.filter((c) => c.kind === 'variable').length).toBeGreaterThan(250);
    expect(report.checks.find((c) => c.id === 'lifestyle.alcohol.type')!.provenance).toBe(true);
  });

  it('names in ground_truth.json only variables that exist in the catalogue', () => {
    const ids = new Set([...catalogueVariables(manifest.catalogue)].map((n) => n.id));
    const named = [truth.primary_outcome.id, truth.primary_outcome.time_variable, ...truth.null_variables.variables];
    for (const e of truth.effects) {
      named.push(e.variable);
      for (const l of e.levels ?? []) named.push(l.variable);
    }
    expect(named.filter((id: string) => !ids.has(id))).toEqual([]);
    expect(truth.effects.length).toBeGreaterThanOrEqual(8);
    expect(truth.null_variables.count).toBeGreaterThanOrEqual(200);
  });

  it('patient-grain variables give at most one value per patient', async () => {
    const bad: string[] = [];
    for (const n of catalogueVariables(manifest.catalogue)) {
      if (n.variable!.grain !== 'patient' || n.id.startsWith('omics.')) continue;
      const [{ dup }] = await rows(`SELECT count(*) - count(DISTINCT patient_id) AS dup FROM (${n.variable!.sql})`);
      if (dup !== 0) bad.push(`${n.id}: ${dup}`);
    }
    expect(bad).toEqual([]);
  });

  it('finds exactly the planted data-quality defects', async () => {
    const planted: { rule: string; table: string; record_id: string; kind: string }[] = truth.defects;
    const kinds = new Set(planted.map((d) => d.kind));
    for (const k of ['missing', 'out_of_range', 'unit_error', 'impossible_date', 'event_after_death', 'duplicate', 'score_contradiction', 'diagnosis_medication_contradiction', 'wrong_type']) {
      expect(kinds.has(k), k).toBe(true);
    }
    const problems: string[] = [];
    for (const rule of manifest.quality_rules) {
      const found = (await rows(rule.sql)).map((r) => `${r.table_name}:${r.record_id}`).sort();
      const want = planted.filter((d) => d.rule === rule.id).map((d) => `${d.table}:${d.record_id}`).sort();
      const missed = want.filter((w) => !found.includes(w));
      const extra = found.filter((f) => !want.includes(f));
      if (missed.length || extra.length) problems.push(`${rule.id}: missed ${missed.join(', ') || 'none'}; unexpected ${extra.slice(0, 5).join(', ') || 'none'}`);
      expect(want.length, rule.id).toBeGreaterThan(0);
    }
    expect(problems).toEqual([]);
    expect(new Set(planted.map((d) => d.rule))).toEqual(new Set(manifest.quality_rules.map((r) => r.id)));
  });

  it('cites note spans that hold the annotated facts', async () => {
    const r = await rows(`SELECT l.attribute, l.value, n.language, substring(n.text, l.span_start + 1, l.span_end - l.span_start) AS span FROM label l JOIN note n USING (note_id)`);
    expect(r.length).toBeGreaterThan(5000);
    const words: Record<string, [string, string]> = { baijiu: ['baijiu', '白酒'], beer: ['beer', '啤酒'], red_wine: ['red wine', '红酒'] };
    for (const x of r) {
      const span = x.span as string;
      if (x.attribute === 'alcohol.type') expect(span).toBe(words[x.value as string][x.language === 'en' ? 0 : 1]);
      else if (x.attribute === 'alcohol.years') expect(span).toBe(x.language === 'en' ? `${x.value} years` : `${x.value}年`);
      else if (x.attribute === 'alcohol.drinker') expect(x.value === 'yes' ? /Drinks|饮/.test(span) && !/否认|not/.test(span) : /Does not drink|否认饮酒/.test(span)).toBe(true);
      else if (x.attribute === 'smoking.status') expect(span.length).toBeGreaterThan(4);
    }
  });

  it('shows the planted effects in crude comparisons', async () => {
    const v = (id: string) => [...catalogueVariables(manifest.catalogue)].find((n) => n.id === id)!.variable!.sql;
    const rate = async (join: string, where: string) => {
      const [x] = await rows(`SELECT avg(CASE WHEN o.value THEN 1.0 ELSE 0 END) AS r, count(*) AS n FROM (${v('outcomes.recurrence_1y')}) o ${join} WHERE ${where}`);
      return x as { r: number; n: number };
    };
    const exposure = `JOIN (${v('lifestyle.alcohol.exposure')}) a USING (patient_id)`;
    const none = await rate(exposure, `a.value = 'none'`);
    const baijiu = await rate(exposure, `a.value = 'over_10y_baijiu'`);
    expect(baijiu.n).toBeGreaterThan(100);
    expect(baijiu.r).toBeGreaterThan(none.r * 1.4);
    const af = `JOIN (${v('comorbidities.atrial_fibrillation')}) f USING (patient_id)`;
    expect((await rate(af, 'f.value')).r).toBeGreaterThan((await rate(af, 'NOT f.value')).r);
    const ldl = `JOIN (${v('laboratory.ldl_c.admission')}) l USING (patient_id)`;
    expect((await rate(ldl, 'l.value >= 3.5')).r).toBeGreaterThan((await rate(ldl, 'l.value < 2.5')).r);
    // a null variable: the sex difference is small
    const sex = `JOIN (${v('demographics.sex')}) s USING (patient_id)`;
    const m = await rate(sex, `s.value = 'M'`), f = await rate(sex, `s.value = 'F'`);
    expect(Math.abs(m.r - f.r)).toBeLessThan(0.06);
    // primary outcome counts agree with the generator's own summary
    const [{ events }] = await rows(`SELECT count(*) FILTER (WHERE value) AS events FROM (${v('outcomes.recurrence_1y')})`);
    expect(events).toBe(truth.summary.recurrences_1y);
    const [{ bad }] = await rows(`SELECT count(*) AS bad FROM (${v('outcomes.recurrence_1y_time')}) WHERE value < 1 OR value > 365 OR value IS NULL`);
    expect(bad).toBe(0);
  });

  it('has recurrences 7 days after higher PM2.5 (case-crossover, lag 7)', async () => {
    const [x] = await rows(`
      WITH ev AS (SELECT f.patient_id, f.event_date AS d, p.city FROM follow_up f JOIN patient p USING (patient_id) WHERE f.outcome = 'recurrent_stroke'),
      hz AS (SELECT avg(e.pm25) AS pm FROM ev JOIN environment e ON e.city = ev.city AND e.date = ev.d - 7),
      ref AS (SELECT avg(e.pm25) AS pm FROM ev JOIN environment e ON e.city = ev.city AND e.date IN (ev.d - 7 - 28, ev.d - 7 + 28, ev.d - 7 - 14, ev.d - 7 + 14))
      SELECT hz.pm AS hazard, ref.pm AS referent FROM hz, ref`);
    expect(x.hazard as number).toBeGreaterThan(x.referent as number);
  });
});
