/**
 * Dashboard arithmetic over a report: scores (% of check×table/column verdicts that pass, DQD's
 * headline figure) per table, Kahn category and variable; the monthly trend of violating rows;
 * and the order in which the dashboard lists checks (failed first, errors before warnings, then
 * those touching the current study's variables, then the worst).
 */
import type { CheckSummary, KahnCategory, QualityReport } from './types';

export interface ScoreRow {
  key: string;
  passed: number;
  failed: number;
  /** % of verdicts that pass (100 when nothing was checked). */
  score: number;
  violating: number;
  checked: number;
}

export function scoreBy(summaries: CheckSummary[], keyOf: (s: CheckSummary) => string | null): ScoreRow[] {
  const rows = new Map<string, ScoreRow>();
  for (const s of summaries) {
    const key = keyOf(s);
    if (!key) continue;
    const r = rows.get(key) ?? { key, passed: 0, failed: 0, score: 100, violating: 0, checked: 0 };
    if (s.passed) r.passed++;
    else r.failed++;
    r.violating += s.violating;
    r.checked += s.checked;
    rows.set(key, r);
  }
  for (const r of rows.values()) r.score = r.passed + r.failed ? (100 * r.passed) / (r.passed + r.failed) : 100;
  return [...rows.values()].sort((a, b) => a.score - b.score || b.violating - a.violating || a.key.localeCompare(b.key));
}

export const byTable = (s: CheckSummary) => s.table || null;
export const byCategory = (s: CheckSummary) => s.category;
export const byVariable = (s: CheckSummary) => s.variable ?? (s.column ? `${s.table}.${s.column}` : null);

/** Overall score: % of all verdicts that pass. */
export function overallScore(summaries: CheckSummary[]): number {
  return summaries.length ? (100 * summaries.filter((s) => s.passed).length) / summaries.length : 100;
}

export interface TrendPoint {
  month: string;
  category: KahnCategory;
  /** Violating rows per 100 rows of the tables the category checked, that month. */
  percent: number;
  violating: number;
}

/**
 * Distribution drift by month: per category, violating rows that month over rows that month in
 * the tables the category's checks looked at (a jump shows when documentation changed).
 */
export function monthlyTrend(report: QualityReport, categories: KahnCategory[] = ['completeness', 'plausibility', 'temporal']): TrendPoint[] {
  const out: TrendPoint[] = [];
  for (const category of categories) {
    const sums = report.summaries.filter((s) => s.category === category && s.checked > 0);
    const tables = new Set(sums.map((s) => s.table));
    const violating = new Map<string, number>();
    for (const s of sums) for (const [m, n] of Object.entries(s.byMonth)) violating.set(m, (violating.get(m) ?? 0) + n);
    const rows = new Map<string, number>();
    for (const t of tables) for (const [m, n] of Object.entries(report.rowsByMonth[t] ?? {})) rows.set(m, (rows.get(m) ?? 0) + n);
    for (const [month, n] of [...rows].sort(([a], [b]) => a.localeCompare(b))) {
      const v = violating.get(month) ?? 0;
      out.push({ month, category, violating: v, percent: n ? (100 * v) / n : 0 });
    }
  }
  return out;
}

/** Whether a summary touches one of the study's variables ("table.column" or catalogue ids). */
export function touches(s: CheckSummary, study: Set<string>): boolean {
  return (!!s.variable && study.has(s.variable)) || (!!s.column && study.has(`${s.table}.${s.column}`)) || study.has(s.table);
}

export function dashboardOrder(summaries: CheckSummary[], study: Set<string> = new Set()): CheckSummary[] {
  const rank = (s: CheckSummary) => [s.passed ? 1 : 0, s.error ? 0 : 1, s.severity === 'error' ? 0 : 1, touches(s, study) ? 0 : 1];
  return [...summaries].sort((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i] - rb[i];
    return b.violating - a.violating || b.percent - a.percent;
  });
}
