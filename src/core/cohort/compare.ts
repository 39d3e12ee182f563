/**
 * Two cohorts side by side: sizes, overlap, and key characteristics at the index date (age, sex,
 * the registry's yes/no patient-level variables such as comorbidities) with standardised mean
 * differences (SMD; |SMD| > 0.1 is the usual flag for an imbalance).
 */
import type { Connector } from '../engine/connector';
import { ident, literal } from '../engine/connector';
import { CancelToken } from '../errors';
import type { I18nText } from '../plugin/types';
import type { RegistryManifest } from '../registry/types';
import { catalogueVariables, findTable } from './lookup';
import { materializeCohort } from './materialize';
import type { CohortDefinition } from './types';

export interface CharacteristicRow {
  id: string;
  label: I18nText;
  kind: 'mean' | 'percent';
  a: { value: number | null; sd?: number | null; n: number };
  b: { value: number | null; sd?: number | null; n: number };
  smd: number | null;
}

export interface CohortComparison {
  counts: { a: number; b: number; both: number; onlyA: number; onlyB: number };
  characteristics: CharacteristicRow[];
}

/** SMD of two means (pooled SD) or two proportions (values in 0..1). */
export function smd(kind: 'mean' | 'percent', a: number | null, b: number | null, sdA?: number | null, sdB?: number | null): number | null {
  if (a === null || b === null) return null;
  const pooled = kind === 'mean' ? Math.sqrt(((sdA ?? 0) ** 2 + (sdB ?? 0) ** 2) / 2) : Math.sqrt((a * (1 - a) + b * (1 - b)) / 2);
  if (!(pooled > 0)) return a === b ? 0 : null;
  return (a - b) / pooled;
}

const MAX_FLAGS = 12;

export async function compareCohorts(conn: Connector, m: RegistryManifest, a: CohortDefinition, b: CohortDefinition, token: CancelToken = new CancelToken()): Promise<CohortComparison> {
  await materializeCohort(conn, m, a, '__cohort_compare_a', token);
  await materializeCohort(conn, m, b, '__cohort_compare_b', token);
  token.throwIfCancelled();
  const one = async (sql: string) => ((await conn.query(sql)).get(0)?.toJSON() ?? {}) as Record<string, unknown>;
  const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  const o = await one(`SELECT
      (SELECT count(*) FROM __cohort_compare_a)::INTEGER AS a,
      (SELECT count(*) FROM __cohort_compare_b)::INTEGER AS b,
      (SELECT count(*) FROM __cohort_compare_a x JOIN __cohort_compare_b y USING (patient_id))::INTEGER AS both`);
  const counts = { a: Number(o.a), b: Number(o.b), both: Number(o.both), onlyA: Number(o.a) - Number(o.both), onlyB: Number(o.b) - Number(o.both) };

  const rows: CharacteristicRow[] = [];
  // Each characteristic is one per-patient expression `x` over cohort c and the person row p.
  const person = findTable(m, a.person.table)!;
  const join = (t: string) => `FROM ${t} c LEFT JOIN ${ident(person.name)} p ON p.${ident(person.patient_key)} = c.patient_id`;
  const stat = async (id: string, label: I18nText, kind: 'mean' | 'percent', x: string, extraJoin = '') => {
    const side = async (t: string) => one(`SELECT avg(${x})::DOUBLE AS v, stddev_samp(${x})::DOUBLE AS sd, count(${x})::INTEGER AS n ${join(t)} ${extraJoin}`);
    const [ra, rb] = [await side('__cohort_compare_a'), await side('__cohort_compare_b')];
    const va = n(ra.v), vb = n(rb.v);
    rows.push({
      id, label, kind,
      a: { value: va, sd: kind === 'mean' ? n(ra.sd) : undefined, n: Number(ra.n) },
      b: { value: vb, sd: kind === 'mean' ? n(rb.sd) : undefined, n: Number(rb.n) },
      smd: smd(kind, va, vb, n(ra.sd), n(rb.sd)),
    });
  };
  await stat('age', { en: 'Age at index (years)', zh: '索引时年龄（岁）' }, 'mean', `date_sub('year', CAST(p.${ident(a.person.birthDate)} AS DATE), c.index_date)`);
  const sexes = (await conn.query(`SELECT DISTINCT CAST(${ident(a.person.sex)} AS VARCHAR) AS s FROM ${ident(person.name)} WHERE ${ident(a.person.sex)} IS NOT NULL ORDER BY 1 LIMIT 5`)).toArray().map((r) => String(r.toJSON().s));
  for (const s of sexes) await stat(`sex.${s}`, { en: `Sex: ${s}`, zh: `性别：${s}` }, 'percent', `CASE WHEN CAST(p.${ident(a.person.sex)} AS VARCHAR) = ${literal(s)} THEN 1.0 ELSE 0.0 END`);
  let flags = 0;
  for (const [id, { node, variable }] of catalogueVariables(m)) {
    if (flags >= MAX_FLAGS) break;
    if (variable.type !== 'boolean' || variable.grain !== 'patient') continue;
    token.throwIfCancelled();
    flags++;
    const sql = variable.sql.trim().replace(/;+\s*$/, '');
    await stat(id, node.label, 'percent', 'coalesce(CASE WHEN f.v THEN 1.0 ELSE 0.0 END, 0.0)',
      `LEFT JOIN (SELECT patient_id, bool_or(CAST(value AS VARCHAR) = 'true') AS v FROM (${sql}) GROUP BY patient_id) f ON f.patient_id = c.patient_id`);
  }
  await conn.query('DROP TABLE IF EXISTS __cohort_compare_a; DROP TABLE IF EXISTS __cohort_compare_b');
  return { counts, characteristics: rows };
}
