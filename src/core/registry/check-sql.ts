/**
 * checkDefinitions: with the registry's tables loaded (under their manifest names), binds every
 * variable's SQL and every quality rule's SQL with DESCRIBE (no rows are computed) and checks the
 * columns they return: patient_id + value (+ time for events; note_id, span_start, span_end
 * together when derived from notes), and for rules table_name, record_id, patient_id, detail.
 */
import type { Connector } from '../engine/connector';
import type { I18nText, MeasureType } from '../plugin/types';
import type { CatalogueNode, RegistryManifest } from './types';

export interface SqlColumn {
  name: string;
  /** DuckDB type, e.g. BIGINT, DOUBLE, VARCHAR, DATE. */
  sqlType: string;
}

export interface DefinitionCheck {
  /** Variable node id, or quality rule id. */
  id: string;
  kind: 'variable' | 'quality_rule';
  ok: boolean;
  /** The columns the SQL returns (when it binds). */
  columns: SqlColumn[];
  /** Whether the SQL returns provenance columns (note_id, span_start, span_end). */
  provenance: boolean;
  errors: I18nText[];
}

export interface DefinitionReport {
  ok: boolean;
  checks: DefinitionCheck[];
}

const NUMERIC = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|REAL|DECIMAL.*)$/;
const TEXTLIKE = /^VARCHAR$/;

/** Whether a DuckDB type can carry values of a measurement type. */
export function sqlTypeFits(type: MeasureType, sqlType: string): boolean {
  const t = sqlType.toUpperCase();
  switch (type) {
    case 'numeric':
    case 'integer':
      return NUMERIC.test(t);
    case 'boolean':
      return t === 'BOOLEAN';
    case 'date':
      return t === 'DATE' || t.startsWith('TIMESTAMP');
    case 'datetime':
      return t.startsWith('TIMESTAMP') || t === 'DATE';
    case 'categorical':
      return TEXTLIKE.test(t) || NUMERIC.test(t) || t === 'BOOLEAN';
    case 'text':
      return TEXTLIKE.test(t);
  }
}

function stripSql(sql: string): string {
  return sql.trim().replace(/;+\s*$/, '');
}

async function describe(conn: Connector, sql: string): Promise<SqlColumn[]> {
  const t = await conn.query(`DESCRIBE SELECT * FROM (${stripSql(sql)}) AS __registry_check`);
  return t.toArray().map((r) => {
    const o = r.toJSON() as Record<string, unknown>;
    return { name: String(o.column_name), sqlType: String(o.column_type) };
  });
}

function engineMessage(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return m.split('\n')[0] + (m.includes('\n') ? ' ' + m.split('\n').slice(1).join(' ').replace(/\s+/g, ' ').trim() : '');
}

function* variables(nodes: CatalogueNode[]): Generator<CatalogueNode> {
  for (const n of nodes) {
    if (n.variable) yield n;
    if (n.children) yield* variables(n.children);
  }
}

export async function checkDefinitions(conn: Connector, manifest: RegistryManifest): Promise<DefinitionReport> {
  const checks: DefinitionCheck[] = [];
  for (const node of variables(manifest.catalogue)) {
    const v = node.variable!;
    const check: DefinitionCheck = { id: node.id, kind: 'variable', ok: false, columns: [], provenance: false, errors: [] };
    checks.push(check);
    try {
      check.columns = await describe(conn, v.sql);
    } catch (e) {
      const msg = engineMessage(e);
      check.errors.push({ en: `Variable ${node.id}: its SQL does not run: ${msg}`, zh: `变量 ${node.id}：其 SQL 无法执行：${msg}` });
      continue;
    }
    const col = (name: string) => check.columns.find((c) => c.name === name);
    const need = (name: string, why: string, whyZh: string) => {
      if (!col(name)) check.errors.push({ en: `Variable ${node.id}: its SQL returns no column "${name}" (${why}); it returns ${check.columns.map((c) => c.name).join(', ')}`, zh: `变量 ${node.id}：其 SQL 未返回列"${name}"（${whyZh}）；实际返回 ${check.columns.map((c) => c.name).join('、')}` });
    };
    need('patient_id', 'every variable', '每个变量都需要');
    need('value', 'every variable', '每个变量都需要');
    if (v.grain === 'event') need('time', 'event variables', '事件级变量需要');
    const prov = ['note_id', 'span_start', 'span_end'].filter((n) => col(n));
    if (prov.length > 0 && prov.length < 3) {
      check.errors.push({ en: `Variable ${node.id}: provenance needs note_id, span_start and span_end together; it returns only ${prov.join(', ')}`, zh: `变量 ${node.id}：来源信息需要同时返回 note_id、span_start 和 span_end；实际只返回 ${prov.join('、')}` });
    }
    check.provenance = prov.length === 3;
    const value = col('value');
    if (value && !sqlTypeFits(v.type, value.sqlType)) {
      check.errors.push({ en: `Variable ${node.id}: type mismatch: declared ${v.type} but the SQL's value is ${value.sqlType}`, zh: `变量 ${node.id}：类型不一致：声明为 ${v.type}，但 SQL 返回的 value 为 ${value.sqlType}` });
    }
    const time = col('time');
    if (time && v.grain === 'event' && !sqlTypeFits('datetime', time.sqlType)) {
      check.errors.push({ en: `Variable ${node.id}: time is ${time.sqlType}, not a date or timestamp`, zh: `变量 ${node.id}：time 为 ${time.sqlType}，不是日期或时间戳` });
    }
    check.ok = check.errors.length === 0;
  }
  for (const rule of manifest.quality_rules) {
    const check: DefinitionCheck = { id: rule.id, kind: 'quality_rule', ok: false, columns: [], provenance: false, errors: [] };
    checks.push(check);
    try {
      check.columns = await describe(conn, rule.sql);
    } catch (e) {
      const msg = engineMessage(e);
      check.errors.push({ en: `Quality rule ${rule.id}: its SQL does not run: ${msg}`, zh: `质量规则 ${rule.id}：其 SQL 无法执行：${msg}` });
      continue;
    }
    for (const name of ['table_name', 'record_id', 'patient_id', 'detail']) {
      if (!check.columns.some((c) => c.name === name)) {
        check.errors.push({ en: `Quality rule ${rule.id}: its SQL returns no column "${name}"`, zh: `质量规则 ${rule.id}：其 SQL 未返回列"${name}"` });
      }
    }
    check.ok = check.errors.length === 0;
  }
  return { ok: checks.every((c) => c.ok), checks };
}
