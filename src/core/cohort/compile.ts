/**
 * Compiles a cohort definition to DuckDB SQL: pure (definition + manifest -> SQL strings).
 *
 * One CTE per step, each filtering the previous one, so the attrition (patients left after
 * every rule) is one query over the chain, and the cohort is the last link plus exit dates.
 * Candidates are (patient, index date) pairs enriched with the person's birth/sex/death dates and
 * end of data, so age, sex and follow-up rules are column expressions. Every identifier goes
 * through ident() and every user value through literal() or a checked number; never raw text.
 *
 * Leaves are wrapped in coalesce(..., false) so that NOT and "exclude" are two-valued: a patient
 * with no birth date is neither >= 18 nor "not >= 18" in SQL's three-valued logic otherwise.
 */
import { ident, literal } from '../engine/connector';
import type { RegistryManifest, RegistryTable } from '../registry/types';
import { catalogueVariables, eventDateColumn, findColumn, findTable, foreignKey } from './lookup';
import { describeEntry, describeRule } from './describe';
import type { CohortDefinition, CompareOp, Criterion, EventCriterion, EventQuery, TimeWindow, VariableCriterion } from './types';

export interface CompiledCohort {
  /** "WITH ... " chain of CTEs (no final SELECT). */
  ctes: string;
  /** Attrition steps in order: the CTE each one counts. */
  steps: { path: string; cte: string; label: { en: string; zh: string } }[];
  /** One row per step: step (0-based), remaining. */
  attritionSql: string;
  /** One row per patient: patient_id, index_date, exit_date, exit_reason. */
  cohortSql: string;
}

function num(n: number): string {
  if (typeof n !== 'number' || !Number.isFinite(n)) throw new Error(`Not a finite number: ${String(n)}`);
  return String(n);
}

function int(n: number): string {
  if (!Number.isInteger(n)) throw new Error(`Not a whole number: ${String(n)}`);
  return String(n);
}

function table(m: RegistryManifest, name: string): RegistryTable {
  const t = findTable(m, name);
  if (!t) throw new Error(`Unknown table ${name} (validate the definition first)`);
  return t;
}

/** A text comment line: user text stays inside it (newlines removed). */
function comment(text: string): string {
  return '-- ' + text.replace(/[\r\n]+/g, ' ');
}

function compare(expr: string, op: CompareOp, value: number, value2?: number): string {
  if (op === 'between') return `${expr} BETWEEN ${num(value)} AND ${num(value2 as number)}`;
  if (!['>', '>=', '<', '<=', '=', '!='].includes(op)) throw new Error(`Unknown comparison ${op}`);
  return `${expr} ${op} ${num(value)}`;
}

function inList(expr: string, values: string[]): string {
  return `CAST(${expr} AS VARCHAR) IN (${values.map(literal).join(', ')})`;
}

/** The predicates (over alias `e`) selecting an event query's rows, and its date expression. */
export function eventPredicates(q: EventQuery, m: RegistryManifest, alias = 'e'): { table: RegistryTable; date: string; where: string[] } {
  const t = table(m, q.table);
  const col = (c: string) => `${alias}.${ident(c)}`;
  const dateCol = eventDateColumn(t, q.dateColumn)!;
  const date = `CAST(${col(dateCol)} AS DATE)`;
  const where = [`${date} IS NOT NULL`];
  if (q.codeColumn) {
    const codes = (q.codes ?? []).map((c) => c.trim()).filter(Boolean);
    const code = `CAST(${col(q.codeColumn)} AS VARCHAR)`;
    where.push(
      q.codeMatch === 'exact'
        ? `${code} IN (${codes.map(literal).join(', ')})`
        : `(${codes.map((c) => `starts_with(${code}, ${literal(c)})`).join(' OR ')})`,
    );
  }
  if (q.value) where.push(compare(`${col(q.value.column)}`, q.value.op, q.value.value, q.value.value2));
  (q.filters ?? []).forEach((f, i) => {
    if (!f.via) {
      where.push(inList(col(f.column), f.values));
      return;
    }
    const fk = foreignKey(t, f.via);
    if (!fk) throw new Error(`No foreign key ${f.via} in ${t.name}`);
    const r = `r${i}_${alias}`;
    where.push(
      `EXISTS (SELECT 1 FROM ${ident(fk.references.table)} ${r} WHERE ${r}.${ident(fk.references.column)} = ${col(f.via)} AND ${inList(`${r}.${ident(f.column)}`, f.values)})`,
    );
  });
  return { table: t, date, where };
}

function windowSql(day: string, w: TimeWindow | undefined): string[] {
  if (!w) return [];
  const out: string[] = [];
  if (w.start !== null) out.push(`${day} >= ${int(w.start)}`);
  if (w.end !== null) out.push(`${day} <= ${int(w.end)}`);
  return out;
}

