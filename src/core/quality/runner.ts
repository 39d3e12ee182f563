/**
 * Runs the enabled checks and rules over an open registry (tables already in DuckDB), one after
 * another with progress and cancellation between steps. A check or rule that fails becomes a
 * summary with an error; the others go on. Findings are deduplicated: one record, one column,
 * one explanation (a check's `supersedes` names the checks it explains better).
 */
import type { Connector } from '../engine/connector';
import { ident } from '../engine/connector';
import { toJsonRows } from '../engine/rows';
import { CancelledError, CancelToken } from '../errors';
import type { ProgressFn } from '../data/types';
import type { RegistryManifest } from '../registry/types';
import { attachDepartments, rowsByDepartment } from './department';
import { loadCheck, qualityChecks } from './discovery';
import { manifestRules, ruleCheckId, runRule } from './rules';
import { countByMonthSql, summaryOf } from './sql';
import type { CheckOutput, Finding, QualityCheckManifest, QualityReport, QualityRuleDef } from './types';

export interface QualityConfig {
  /** Check ids and rule check ids ("rule:<id>") switched off. */
  disabled: string[];
  /** Threshold overrides by check id or rule check id. */
  thresholds: Record<string, number>;
  /** Rules the user added. */
  userRules: QualityRuleDef[];
}

export interface RunQualityInput {
  conn: Connector;
  manifest: RegistryManifest;
  /** The id the engine knows the registry by. */
  registryId: string;
  config: QualityConfig;
  /** Violating records kept per check. */
  limit?: number;
  /** Only these checks (ids), e.g. the generic checks alone in tests. */
  only?: string[];
  /** Whether the manifest's rules run (default yes). */
  manifestRules?: boolean;
  progress?: ProgressFn;
  cancel?: CancelToken;
  checks?: QualityCheckManifest[];
}

export const DEFAULT_LIMIT = 1000;

/** A short stable hash (FNV-1a) of text. */
export function hashText(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** The cache key of a run: registry id + version + a hash of what runs and how. */
export function qualityKey(registryId: string, manifest: RegistryManifest, config: QualityConfig, extra = ''): string {
  const rules = [...manifestRules(manifest), ...config.userRules];
  const basis = JSON.stringify({ d: [...config.disabled].sort(), t: config.thresholds, r: rules.map((r) => [r.id, r.sql, r.condition, r.threshold, r.severity, r.category, r.enabled]), extra });
  return `${registryId}@${manifest.version}#${hashText(basis)}`;
}

export function allRules(manifest: RegistryManifest, config: QualityConfig, withManifest = true): QualityRuleDef[] {
  return [...(withManifest ? manifestRules(manifest) : []), ...config.userRules];
}

export async function runQuality(input: RunQualityInput): Promise<QualityReport> {
  const { conn, manifest, config } = input;
  const limit = input.limit ?? DEFAULT_LIMIT;
  const cancel = input.cancel ?? new CancelToken();
  const progress = input.progress ?? (() => {});
  const started = Date.now();
  const checks = (input.checks ?? qualityChecks).filter((c) => !config.disabled.includes(c.id) && (!input.only || input.only.includes(c.id)));
  const rules = allRules(manifest, config, input.manifestRules ?? true).filter((r) => r.enabled && !config.disabled.includes(ruleCheckId(r)));
  const steps = 2 + checks.length + rules.length;

  progress(0, 'Counting rows');
  const rows: Record<string, number> = {};
  const rowsByMonth: Record<string, Record<string, number>> = {};
  for (const t of manifest.tables) {
    cancel.throwIfCancelled();
    const time = t.time_columns[0];
    const r = toJsonRows(await conn.query(
      time ? countByMonthSql(`TRY_CAST(${ident(time)} AS DATE)`, ident(t.name)) : `SELECT '' AS month, count(*)::BIGINT AS n FROM ${ident(t.name)}`,
    ));
    rows[t.name] = r.reduce((s, x) => s + Number(x.n), 0);
    rowsByMonth[t.name] = Object.fromEntries(r.filter((x) => x.month).map((x) => [String(x.month), Number(x.n)]));
  }
  // Results several checks of this run compute from the same scan (shared.ts).
  const shared = new Map<string, Promise<unknown>>();

  const outputs: CheckOutput[] = [];
  let step = 1;
  for (const check of checks) {
    cancel.throwIfCancelled();
    progress(step / steps, `Check ${step}/${steps - 1}: ${check.title.en}`);
    const threshold = config.thresholds[check.id] ?? check.threshold;
    const ctx = { conn, manifest, check, threshold, options: { ...check.options }, limit, cancel, shared };
    try {
      const run = await loadCheck(check.id);
      outputs.push(await run(ctx));
    } catch (e) {
      if (e instanceof CancelledError) throw e;
      const m = (e as Error).message.split('\n')[0];
      outputs.push({ summaries: [summaryOf(ctx, '', null, 0, 0, {}, { en: `The check failed: ${m}`, zh: `检查运行失败：${m}` })], findings: [] });
    }
    step++;
  }
  for (const rule of rules) {
    cancel.throwIfCancelled();
    progress(step / steps, `Rule ${rule.id}`);
    const threshold = config.thresholds[ruleCheckId(rule)] ?? rule.threshold;
    outputs.push(await runRule({ conn, manifest, rule: { ...rule, threshold }, rows, limit }));
    step++;
  }
  progress(step / steps, 'Departments');
  const summaries = outputs.flatMap((o) => o.summaries);
  const findings = dedupeFindings(outputs.flatMap((o) => o.findings), input.checks ?? qualityChecks);
  const byDepartment = await rowsByDepartment(conn, manifest, new Set(findings.map((f) => f.table)));
  await attachDepartments(conn, manifest, findings);
  progress(1, 'Done');
  return {
    registryId: input.registryId,
    registryVersion: manifest.version,
    key: qualityKey(input.registryId, manifest, config, input.only?.join(',') ?? ''),
    startedAt: new Date(started).toISOString(),
    ms: Date.now() - started,
    summaries,
    findings,
    rowsByMonth,
    rows,
    rowsByDepartment: byDepartment,
  };
}

/**
 * One finding per (check, table, record, column), and none for a record that a superseding
 * check already explains (a unit error is not also reported as out of range; a value left empty
 * because result_text was "see note" is the type finding, not also a missing value).
 */
export function dedupeFindings(findings: Finding[], checks: QualityCheckManifest[]): Finding[] {
  const seen = new Set<string>();
  const byRecord = new Map<string, Set<string>>();
  for (const f of findings) {
    const k = `${f.table}|${f.record_id}`;
    const s = byRecord.get(k) ?? new Set<string>();
    s.add(f.check);
    byRecord.set(k, s);
  }
  const supersededBy = new Map<string, string[]>();
  for (const c of checks) for (const s of c.supersedes ?? []) supersededBy.set(s, [...(supersededBy.get(s) ?? []), c.id]);
  const out: Finding[] = [];
  for (const f of findings) {
    const key = `${f.check}|${f.table}|${f.record_id}|${f.column ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const onRecord = byRecord.get(`${f.table}|${f.record_id}`)!;
    if ((supersededBy.get(f.check) ?? []).some((c) => onRecord.has(c))) continue;
    out.push(f);
  }
  return out;
}
