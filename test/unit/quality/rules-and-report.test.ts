// Declarative rules (good, malformed, switched off), the runner's cancellation and cache key,
// drill-down to a record and its source note span, the per-analysis summary, and the exports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '$core/engine/connector';
import { CancelToken, CancelledError } from '$core/errors';
import { qualityCheckFiles, qualityChecks } from '$core/quality/discovery';
import { valueDistribution } from '$core/quality/distribution';
import { qualityRecord } from '$core/quality/record';
import { qualityReportHtml, qualityReportXlsx } from '$core/quality/report';
import { qualityKey, runQuality, type QualityConfig } from '$core/quality/runner';
import { departmentScores } from '$core/quality/department';
import { byCategory, byTable, dashboardOrder, monthlyTrend, scoreBy } from '$core/quality/scoring';
import { qualitySummaryFor } from '$core/quality/summary-for';
import type { QualityReport, QualityRuleDef } from '$core/quality/types';
import { catalogueVariables, variableSource } from '$core/quality/variable-source';
import type { RegistryManifest } from '$core/registry/types';
import { openDemo } from './demo';

let conn: Connector;
let manifest: RegistryManifest;
const none: QualityConfig = { disabled: [], thresholds: {}, userRules: [] };

const userRule = (over: Partial<QualityRuleDef>): QualityRuleDef => ({
  id: 'user.test', category: 'consistency', severity: 'warning', threshold: 0, description: { en: 'test', zh: '测试' }, enabled: true, source: 'user', ...over,
});

beforeAll(async () => {
  ({ conn, manifest } = await openDemo());
}, 120_000);
afterAll(async () => {
  await conn?.close();
});

describe('quality check plugins', () => {
  it('are discovered, one folder per id, each with a Kahn category and both languages', () => {
    expect(qualityChecks.length).toBeGreaterThanOrEqual(16);
    for (const c of qualityChecks) {
      expect(qualityCheckFiles[c.id]).toBe(`/plugins/quality/${c.id}/manifest.ts`);
      expect(c.title.en && c.title.zh && c.summary.en && c.summary.zh).toBeTruthy();
      expect(['conformance', 'completeness', 'plausibility', 'temporal', 'uniqueness', 'consistency']).toContain(c.category);
    }
  });

  it('reads catalogue variables back to their source rows only when the SQL is a plain one-table select', () => {
    const vars = new Map(catalogueVariables(manifest).map((v) => [v.id, v.definition]));
    const sbp = variableSource(manifest, 'vital_signs.sbp.all', vars.get('vital_signs.sbp.all')!)!;
    expect(sbp.table.name).toBe('vital_sign');
    expect(sbp.column).toBe('value');
    // Aggregated (first reading on arrival) has no single source row.
    expect(variableSource(manifest, 'vital_signs.sbp.arrival', vars.get('vital_signs.sbp.arrival')!)).toBeNull();
  });
});

describe('allowed codes', () => {
  it('flags values outside the catalogue code list, record by record', async () => {
    // A manifest whose sex variable allows one code only: every patient of the other sex violates.
    const m = structuredClone(manifest);
    const walk = (nodes: typeof m.catalogue): void => {
      for (const n of nodes) {
        if (n.id === 'demographics.sex') n.variable!.codes = n.variable!.codes!.slice(0, 1);
        walk(n.children ?? []);
      }
    };
    walk(m.catalogue);
    const kept = m.catalogue.flatMap(function all(n): typeof m.catalogue { return [n, ...(n.children ?? []).flatMap(all)]; }).find((n) => n.id === 'demographics.sex')!.variable!.codes![0].code;
    const r = await runQuality({ conn, manifest: m, registryId: 'stroke-demo', config: none, only: ['conformance-codes'], manifestRules: false });
    const s = r.summaries.find((x) => x.variable === 'demographics.sex')!;
    const [other] = (await conn.query(`SELECT count(*)::INTEGER AS n FROM patient WHERE sex <> '${kept}'`)).toArray().map((x) => x.toJSON().n);
    expect(s.violating).toBe(other);
    expect(s.passed).toBe(false);
    expect(r.findings.every((f) => f.table === 'patient' && f.column === 'sex' && f.value !== kept)).toBe(true);
    // On the real catalogue the demo's coded variables all conform.
    const real = await runQuality({ conn, manifest, registryId: 'stroke-demo', config: none, only: ['conformance-codes'], manifestRules: false });
    expect(real.summaries.length).toBeGreaterThan(4);
    expect(real.summaries.every((x) => x.violating === 0 && !x.error)).toBe(true);
  });
});

