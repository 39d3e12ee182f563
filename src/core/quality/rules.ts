/**
 * Declarative rules (REDCap-style data-quality rules, DQD-style thresholds). A rule is SQL that
 * returns the violating records (table_name, record_id, patient_id, detail) or a structured
 * condition over one table. The registry manifest ships rules; users add their own in the UI.
 * A broken rule becomes a failed summary with a message that says what is wrong; it never
 * stops the other checks.
 */
import type { Connector } from '../engine/connector';
import { ident } from '../engine/connector';
import { toJsonRows } from '../engine/rows';
import type { I18nText } from '../plugin/types';
import type { QualityRule, RegistryManifest } from '../registry/types';
import { countByMonthSql, patientIdSql, recordIdSql, rowsWritten, tableOf, timeSql } from './sql';
import type { CheckSummary, Finding, KahnCategory, QualityRuleDef } from './types';

export const RULE_COLUMNS = ['table_name', 'record_id', 'patient_id', 'detail'] as const;

const KIND_TO_CATEGORY: Record<QualityRule['kind'], KahnCategory> = {
  completeness: 'completeness',
  plausibility: 'plausibility',
  consistency: 'consistency',
  uniqueness: 'uniqueness',
  temporal: 'temporal',
};

export function manifestRules(manifest: RegistryManifest): QualityRuleDef[] {
  return (manifest.quality_rules ?? []).map((r) => ({
    id: r.id,
    category: KIND_TO_CATEGORY[r.kind] ?? 'consistency',
    severity: r.severity,
    threshold: 0,
    description: r.description,
    sql: r.sql,
    enabled: true,
    source: 'manifest' as const,
  }));
}

export function ruleCheckId(rule: QualityRuleDef): string {
  return `rule:${rule.id}`;
}

export class RuleError extends Error {
  constructor(readonly text: I18nText) {
    super(text.en);
  }
}

/** The SQL of a rule: its own, or generated from its condition. */
export function ruleSql(rule: QualityRuleDef, manifest: RegistryManifest): string {
  if (rule.sql?.trim()) return rule.sql.trim().replace(/;\s*$/, '');
  const c = rule.condition;
  if (!c || !c.table || !c.where?.trim()) {
    throw new RuleError({
      en: `Rule "${rule.id}" has neither SQL nor a condition. Write SQL, or choose a table and a condition.`,
      zh: `规则"${rule.id}"既没有 SQL 也没有条件。请填写 SQL，或选择数据表并填写条件。`,
    });
  }
  const table = tableOf(manifest, c.table);
  if (!table) {
    throw new RuleError({
      en: `Rule "${rule.id}": there is no table "${c.table}" in this registry. Choose one of: ${manifest.tables.map((t) => t.name).join(', ')}.`,
      zh: `规则"${rule.id}"：此登记库中没有数据表"${c.table}"。请从以下表中选择：${manifest.tables.map((t) => t.name).join('、')}。`,
    });
  }
  const detail = c.column ? `'${c.column} = ' || coalesce(CAST(${ident(c.column)} AS VARCHAR), '∅')` : `'condition met'`;
  return `SELECT '${table.name.replace(/'/g, "''")}' AS table_name, ${recordIdSql(table)} AS record_id, ${patientIdSql(table)} AS patient_id, ${detail} AS detail, ${timeSql(table)} AS __time FROM ${ident(table.name)} WHERE ${c.where}`;
}

/** Runs `DESCRIBE` on the rule's SQL: a specific message for SQL that does not run or returns the wrong columns. */
export async function validateRule(conn: Connector, rule: QualityRuleDef, manifest: RegistryManifest): Promise<string> {
  const sql = ruleSql(rule, manifest);
  let columns: string[];
  try {
    columns = toJsonRows(await conn.query(`DESCRIBE SELECT * FROM (${sql}) AS rule_result`)).map((r) => String(r.column_name));
  } catch (e) {
    const m = (e as Error).message.split('\n')[0];
    throw new RuleError({
      en: `Rule "${rule.id}": its SQL does not run: ${m}. Check the table and column names (the registry's tables are listed in the rule editor).`,
      zh: `规则"${rule.id}"：其 SQL 无法运行：${m}。请检查表名和列名（规则编辑器中列出了登记库的数据表）。`,
    });
  }
  const missing = RULE_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length) {
    throw new RuleError({
      en: `Rule "${rule.id}": its SQL must return the columns ${RULE_COLUMNS.join(', ')}; ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing (it returns ${columns.join(', ')}). Name them with AS, e.g. "CAST(lab_id AS VARCHAR) AS record_id".`,
      zh: `规则"${rule.id}"：其 SQL 必须返回列 ${RULE_COLUMNS.join('、')}；缺少 ${missing.join('、')}（实际返回 ${columns.join('、')}）。请用 AS 命名，例如 "CAST(lab_id AS VARCHAR) AS record_id"。`,
    });
  }
  return sql;
}

