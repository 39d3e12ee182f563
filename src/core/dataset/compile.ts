/**
 * Compiles a dataset definition to SQL: one sub-query per feature that reads registry rows
 * (window, pivot, outcome), joined to the cohort, then one layer per computed feature (derived,
 * bin) in order, so each may use the ones before it. `toSingleQuery` puts everything in one
 * statement of CTEs; build.ts runs the same pieces one by one for progress and cancellation.
 */
import { ident, literal } from '../engine/connector';
import { UserError } from '../errors';
import type { I18nText, MeasureType } from '../plugin/types';
import type { CatalogueNode, RegistryManifest, VariableDefinition } from '../registry/types';
import { featureWords } from './describe';
import { compileExpression, measureTypeOfExpr } from './expression';
import type { BinFeature, DatasetColumn, DatasetDefinition, Feature, OutcomeFeature, PivotFeature, Source, WindowFeature } from './types';

/** Columns every dataset starts with, from the cohort table. */
export const COHORT_COLUMNS = ['patient_id', 'index_date', 'exit_date', 'exit_reason'] as const;

export interface CompiledStep {
  /** The feature this step computes. */
  feature: string;
  sql: string;
}

export interface CompiledDataset {
  /** Row-reading features: each a query with patient_id and the feature's columns. */
  steps: CompiledStep[];
  /** The query producing the dataset from the cohort and the steps. */
  final: string;
  columns: DatasetColumn[];
  /** Registry tables the sources read. */
  tables: string[];
}

export interface Naming {
  /** How SQL refers to the cohort table. */
  cohort: string;
  /** How SQL refers to the result of step i. */
  step: (i: number) => string;
}

const NAME = /^[A-Za-z][A-Za-z0-9_]{0,59}$/;

function specError(code: string, en: string, zh: string): UserError {
  return new UserError('spec', code, { en, zh });
}

export function findVariable(manifest: RegistryManifest, id: string): { node: CatalogueNode; variable: VariableDefinition } {
  const walk = (nodes: CatalogueNode[]): CatalogueNode | undefined => {
    for (const n of nodes) {
      if (n.id === id) return n;
      const found = walk(n.children ?? []);
      if (found) return found;
    }
    return undefined;
  };
  const node = walk(manifest.catalogue);
  if (!node?.variable) {
    throw specError('unknown_variable', `The registry has no catalogue variable "${id}". Pick the variable again from the catalogue.`, `登记库目录中没有变量"${id}"。请从目录中重新选择该变量。`);
  }
  return { node, variable: node.variable };
}

interface SourceInfo {
  /** SELECT giving patient_id, value and (when timed) time. */
  sql: string;
  timed: boolean;
  type?: MeasureType;
  unit?: string;
  label: I18nText;
  levels?: string[];
  tables: string[];
}

function tablesIn(manifest: RegistryManifest, sql: string): string[] {
  return manifest.tables.filter((t) => new RegExp(`\\b${t.name.replace(/[^A-Za-z0-9_]/g, '')}\\b`, 'i').test(sql)).map((t) => t.name);
}