let depth = 0;

function eventCondition(c: EventCriterion, m: RegistryManifest): string {
  const alias = `e${depth++}`;
  const { table: t, date, where } = eventPredicates(c, m, alias);
  const conds = [`${alias}.${ident(t.patient_key)} = c.patient_id`, ...where, ...windowSql(`date_diff('day', c.index_date, ${date})`, c.window)];
  const from = `FROM ${ident(t.name)} ${alias} WHERE ${conds.join(' AND ')}`;
  const count = c.count ?? { op: '>=', n: 1 };
  if (count.op === '>=' && count.n === 1) return `EXISTS (SELECT 1 ${from})`;
  if (count.op === '>=' && count.n <= 0) return 'true';
  return `(SELECT count(*) ${from}) ${count.op} ${int(count.n)}`;
}

function variableCondition(c: VariableCriterion, m: RegistryManifest): string {
  const v = catalogueVariables(m).get(c.variable);
  if (!v) throw new Error(`Unknown variable ${c.variable}`);
  const alias = `v${depth++}`;
  const sql = v.variable.sql.trim().replace(/;+\s*$/, '');
  const conds = [`${alias}.patient_id = c.patient_id`];
  if (c.compare) conds.push(compare(`TRY_CAST(${alias}.value AS DOUBLE)`, c.compare.op, c.compare.value, c.compare.value2));
  else conds.push(inList(`${alias}.value`, c.values ?? []));
  if (c.window) conds.push(...windowSql(`date_diff('day', c.index_date, CAST(${alias}.time AS DATE))`, c.window));
  return `EXISTS (SELECT 1 FROM (${sql}) ${alias} WHERE ${conds.join(' AND ')})`;
}

/** A criterion as a boolean SQL expression over candidate row `c` (never NULL). */
export function criterionSql(c: Criterion, m: RegistryManifest, def: CohortDefinition): string {
  let sql: string;
  switch (c.kind) {
    case 'event':
      sql = eventCondition(c, m);
      break;
    case 'variable':
      sql = variableCondition(c, m);
      break;
    case 'age': {
      // date_sub counts whole years passed (birthday reached), unlike date_diff's boundary count.
      const age = `date_sub('year', c.birth_date, c.index_date)`;
      const parts = [];
      if (c.min !== undefined) parts.push(`${age} >= ${num(c.min)}`);
      if (c.max !== undefined) parts.push(`${age} <= ${num(c.max)}`);
      sql = parts.join(' AND ') || 'true';
      break;
    }
    case 'sex':
      sql = inList('c.sex', c.values);
      break;
    case 'follow_up': {
      const until = `c.index_date + ${int(c.days)}`;
      sql = `(c.obs_end >= ${until} OR (c.death_date >= c.index_date AND c.death_date <= ${until}))`;
      break;
    }
    case 'group': {
      const parts = c.items.map((it) => criterionSql(it, m, def));
      sql = parts.length ? parts.map((p) => `(${p})`).join(c.match === 'all' ? ' AND ' : ' OR ') : 'true';
      break;
    }
  }
  const safe = `coalesce(${sql}, false)`;
  return c.negate ? `NOT ${safe}` : safe;
}

