/**
 * The exportable data-quality report: a self-contained HTML page (no external resources, prints
 * well) and an Excel workbook (exceljs, loaded on demand) with sheets for scores, checks and the
 * violating records kept.
 */
import type { RegistryManifest } from '../registry/types';
import { byCategory, byTable, dashboardOrder, overallScore, scoreBy } from './scoring';
import type { QualityReport } from './types';

export type Lang = 'en' | 'zh';

const WORDS = {
  en: {
    title: 'Data-quality report', registry: 'Registry', version: 'version', run: 'Run', overall: 'Overall score', byCategory: 'By Kahn category', byTable: 'By table',
    checks: 'Checks', records: 'Violating records (first kept per check)', check: 'Check', category: 'Category', severity: 'Severity', table: 'Table', column: 'Column',
    checked: 'Rows checked', violating: 'Violating', percent: '% violating', threshold: 'Threshold %', status: 'Status', pass: 'pass', fail: 'FAIL', error: 'error',
    record: 'Record', patient: 'Patient', detail: 'Detail', score: 'Score %', passed: 'Passed', failed: 'Failed', key: 'Group',
  },
  zh: {
    title: '数据质量报告', registry: '登记库', version: '版本', run: '运行时间', overall: '总体得分', byCategory: '按 Kahn 类别', byTable: '按数据表',
    checks: '检查项', records: '违规记录（每项检查保留的前若干条）', check: '检查', category: '类别', severity: '严重程度', table: '数据表', column: '列',
    checked: '检查行数', violating: '违规行数', percent: '违规比例 %', threshold: '阈值 %', status: '状态', pass: '通过', fail: '未通过', error: '出错',
    record: '记录', patient: '患者', detail: '详情', score: '得分 %', passed: '通过', failed: '未通过', key: '分组',
  },
} as const;

function esc(s: unknown): string {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const pct = (x: number) => (x === 0 ? '0' : x < 0.01 ? '<0.01' : x.toFixed(2));

export function qualityReportHtml(report: QualityReport, manifest: RegistryManifest, lang: Lang): string {
  const w = WORDS[lang];
  const status = (passed: boolean, error?: unknown) => (error ? w.error : passed ? w.pass : w.fail);
  const scoreTable = (rows: ReturnType<typeof scoreBy>) =>
    `<table><tr><th>${w.key}</th><th>${w.score}</th><th>${w.passed}</th><th>${w.failed}</th><th>${w.violating}</th></tr>${rows
      .map((r) => `<tr><td>${esc(r.key)}</td><td>${r.score.toFixed(0)}</td><td>${r.passed}</td><td>${r.failed}</td><td>${r.violating}</td></tr>`)
      .join('')}</table>`;
  const checks = dashboardOrder(report.summaries)
    .map((s) => `<tr class="${s.passed ? 'ok' : 'bad'}"><td>${esc(s.title[lang])}<br><small>${esc(s.check)}</small></td><td>${esc(s.category)}</td><td>${esc(s.severity)}</td><td>${esc(s.table)}</td><td>${esc(s.variable ?? s.column ?? '')}</td><td>${s.checked}</td><td>${s.violating}</td><td>${pct(s.percent)}</td><td>${s.threshold}</td><td>${status(s.passed, s.error)}${s.error ? `<br><small>${esc(s.error[lang])}</small>` : ''}</td></tr>`)
    .join('');
  const records = report.findings
    .map((f) => `<tr><td>${esc(f.check)}</td><td>${esc(f.table)}</td><td>${esc(f.record_id)}</td><td>${esc(f.patient_id ?? '')}</td><td>${esc(f.column ?? '')}</td><td>${esc(f.detail[lang])}</td></tr>`)
    .join('');
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${esc(w.title)} — ${esc(manifest.title[lang])}</title>
<style>body{font:14px system-ui,sans-serif;margin:24px;color:#1b1f24}table{border-collapse:collapse;margin:8px 0 24px}td,th{border:1px solid #ccd;padding:4px 8px;text-align:left;vertical-align:top}th{background:#eef1f5}tr.bad td{background:#fdecec}small{color:#666}</style></head><body>
<h1>${esc(w.title)}</h1>
<p>${w.registry}: <b>${esc(manifest.title[lang])}</b> (${esc(report.registryId)}, ${w.version} ${esc(report.registryVersion)}) · ${w.run}: ${esc(report.startedAt)}</p>
<p>${w.overall}: <b>${overallScore(report.summaries).toFixed(0)}%</b></p>
<h2>${w.byCategory}</h2>${scoreTable(scoreBy(report.summaries, byCategory))}
<h2>${w.byTable}</h2>${scoreTable(scoreBy(report.summaries, byTable))}
<h2>${w.checks}</h2><table><tr><th>${w.check}</th><th>${w.category}</th><th>${w.severity}</th><th>${w.table}</th><th>${w.column}</th><th>${w.checked}</th><th>${w.violating}</th><th>${w.percent}</th><th>${w.threshold}</th><th>${w.status}</th></tr>${checks}</table>
<h2>${w.records}</h2><table><tr><th>${w.check}</th><th>${w.table}</th><th>${w.record}</th><th>${w.patient}</th><th>${w.column}</th><th>${w.detail}</th></tr>${records}</table>
</body></html>`;
}

export async function qualityReportXlsx(report: QualityReport, manifest: RegistryManifest, lang: Lang): Promise<Uint8Array> {
  const w = WORDS[lang];
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ClinStat Workbench';
  const bold = (ws: { getRow(n: number): { font: unknown } }) => ((ws.getRow(1) as { font: unknown }).font = { bold: true });

  const scores = wb.addWorksheet('scores');
  scores.addRow([w.registry, manifest.title[lang], report.registryId, report.registryVersion, report.startedAt]);
  scores.addRow([w.overall, Math.round(overallScore(report.summaries))]);
  scores.addRow([]);
  scores.addRow([w.key, w.score, w.passed, w.failed, w.violating]).font = { bold: true };
  for (const r of [...scoreBy(report.summaries, byCategory), ...scoreBy(report.summaries, byTable)]) scores.addRow([r.key, Math.round(r.score), r.passed, r.failed, r.violating]);

  const checks = wb.addWorksheet('checks');
  checks.addRow([w.check, 'id', w.category, w.severity, w.table, w.column, w.checked, w.violating, w.percent, w.threshold, w.status, w.detail]);
  bold(checks);
  for (const s of dashboardOrder(report.summaries)) {
    checks.addRow([s.title[lang], s.check, s.category, s.severity, s.table, s.variable ?? s.column ?? '', s.checked, s.violating, Number(s.percent.toFixed(4)), s.threshold, s.error ? w.error : s.passed ? w.pass : w.fail, s.error?.[lang] ?? '']);
  }
  checks.views = [{ state: 'frozen', ySplit: 1 }];

  const recs = wb.addWorksheet('records');
  recs.addRow([w.check, w.category, w.severity, w.table, w.record, w.patient, w.column, w.detail, 'value', 'time']);
  bold(recs);
  for (const f of report.findings) recs.addRow([f.check, f.category, f.severity, f.table, f.record_id, f.patient_id ?? '', f.column ?? '', f.detail[lang], f.value ?? '', f.time ?? '']);
  recs.views = [{ state: 'frozen', ySplit: 1 }];
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