function sourceInfo(manifest: RegistryManifest, s: Source): SourceInfo {
  if (s.kind === 'variable') {
    const { node, variable } = findVariable(manifest, s.id);
    const timed = variable.grain === 'event';
    return {
      sql: `SELECT patient_id, value${timed ? ', time' : ''} FROM (${variable.sql})`,
      timed,
      type: variable.type,
      unit: variable.unit,
      label: node.label,
      levels: variable.codes?.map((c) => c.code),
      tables: tablesIn(manifest, variable.sql),
    };
  }
  const table = manifest.tables.find((t) => t.name === s.table);
  if (!table) throw specError('unknown_table', `The registry has no table "${s.table}".`, `登记库中没有表"${s.table}"。`);
  const has = (c: string | undefined, what: I18nText) => {
    if (c !== undefined && !table.columns.some((x) => x.name === c)) {
      throw specError('unknown_column', `Table "${s.table}" has no column "${c}" (${what.en}).`, `表"${s.table}"中没有列"${c}"（${what.zh}）。`);
    }
  };
  has(s.valueColumn, { en: 'value', zh: '取值列' });
  has(s.timeColumn, { en: 'time', zh: '时间列' });
  has(s.codeColumn, { en: 'codes', zh: '编码列' });
  has(s.unit?.column, { en: 'unit', zh: '单位列' });
  const v = ident(s.valueColumn);
  let value = v;
  if (s.unit) {
    const u = ident(s.unit.column);
    const whens = [`WHEN ${u} = ${literal(s.unit.target)} THEN ${v}`, ...s.unit.conversions.map((c) => `WHEN ${u} = ${literal(c.from)} THEN ${v} * ${Number(c.factor)}`)];
    // A row in a unit without a known conversion is dropped (missing) rather than mixed in unconverted.
    value = `CASE ${whens.join(' ')} END`;
  }
  const where = s.codeColumn && s.codes?.length ? ` WHERE ${ident(s.codeColumn)} IN (${s.codes.map(literal).join(', ')})` : '';
  const col = table.columns.find((c) => c.name === s.valueColumn)!;
  const codes = s.codes?.length ? ` ${s.codes.join(', ')}` : '';
  return {
    sql: `SELECT ${ident(table.patient_key || 'patient_id')} AS patient_id, ${value} AS value${s.timeColumn ? `, ${ident(s.timeColumn)} AS time` : ''} FROM ${ident(table.name)}${where}`,
    timed: !!s.timeColumn,
    type: s.unit ? 'numeric' : col.type,
    unit: s.unit?.target ?? col.unit,
    label: { en: `${table.name}.${s.valueColumn}${codes}`, zh: `${table.name}.${s.valueColumn}${codes}` },
    tables: [table.name],
  };
}

function checkWindow(f: { name: string; window: { start: number; end: number } }): void {
  const { start, end } = f.window;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start > end) {
    throw specError('bad_window', `Feature "${f.name}": the window must be whole days with start ≤ end (got ${start} to ${end}).`, `变量"${f.name}"：时间窗须为整数天且起点 ≤ 终点（当前为 ${start} 至 ${end}）。`);
  }
}

const day = (time: string, cohort: string) => `(CAST(${time} AS DATE) - CAST(${cohort}.index_date AS DATE))`;

/**
 * All window features over one source in one pass: each is an aggregate with its own FILTER
 * (window, non-missing), so a source table is scanned and joined to the cohort once however many
 * windows and aggregates read it (50 features on 100,000 patients: 10 scans, not 50).
 */
function windowGroupStep(features: WindowFeature[], src: SourceInfo, cohort: string): string {
  const v = 's.value';
  const ordered = src.timed;
  const aggs = features.map((f) => {
    const conds: string[] = [];
    if (src.timed) conds.push(`${day('s.time', 'c')} BETWEEN ${f.window.start} AND ${f.window.end}`);
    if (f.aggregate !== 'count' && f.aggregate !== 'ever') conds.push(`${v} IS NOT NULL`);
    const filter = conds.length ? ` FILTER (WHERE ${conds.join(' AND ')})` : '';
    const agg: Record<WindowFeature['aggregate'], string> = {
      last: ordered ? `arg_max(${v}, s.time)` : `first(${v})`,
      first: ordered ? `arg_min(${v}, s.time)` : `first(${v})`,
      // Mean of a yes/no is the proportion of yes.
      mean: `avg(CAST(${v} AS DOUBLE))`,
      min: `min(${v})`,
      max: `max(${v})`,
      count: `count(*)`,
      ever: `count(*)`,
    };
    const e = `${agg[f.aggregate]}${filter}`;
    return `${f.aggregate === 'ever' ? `(${e} > 0)` : e} AS ${ident(f.name)}`;
  });
  // Rows outside every window are dropped before grouping.
  const where = src.timed ? ` WHERE ${day('s.time', 'c')} BETWEEN ${Math.min(...features.map((f) => f.window.start))} AND ${Math.max(...features.map((f) => f.window.end))}` : '';
  return `SELECT c.patient_id, ${aggs.join(', ')} FROM ${cohort} AS c JOIN (${src.sql}) AS s ON s.patient_id = c.patient_id${where} GROUP BY c.patient_id`;
}