export function compileCohort(def: CohortDefinition, m: RegistryManifest): CompiledCohort {
  depth = 0;
  const p = def.person;
  const person = table(m, p.table);
  const pk = ident(person.patient_key);
  const obsT = table(m, p.observation.table);
  const entry = eventPredicates(def.entry.event, m, 'e');
  const ctes: string[] = [];

  ctes.push(`${comment('End of data per patient: the latest observation date')}
obs AS (
  SELECT o.${ident(obsT.patient_key)} AS patient_id, max(CAST(o.${ident(p.observation.dateColumn)} AS DATE)) AS obs_end
  FROM ${ident(obsT.name)} o GROUP BY 1
)`);
  ctes.push(`${comment(`Entry events: ${describeEntry(def.entry, m).en}`)}
entry_events AS (
  SELECT e.${ident(entry.table.patient_key)} AS patient_id, ${entry.date} AS index_date
  FROM ${ident(entry.table.name)} e
  WHERE ${entry.where.join('\n    AND ')}
)`);
  const picked = def.entry.occurrence === 'first'
    ? 'SELECT patient_id, min(index_date) AS index_date FROM entry_events GROUP BY patient_id'
    : 'SELECT DISTINCT patient_id, index_date FROM entry_events';
  const limits: string[] = [];
  if (def.entry.dateFrom) limits.push(`x.index_date >= CAST(${literal(def.entry.dateFrom)} AS DATE)`);
  if (def.entry.dateTo) limits.push(`x.index_date <= CAST(${literal(def.entry.dateTo)} AS DATE)`);
  const death = p.deathDate ? `CAST(pp.${ident(p.deathDate)} AS DATE)` : 'CAST(NULL AS DATE)';
  ctes.push(`${comment(`Candidates (${def.entry.occurrence === 'first' ? 'first event per patient' : 'every event'}) with birth, sex, death and end of data`)}
entry AS (
  SELECT x.patient_id, x.index_date, CAST(pp.${ident(p.birthDate)} AS DATE) AS birth_date, pp.${ident(p.sex)} AS sex,
         ${death} AS death_date, obs.obs_end
  FROM (${picked}) x
  LEFT JOIN ${ident(person.name)} pp ON pp.${pk} = x.patient_id
  LEFT JOIN obs ON obs.patient_id = x.patient_id${limits.length ? `\n  WHERE ${limits.join(' AND ')}` : ''}
)`);
  const steps: CompiledCohort['steps'] = [{ path: 'entry', cte: 'entry', label: describeEntry(def.entry, m) }];
  let prev = 'entry';
  def.rules.forEach((r, i) => {
    const cte = `rule_${i + 1}`;
    const cond = criterionSql(r.criterion, m, def);
    const label = describeRule(r, m);
    ctes.push(`${comment(`Rule ${i + 1} (${r.mode}): ${label.en}`)}
${cte} AS (
  SELECT c.* FROM ${prev} c
  WHERE ${r.mode === 'exclude' ? `NOT ${cond}` : cond}
)`);
    steps.push({ path: `rules[${i}]`, cte, label });
    prev = cte;
  });

  // Exit: the earliest of death, first censoring event after the index date, the fixed window
  // and end of data (DuckDB's least() skips NULLs); never before the index date itself. Ties go
  // to the first reason in this order: death, censoring event, window end, end of data.
  const ends: { reason: string; column: string; expr: string }[] = [];
  if (def.exit.death) ends.push({ reason: 'death', column: 'end_death', expr: 'CASE WHEN f.death_date >= f.index_date THEN f.death_date END' });
  if (def.exit.censoring) {
    const cz = eventPredicates(def.exit.censoring, m, 'z');
    ctes.push(`${comment('First censoring event after the index date')}
censor AS (
  SELECT f.patient_id, min(${cz.date}) AS censor_date
  FROM ${prev} f JOIN ${ident(cz.table.name)} z ON z.${ident(cz.table.patient_key)} = f.patient_id
  WHERE ${cz.where.join(' AND ')} AND ${cz.date} > f.index_date
  GROUP BY f.patient_id
)`);
    ends.push({ reason: 'censoring_event', column: 'end_censor', expr: 'cz.censor_date' });
  }
  if (def.exit.windowDays !== undefined) ends.push({ reason: 'window_end', column: 'end_window', expr: `f.index_date + ${int(def.exit.windowDays)}` });
  ends.push({ reason: 'end_of_data', column: 'end_data', expr: 'coalesce(f.obs_end, f.index_date)' });
  ctes.push(`${comment('One row per patient: the earliest index date that passed every rule')}
final AS (
  SELECT * FROM ${prev} QUALIFY row_number() OVER (PARTITION BY patient_id ORDER BY index_date) = 1
)`);
  ctes.push(`${comment('Exit: the earliest end of follow-up')}
exit_parts AS (
  SELECT f.patient_id, f.index_date, ${ends.map((e) => `${e.expr} AS ${e.column}`).join(', ')}
  FROM final f${def.exit.censoring ? ' LEFT JOIN censor cz ON cz.patient_id = f.patient_id' : ''}
),
exits AS (
  SELECT patient_id, index_date, greatest(index_date, least(${ends.map((e) => e.column).join(', ')})) AS exit_date,
         CASE ${ends.map((e) => `WHEN ${e.column} <= greatest(index_date, least(${ends.map((x) => x.column).join(', ')})) THEN ${literal(e.reason)}`).join(' ')} ELSE 'end_of_data' END AS exit_reason
  FROM exit_parts
)`);
  const withSql = 'WITH\n' + ctes.join(',\n');
  const attritionSql = `${withSql}\n${steps.map((s, i) => `SELECT ${i} AS step, count(DISTINCT patient_id)::INTEGER AS remaining FROM ${s.cte}`).join('\nUNION ALL\n')}\nORDER BY step`;
  const cohortSql = `${withSql}\nSELECT patient_id, index_date, exit_date, exit_reason FROM exits ORDER BY patient_id`;
  return { ctes: withSql, steps, attritionSql, cohortSql };
}