/** The first registry table the SQL reads, to name the table of a rule with no violations. */
function firstTable(sql: string, manifest: RegistryManifest): string {
  for (const m of sql.matchAll(/\bFROM\s+"?([A-Za-z_]\w*)"?/gi)) if (tableOf(manifest, m[1])) return m[1];
  return '';
}

export interface RuleRunInput {
  conn: Connector;
  manifest: RegistryManifest;
  rule: QualityRuleDef;
  rows: Record<string, number>;
  limit: number;
}

export async function runRule({ conn, manifest, rule, rows, limit }: RuleRunInput): Promise<{ summaries: CheckSummary[]; findings: Finding[] }> {
  const check = ruleCheckId(rule);
  const base = { check, category: rule.category, severity: rule.severity, title: rule.description, column: rule.condition?.column ?? null, threshold: rule.threshold };
  const summary = (table: string, violating: number, byMonth: Record<string, number>, error?: I18nText): CheckSummary => {
    const checked = rows[table] ?? 0;
    const percent = checked > 0 ? (100 * violating) / checked : violating > 0 ? 100 : 0;
    return { ...base, table, checked, violating, percent, passed: !error && percent <= rule.threshold, byMonth, ...(error ? { error } : {}) };
  };
  let sql: string;
  try {
    sql = await validateRule(conn, rule, manifest);
  } catch (e) {
    const text = e instanceof RuleError ? e.text : { en: `Rule "${rule.id}": ${(e as Error).message}`, zh: `规则"${rule.id}"：${(e as Error).message}` };
    return { summaries: [summary(rule.condition?.table ?? firstTable(rule.sql ?? '', manifest), 0, {}, text)], findings: [] };
  }
  // The rule runs once into a temporary table (its rows are few; running it is what costs), then
  // is counted by table and month and listed from there, as evaluate() does for the checks.
  const tmp = ident('__quality_rule_rows');
  try {
    const time = /\b__time\b/.test(sql) ? 'CAST(__time AS DATE)' : 'CAST(NULL AS DATE)';
    const created = await conn.query(`CREATE OR REPLACE TEMP TABLE ${tmp} AS SELECT CAST(table_name AS VARCHAR) AS table_name, CAST(record_id AS VARCHAR) AS record_id, CAST(patient_id AS VARCHAR) AS patient_id, CAST(detail AS VARCHAR) AS detail, ${time} AS time FROM (${sql})`);
    const counts = rowsWritten(created) === 0 ? [] : toJsonRows(await conn.query(countByMonthSql('time', tmp, 'table_name')));
    const byTable = new Map<string, { n: number; months: Record<string, number> }>();
    for (const r of counts) {
      const t = String(r.k ?? '');
      const e = byTable.get(t) ?? { n: 0, months: {} };
      e.n += Number(r.n);
      if (r.month) e.months[String(r.month)] = Number(r.n);
      byTable.set(t, e);
    }
    const summaries = byTable.size
      ? [...byTable].map(([t, e]) => summary(t, e.n, e.months))
      : [summary(rule.condition?.table ?? firstTable(sql, manifest), 0, {})];
    const kept = byTable.size ? toJsonRows(await conn.query(`SELECT * FROM ${tmp} LIMIT ${Math.floor(limit)}`)) : [];
    const findings: Finding[] = kept.map((r) => ({
      check,
      category: rule.category,
      severity: rule.severity,
      table: String(r.table_name ?? ''),
      column: rule.condition?.column ?? null,
      record_id: String(r.record_id ?? ''),
      patient_id: r.patient_id === null ? null : String(r.patient_id),
      // A rule's detail comes from its SQL, in one language; both show it.
      detail: { en: String(r.detail ?? ''), zh: String(r.detail ?? '') },
      value: null,
      time: r.time ? String(r.time) : null,
    }));
    return { summaries, findings };
  } catch (e) {
    const m = (e as Error).message.split('\n')[0];
    return {
      summaries: [summary(rule.condition?.table ?? firstTable(sql, manifest), 0, {}, { en: `Rule "${rule.id}" failed while running: ${m}`, zh: `规则"${rule.id}"运行失败：${m}` })],
      findings: [],
    };
  } finally {
    await conn.query(`DROP TABLE IF EXISTS ${tmp}`);
  }
}