function checkAggregate(f: WindowFeature, src: SourceInfo): void {
  if (f.aggregate === 'mean' && src.type && !['numeric', 'integer', 'boolean'].includes(src.type)) {
    throw specError('bad_aggregate', `Feature "${f.name}": a mean needs numbers, but ${src.label.en} is ${src.type}. Use last, first, count or ever.`, `变量"${f.name}"：均值需要数值，而${src.label.zh}是${src.type}类型。请改用最后一次、第一次、次数或是否曾有。`);
  }
}

function pivotStep(f: PivotFeature, src: SourceInfo, cohort: string): string {
  const cols = Array.from({ length: f.occurrences }, (_, k) => `any_value(value) FILTER (WHERE k = ${k + 1}) AS ${ident(`${f.name}_${k + 1}`)}`);
  return `SELECT patient_id, ${cols.join(', ')} FROM (SELECT c.patient_id, s.value, row_number() OVER (PARTITION BY c.patient_id ORDER BY s.time) AS k FROM ${cohort} AS c JOIN (${src.sql}) AS s ON s.patient_id = c.patient_id WHERE s.value IS NOT NULL AND ${day('s.time', 'c')} BETWEEN ${f.window.start} AND ${f.window.end}) GROUP BY patient_id`;
}

function outcomeStep(f: OutcomeFeature, src: SourceInfo, cohort: string): string {
  const start = f.start ?? 1;
  // A yes/no event source counts its "yes" rows; any other source counts every row as an event.
  const isEvent = src.type === 'boolean' ? ' AND s.value' : '';
  return `SELECT c.patient_id, min(${day('s.time', 'c')}) AS first_day FROM ${cohort} AS c JOIN (${src.sql}) AS s ON s.patient_id = c.patient_id WHERE ${day('s.time', 'c')} BETWEEN ${start} AND ${f.horizon} AND CAST(s.time AS DATE) <= CAST(c.exit_date AS DATE)${isEvent} GROUP BY c.patient_id`;
}

function binSql(f: BinFeature, x: string, layer: string): { sql: string; levels: string[] } {
  const m = f.method;
  if (m.kind === 'quantiles') {
    if (!Number.isInteger(m.groups) || m.groups < 2 || m.groups > 20) {
      throw specError('bad_bins', `Feature "${f.name}": choose 2 to 20 quantile groups.`, `变量"${f.name}"：分位数分组数须为 2 到 20。`);
    }
    const levels = Array.from({ length: m.groups }, (_, i) => `Q${i + 1}`);
    const whens = levels.slice(0, -1).map((l, i) => `WHEN ${x} <= (SELECT quantile_cont(${x}, ${(i + 1) / m.groups}) FROM ${layer}) THEN ${literal(l)}`);
    return { sql: `CASE WHEN ${x} IS NULL THEN NULL ${whens.join(' ')} ELSE ${literal(levels[levels.length - 1])} END`, levels };
  }
  const b = m.breaks;
  if (!b.length || b.some((v, i) => !Number.isFinite(v) || (i > 0 && v <= b[i - 1]))) {
    throw specError('bad_bins', `Feature "${f.name}": the cut-offs must be increasing numbers.`, `变量"${f.name}"：切点须为递增的数字。`);
  }
  const right = m.closed === 'right';
  const defaults = right
    ? [`≤${b[0]}`, ...b.slice(1).map((v, i) => `(${b[i]},${v}]`), `>${b[b.length - 1]}`]
    : [`<${b[0]}`, ...b.slice(1).map((v, i) => `[${b[i]},${v})`), `≥${b[b.length - 1]}`];
  const levels = m.labels ?? defaults;
  if (levels.length !== b.length + 1 || new Set(levels).size !== levels.length) {
    throw specError('bad_bins', `Feature "${f.name}": give ${b.length + 1} different labels for ${b.length} cut-offs.`, `变量"${f.name}"：${b.length} 个切点需要 ${b.length + 1} 个互不相同的标签。`);
  }
  const op = right ? '<=' : '<';
  const whens = b.map((v, i) => `WHEN ${x} ${op} ${v} THEN ${literal(levels[i])}`);
  return { sql: `CASE WHEN ${x} IS NULL THEN NULL ${whens.join(' ')} ELSE ${literal(levels[levels.length - 1])} END`, levels };
}