describe('declarative rules', () => {
  it('a structured user rule runs, and a switched-off one does not', async () => {
    const rule = userRule({ id: 'user.dbp_ge_sbp', condition: { table: 'vital_sign', where: "loinc = '8867-4' AND value < 40", column: 'value' } });
    const on = await runQuality({ conn, manifest, registryId: 'stroke-demo', config: { ...none, userRules: [rule] }, only: [], manifestRules: false });
    const s = on.summaries.find((x) => x.check === 'rule:user.dbp_ge_sbp')!;
    expect(s.table).toBe('vital_sign');
    expect(s.violating).toBe(3); // the three planted heart rates of 0
    expect(on.findings.filter((f) => f.check === 'rule:user.dbp_ge_sbp').map((f) => f.detail.en)).toEqual(['value = 0.0', 'value = 0.0', 'value = 0.0']);
    const off = await runQuality({ conn, manifest, registryId: 'stroke-demo', config: { ...none, userRules: [{ ...rule, enabled: false }] }, only: [], manifestRules: false });
    expect(off.summaries.find((x) => x.check === 'rule:user.dbp_ge_sbp')).toBeUndefined();
    const disabled = await runQuality({ conn, manifest, registryId: 'stroke-demo', config: { ...none, disabled: ['rule:qr.glucose_unit'] }, only: [] });
    expect(disabled.summaries.map((x) => x.check)).not.toContain('rule:qr.glucose_unit');
    expect(disabled.summaries.map((x) => x.check)).toContain('rule:qr.score_contradiction');
  });

  it('expected-measurement and cross-field rules written as SQL (the examples of docs/QUALITY.md) run', async () => {
    const rules = [
      userRule({
        id: 'user.diabetes_without_hba1c', category: 'completeness', threshold: 50,
        sql: `SELECT 'patient' AS table_name, CAST(p.patient_id AS VARCHAR) AS record_id, CAST(p.patient_id AS VARCHAR) AS patient_id, 'diabetes without any HbA1c' AS detail
              FROM patient p WHERE EXISTS (SELECT 1 FROM diagnosis d WHERE d.patient_id = p.patient_id AND d.icd10 >= 'E10' AND d.icd10 < 'E15')
              AND NOT EXISTS (SELECT 1 FROM lab_result l WHERE l.patient_id = p.patient_id AND l.loinc = '4548-4')`,
      }),
      userRule({
        id: 'user.dbp_not_below_sbp',
        sql: `SELECT 'vital_sign' AS table_name, CAST(d.vital_id AS VARCHAR) AS record_id, CAST(d.patient_id AS VARCHAR) AS patient_id, 'diastolic ' || d.value || ' >= systolic ' || s.value AS detail
              FROM vital_sign d JOIN vital_sign s ON s.patient_id = d.patient_id AND s.measured_at = d.measured_at AND s.loinc = '8480-6'
              WHERE d.loinc = '8462-4' AND d.value >= s.value`,
      }),
    ];
    const r = await runQuality({ conn, manifest, registryId: 'stroke-demo', config: { ...none, userRules: rules }, only: [], manifestRules: false });
    expect(r.summaries.filter((s) => s.error)).toEqual([]);
    const missing = r.findings.filter((f) => f.check === 'rule:user.diabetes_without_hba1c');
    const s = r.summaries.find((x) => x.check === 'rule:user.diabetes_without_hba1c')!;
    expect(s.table).toBe('patient');
    expect(s.checked).toBe(2000);
    expect(missing.length).toBe(s.violating);
    // Each patient listed has a diabetes diagnosis and no HbA1c at all (checked independently).
    for (const f of missing.slice(0, 5)) {
      const [row] = (await conn.query(`SELECT (SELECT count(*) FROM diagnosis WHERE patient_id = ${f.patient_id} AND icd10 LIKE 'E1%' AND icd10 < 'E15')::INTEGER AS dm, (SELECT count(*) FROM lab_result WHERE patient_id = ${f.patient_id} AND loinc = '4548-4')::INTEGER AS a1c`)).toArray().map((x) => x.toJSON());
      expect(row.dm).toBeGreaterThan(0);
      expect(row.a1c).toBe(0);
    }
    expect(r.summaries.find((x) => x.check === 'rule:user.dbp_not_below_sbp')!.table).toBe('vital_sign');
  });

  it('a malformed rule gets a specific message and the other checks still run', async () => {
    const rules = [
      userRule({ id: 'user.bad_sql', sql: 'SELECT * FROM no_such_table' }),
      userRule({ id: 'user.bad_columns', sql: 'SELECT lab_id, patient_id FROM lab_result' }),
      userRule({ id: 'user.bad_table', condition: { table: 'labs', where: 'value > 1' } }),
    ];
    const r = await runQuality({ conn, manifest, registryId: 'stroke-demo', config: { ...none, userRules: rules }, only: ['temporal-start-end'] });
    const err = (id: string) => r.summaries.find((s) => s.check === `rule:${id}`)!;
    expect(err('user.bad_sql').error!.en).toMatch(/Rule "user.bad_sql": its SQL does not run: .*no_such_table/);
    expect(err('user.bad_sql').passed).toBe(false);
    expect(err('user.bad_columns').error!.en).toMatch(/must return the columns table_name, record_id, patient_id, detail; table_name, record_id, detail are missing \(it returns lab_id, patient_id\)/);
    expect(err('user.bad_columns').error!.zh).toMatch(/缺少/);
    expect(err('user.bad_table').error!.en).toMatch(/there is no table "labs"/);
    // The generic check and the manifest's rules still ran.
    expect(r.summaries.filter((s) => s.check === 'temporal-start-end').reduce((n, s) => n + s.violating, 0)).toBe(6);
    expect(r.summaries.find((s) => s.check === 'rule:qr.score_contradiction')!.violating).toBe(6);
  });
});