/** Output columns a feature adds. */
export function outputNames(f: Feature): string[] {
  if (f.kind === 'outcome' && f.type === 'time-to-event') return [`${f.name}_time`, `${f.name}_status`];
  if (f.kind === 'pivot') return Array.from({ length: f.occurrences }, (_, k) => `${f.name}_${k + 1}`);
  return [f.name];
}

export function validateNames(def: DatasetDefinition): void {
  if (!NAME.test(def.name)) {
    throw specError('bad_dataset_name', `The dataset name "${def.name}" must start with a letter and use only letters, digits and _ (at most 60).`, `数据集名称"${def.name}"须以字母开头，只含字母、数字和下划线（最多 60 个字符）。`);
  }
  const seen = new Set<string>(COHORT_COLUMNS);
  for (const f of def.features) {
    if (!NAME.test(f.name)) {
      throw specError('bad_feature_name', `The variable name "${f.name}" must start with a letter and use only letters, digits and _.`, `变量名"${f.name}"须以字母开头，只含字母、数字和下划线。`);
    }
    if (f.kind === 'pivot' && (!Number.isInteger(f.occurrences) || f.occurrences < 1 || f.occurrences > 50)) {
      throw specError('bad_pivot', `Feature "${f.name}": choose 1 to 50 occurrences.`, `变量"${f.name}"：次数须为 1 到 50。`);
    }
    for (const n of outputNames(f)) {
      if (seen.has(n.toLowerCase())) {
        throw specError('duplicate_feature', `The dataset has two columns named "${n}". Rename one of them.`, `数据集中有两个名为"${n}"的列。请重命名其中一个。`);
      }
      seen.add(n.toLowerCase());
    }
  }
}

export function compileDataset(def: DatasetDefinition, manifest: RegistryManifest, naming: Naming): CompiledDataset {
  validateNames(def);
  const steps: CompiledStep[] = [];
  const tables = new Set<string>();
  const columns: DatasetColumn[] = [
    { name: 'patient_id', type: 'integer', label: { en: 'Patient ID', zh: '患者编号' }, definition: { en: 'Patient identifier in the registry', zh: '登记库中的患者编号' }, identifier: true },
    { name: 'index_date', type: 'date', label: { en: 'Index date', zh: '索引日期' }, definition: { en: "The cohort's index date (day 0)", zh: '队列的索引日期（第 0 天）' } },
    { name: 'exit_date', type: 'date', label: { en: 'End of follow-up', zh: '随访结束日期' }, definition: { en: 'Earliest of death, loss to follow-up, end of data and the cohort window end', zh: '死亡、失访、数据截止与队列窗口结束中最早者' } },
    { name: 'exit_reason', type: 'categorical', label: { en: 'Reason follow-up ended', zh: '随访结束原因' }, definition: { en: 'death, end_of_data, censoring_event or window_end', zh: 'death（死亡）、end_of_data（数据截止）、censoring_event（删失事件）或 window_end（窗口结束）' }, levels: ['death', 'end_of_data', 'censoring_event', 'window_end'] },
  ];
  // The select list of the joined base, and the computed layers on top of it.
  const baseSelect = COHORT_COLUMNS.map((c) => `c.${ident(c)}`);
  const joins: string[] = [];
  const known = new Map<string, MeasureType>(columns.map((c) => [c.name, c.type]));
  const byName = new Map<string, DatasetColumn>();
  const windowGroups = new Map<string, { step: number; src: SourceInfo; features: WindowFeature[] }>();
  const addColumn = (c: DatasetColumn) => {
    columns.push(c);
    byName.set(c.name, c);
    known.set(c.name, c.type);
  };

  for (const f of def.features) {
    if (f.kind === 'derived' || f.kind === 'bin') continue;
    const src = sourceInfo(manifest, f.source);
    src.tables.forEach((t) => tables.add(t));
    const ref = naming.step(steps.length);
    const label = f.label ?? src.label;
    const definition = featureWords(f, src.label);
    if (f.kind === 'window') {
      if (src.timed) checkWindow(f);
      checkAggregate(f, src);
      const key = JSON.stringify(f.source);
      let group = windowGroups.get(key);
      if (!group) {
        group = { step: steps.length, src, features: [] };
        windowGroups.set(key, group);
        steps.push({ feature: f.name, sql: '' });
        joins.push(`LEFT JOIN ${naming.step(group.step)} ON ${naming.step(group.step)}.patient_id = c.patient_id`);
      }
      group.features.push(f);
      const gref = naming.step(group.step);
      const fallback = f.aggregate === 'count' ? '0' : f.aggregate === 'ever' ? 'false' : null;
      baseSelect.push(fallback ? `coalesce(${gref}.${ident(f.name)}, ${fallback}) AS ${ident(f.name)}` : `${gref}.${ident(f.name)}`);
      const type: MeasureType | undefined = f.aggregate === 'count' ? 'integer' : f.aggregate === 'ever' ? 'boolean' : f.aggregate === 'mean' ? 'numeric' : src.type;
      addColumn({ name: f.name, type: type ?? 'numeric', label, unit: f.aggregate === 'count' || f.aggregate === 'ever' ? undefined : src.unit, definition, levels: type === 'categorical' ? src.levels : undefined });
      continue;
    } else if (f.kind === 'pivot') {
      if (!src.timed) throw specError('pivot_needs_time', `Feature "${f.name}": ${src.label.en} has no dates, so it has no 1st, 2nd, ... occurrence. Pick an event variable.`, `变量"${f.name}"：${src.label.zh}没有日期，无法区分第 1、2 次……请选择事件型变量。`);
      checkWindow(f);
      steps.push({ feature: f.name, sql: pivotStep(f, src, naming.cohort) });
      outputNames(f).forEach((n, k) => {
        baseSelect.push(`${ref}.${ident(n)}`);
        addColumn({ name: n, type: src.type ?? 'numeric', label: { en: `${label.en} #${k + 1}`, zh: `${label.zh} 第${k + 1}次` }, unit: src.unit, definition, levels: src.type === 'categorical' ? src.levels : undefined });
      });
    } else {
      if (!src.timed) throw specError('outcome_needs_time', `Outcome "${f.name}": ${src.label.en} has no dates. Pick an event variable (one with a date per event).`, `结局"${f.name}"：${src.label.zh}没有日期。请选择每个事件带日期的事件型变量。`);
      if (!Number.isInteger(f.horizon) || f.horizon < (f.start ?? 1)) throw specError('bad_horizon', `Outcome "${f.name}": the follow-up horizon must be a whole number of days after the start.`, `结局"${f.name}"：随访期限须为起始日之后的整数天。`);
      steps.push({ feature: f.name, sql: outcomeStep(f, src, naming.cohort) });
      const first = `${ref}.first_day`;
      if (f.type === 'binary') {
        baseSelect.push(`(${first} IS NOT NULL) AS ${ident(f.name)}`);
        addColumn({ name: f.name, type: 'boolean', label, definition });
      } else {
        const follow = `(CAST(c.exit_date AS DATE) - CAST(c.index_date AS DATE))`;
        baseSelect.push(`CASE WHEN ${first} IS NOT NULL THEN ${first} ELSE least(${f.horizon}, ${follow}) END AS ${ident(`${f.name}_time`)}`);
        baseSelect.push(`CASE WHEN ${first} IS NOT NULL THEN 1 ELSE 0 END AS ${ident(`${f.name}_status`)}`);
        addColumn({ name: `${f.name}_time`, type: 'integer', label: { en: `${label.en}: time (days)`, zh: `${label.zh}：时间（天）` }, unit: 'days', definition });
        addColumn({ name: `${f.name}_status`, type: 'integer', label: { en: `${label.en}: status (1 = event, 0 = censored)`, zh: `${label.zh}：状态（1 = 事件，0 = 删失）` }, definition, levels: ['0', '1'] });
      }
    }
    joins.push(`LEFT JOIN ${ref} ON ${ref}.patient_id = c.patient_id`);
  }

  for (const g of windowGroups.values()) {
    steps[g.step] = { feature: g.features.map((f) => f.name).join(', '), sql: windowGroupStep(g.features, g.src, naming.cohort) };
  }

  // Computed features, in order, each a layer over the previous one. Layers are materialised:
  // a quantile cut reads its layer once per cut point, which would otherwise re-run every join.
  let query = `SELECT ${baseSelect.join(', ')} FROM ${naming.cohort} AS c ${joins.join(' ')}`;
  let layer = 0;
  for (const f of def.features) {
    if (f.kind !== 'derived' && f.kind !== 'bin') continue;
    const prev = `l${layer++}`;
    if (f.kind === 'derived') {
      let e: ReturnType<typeof compileExpression>;
      try {
        e = compileExpression(f.expression, known);
      } catch (err) {
        // Say which column's formula it is: a dataset may have several.
        if (err instanceof UserError) throw new UserError(err.kind, err.code, { en: `Column "${f.name}": ${err.i18n.en}`, zh: `列"${f.name}"：${err.i18n.zh}` });
        throw err;
      }
      query = `WITH ${prev} AS MATERIALIZED (${query}) SELECT *, ${e.sql} AS ${ident(f.name)} FROM ${prev}`;
      addColumn({ name: f.name, type: measureTypeOfExpr(e.type), label: f.label ?? { en: f.name, zh: f.name }, definition: featureWords(f, { en: '', zh: '' }) });
    } else {
      const input = byName.get(f.input);
      if (!input || !['numeric', 'integer'].includes(input.type)) {
        throw specError('bad_bin_input', `Feature "${f.name}": "${f.input}" is not a numeric variable defined before it.`, `变量"${f.name}"："${f.input}"不是在其之前定义的数值变量。`);
      }
      const b = binSql(f, ident(f.input), prev);
      query = `WITH ${prev} AS MATERIALIZED (${query}) SELECT *, ${b.sql} AS ${ident(f.name)} FROM ${prev}`;
      addColumn({ name: f.name, type: 'categorical', label: f.label ?? { en: `${input.label.en} (groups)`, zh: `${input.label.zh}（分组）` }, definition: featureWords(f, input.label), levels: b.levels });
    }
  }
  const order = columns.map((c) => ident(c.name)).join(', ');
  return { steps, final: `SELECT ${order} FROM (${query}) ORDER BY patient_id`, columns, tables: [...tables] };
}

/** The whole dataset as one statement of CTEs over `cohortTable`. */
export function toSingleQuery(def: DatasetDefinition, manifest: RegistryManifest, cohortTable: string): string {
  const naming: Naming = { cohort: 'c0', step: (i) => `f${i}` };
  const c = compileDataset(def, manifest, naming);
  const ctes = [`c0 AS (SELECT ${COHORT_COLUMNS.map(ident).join(', ')} FROM ${ident(cohortTable)})`, ...c.steps.map((s, i) => `f${i} AS (${s.sql})`)];
  return `WITH ${ctes.join(', ')} ${c.final}`;
}