describe('runner', () => {
  it('reports progress, stops when cancelled, and keys runs by data version and rule set', async () => {
    const seen: number[] = [];
    const cancel = new CancelToken();
    const run = runQuality({
      conn, manifest, registryId: 'stroke-demo', config: none, cancel,
      progress: (f) => {
        seen.push(f);
        if (seen.length === 3) cancel.cancel();
      },
    });
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    expect(seen.length).toBe(3);
    const a = qualityKey('stroke-demo', manifest, none);
    expect(a).toMatch(/^stroke-demo@.+#[0-9a-f]{8}$/);
    expect(qualityKey('stroke-demo', manifest, none)).toBe(a);
    expect(qualityKey('stroke-demo', manifest, { ...none, disabled: ['plausibility-outlier'] })).not.toBe(a);
    expect(qualityKey('stroke-demo', { ...manifest, version: 'other' }, none)).not.toBe(a);
  });

  it('keeps at most `limit` findings per check while the counts stay exact', async () => {
    const r = await runQuality({ conn, manifest, registryId: 'stroke-demo', config: none, only: ['temporal-within-visit'], manifestRules: false, limit: 3 });
    const total = r.summaries.reduce((n, s) => n + s.violating, 0);
    expect(total).toBe(8); // the events after death are outside their visits too
    expect(r.findings.length).toBe(3);
  });
});

describe('dashboard, drill-down, summary and export', () => {
  let report: QualityReport;
  beforeAll(async () => {
    report = await runQuality({ conn, manifest, registryId: 'stroke-demo', config: none });
  }, 120_000);

  it('scores per table and category, orders failed checks first, and trends by month', () => {
    const cats = scoreBy(report.summaries, byCategory);
    expect(cats.map((c) => c.key).sort()).toEqual(['completeness', 'conformance', 'consistency', 'plausibility', 'temporal', 'uniqueness']);
    const vital = scoreBy(report.summaries, byTable).find((t) => t.key === 'vital_sign')!;
    expect(vital.failed).toBeGreaterThan(0);
    expect(vital.score).toBeLessThan(100);
    const ordered = dashboardOrder(report.summaries);
    const firstPass = ordered.findIndex((s) => s.passed);
    expect(ordered.slice(firstPass).every((s) => s.passed)).toBe(true);
    // Departments come from the visit a record belongs to.
    const deps = departmentScores(report.findings, report.rowsByDepartment);
    expect(deps.length).toBeGreaterThan(1);
    expect(deps.reduce((n, d) => n + d.findings, 0)).toBe(report.findings.filter((f) => f.department).length);
    expect(report.findings.find((f) => f.check === 'plausibility-unit-error')!.department).toBeTruthy();
    const trend = monthlyTrend(report, ['temporal']);
    expect(trend.length).toBeGreaterThan(12);
    expect(trend.reduce((n, p) => n + p.violating, 0)).toBeGreaterThan(0);
  });

  it('opens a violating record, and the source note with the span for a value read from a note', async () => {
    const f = report.findings.find((x) => x.check === 'plausibility-range' && x.table === 'vital_sign')!;
    const rec = await qualityRecord(conn, manifest, f.table, f.record_id);
    expect(String(rec.row.vital_id)).toBe(f.record_id);
    expect(rec.note).toBeNull();
    const [label] = (await conn.query('SELECT label_id FROM label WHERE span_end > span_start LIMIT 1')).toArray().map((r) => String(r.toJSON().label_id));
    const withNote = await qualityRecord(conn, manifest, 'label', label);
    expect(withNote.note!.span_end!).toBeGreaterThan(withNote.note!.span_start!);
    expect(withNote.note!.text.slice(withNote.note!.span_start!, withNote.note!.span_end!).length).toBeGreaterThan(0);
    await expect(qualityRecord(conn, manifest, 'vital_sign', 'nope')).rejects.toThrow(/no record nope in vital_sign/);
  });

  it('gives the distribution behind a flagged value among rows of the same code', async () => {
    const f = report.findings.find((x) => x.check === 'plausibility-unit-error')!;
    const d = (await valueDistribution(conn, manifest, f.table, f.column!, f.record_id))!;
    expect(d.code).toBe('2345-7');
    expect(d.n).toBe(11083);
    expect(d.bins.reduce((n, b) => n + b.n, 0)).toBe(11083);
    // Glucose from 4.8 to 323 spans two orders of magnitude: log bins.
    expect(d.log).toBe(true);
    expect(d.bins[0].x0).toBeCloseTo(4.8, 5);
    expect(await valueDistribution(conn, manifest, 'note', 'text', '1')).toBeNull();
  });

  it('summarises the quality of the variables an analysis used', () => {
    const s = qualitySummaryFor(report, manifest, ['vital_signs.sbp.all', 'nursing_assessment.score', 'demographics.age']);
    const sbp = s.variables.find((v) => v.ref === 'vital_signs.sbp.all')!;
    expect(sbp.table).toBe('vital_sign');
    expect(sbp.failed).toBeGreaterThan(0);
    expect(s.variables.find((v) => v.ref === 'nursing_assessment.score')!.violating).toBeGreaterThanOrEqual(10);
    expect(s.variables.find((v) => v.ref === 'demographics.age')!.passed).toBe(true);
    expect(s.passed).toBe(false);
  });

  it('exports the report as HTML and Excel', async () => {
    const html = qualityReportHtml(report, manifest, 'zh');
    expect(html).toContain('数据质量报告');
    expect(html).toContain('plausibility-unit-error');
    expect(html).not.toMatch(/<script|https?:\/\//);
    const xlsx = await qualityReportXlsx(report, manifest, 'en');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.buffer as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['scores', 'checks', 'records']);
    expect(wb.getWorksheet('records')!.rowCount).toBe(report.findings.length + 1);
  });
});
