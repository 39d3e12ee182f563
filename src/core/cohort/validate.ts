/**
 * Checks a cohort definition against a registry manifest and says, at the rule that causes it,
 * what is wrong: unknown tables/columns/variables, windows that end before they start, rules that
 * can select nobody (age 80 to 60). Codes that match no row need the data: see checkCodes in
 * materialize.ts (run in the worker). Messages are bilingual; paths are like "rules[1].criterion.window".
 */
import type { RegistryManifest, RegistryTable } from '../registry/types';
import { catalogueVariables, eventDateColumn, findColumn, findTable, foreignKey, isDateColumn, isNumericColumn } from './lookup';
import { COHORT_FORMAT, type CohortDefinition, type CohortIssue, type CompareOp, type Criterion, type EventQuery, type TimeWindow } from './types';

type Issues = CohortIssue[];

function add(out: Issues, path: string, en: string, zh: string): void {
  out.push({ path, message: { en, zh } });
}

const OPS: CompareOp[] = ['>', '>=', '<', '<=', '=', '!=', 'between'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function validateCohort(def: CohortDefinition, m: RegistryManifest): CohortIssue[] {
  const out: Issues = [];
  if (!def || typeof def !== 'object') {
    add(out, '', 'The cohort definition is not a JSON object.', '队列定义不是 JSON 对象。');
    return out;
  }
  if (def.format !== COHORT_FORMAT) add(out, 'format', `Unknown definition format "${String(def.format)}"; this version reads format ${COHORT_FORMAT}.`, `未知的定义格式"${String(def.format)}"；本版本读取格式 ${COHORT_FORMAT}。`);
  checkPerson(def, m, out);
  if (!def.entry?.event) add(out, 'entry', 'The entry event is missing: choose what puts a patient in the cohort.', '缺少入组事件：请选择使患者进入队列的事件。');
  else {
    checkEvent(def.entry.event, m, 'entry.event', out);
    if (def.entry.occurrence !== 'first' && def.entry.occurrence !== 'all') add(out, 'entry.occurrence', 'Occurrence must be "first" or "all".', '事件次数必须为"首次"或"全部"。');
    for (const k of ['dateFrom', 'dateTo'] as const) {
      const v = def.entry[k];
      if (v && (!ISO_DATE.test(v) || Number.isNaN(Date.parse(v)))) add(out, `entry.${k}`, `"${v}" is not a date (YYYY-MM-DD).`, `"${v}"不是日期（YYYY-MM-DD）。`);
    }
    if (def.entry.dateFrom && def.entry.dateTo && def.entry.dateTo < def.entry.dateFrom)
      add(out, 'entry.dateTo', `The entry period ends (${def.entry.dateTo}) before it starts (${def.entry.dateFrom}): swap the dates.`, `入组期间的结束日期（${def.entry.dateTo}）早于开始日期（${def.entry.dateFrom}）：请交换两个日期。`);
  }
  (def.rules ?? []).forEach((r, i) => {
    const p = `rules[${i}]`;
    if (r.mode !== 'include' && r.mode !== 'exclude') add(out, `${p}.mode`, 'A rule either includes or excludes patients.', '规则只能是纳入或排除。');
    if (!r.criterion) add(out, `${p}.criterion`, 'This rule has no criterion.', '此规则没有条件。');
    else checkCriterion(r.criterion, m, def, `${p}.criterion`, out);
  });
  if (def.exit) {
    if (def.exit.windowDays !== undefined && !(Number.isInteger(def.exit.windowDays) && def.exit.windowDays > 0))
      add(out, 'exit.windowDays', 'The follow-up window must be a whole number of days greater than 0.', '随访窗口必须是大于 0 的整数天数。');
    if (def.exit.censoring) checkEvent(def.exit.censoring, m, 'exit.censoring', out);
  } else add(out, 'exit', 'The exit rules are missing.', '缺少退出规则。');
  return out;
}

function checkPerson(def: CohortDefinition, m: RegistryManifest, out: Issues): void {
  const p = def.person;
  if (!p) {
    add(out, 'person', 'The person mapping (birth date, sex, death date) is missing.', '缺少人员映射（出生日期、性别、死亡日期）。');
    return;
  }
  const t = findTable(m, p.table);
  if (!t) {
    add(out, 'person.table', `The registry has no table "${p.table}".`, `登记库中没有表"${p.table}"。`);
    return;
  }
  for (const k of ['birthDate', 'deathDate'] as const) {
    const col = p[k];
    if (col && !isDateColumn(findColumn(t, col))) add(out, `person.${k}`, `"${col}" is not a date column of ${t.name}.`, `"${col}"不是表 ${t.name} 的日期列。`);
  }
  if (!findColumn(t, p.sex)) add(out, 'person.sex', `The table ${t.name} has no column "${p.sex}".`, `表 ${t.name} 没有列"${p.sex}"。`);
  const o = findTable(m, p.observation?.table ?? '');
  if (!o) add(out, 'person.observation.table', `The registry has no table "${p.observation?.table}" to tell where its data ends.`, `登记库中没有用于确定数据截止的表"${p.observation?.table}"。`);
  else if (!isDateColumn(findColumn(o, p.observation.dateColumn)))
    add(out, 'person.observation.dateColumn', `"${p.observation.dateColumn}" is not a date column of ${o.name}.`, `"${p.observation.dateColumn}"不是表 ${o.name} 的日期列。`);
}

/** Checks one table's event query; returns the table when it exists. */
export function checkEvent(q: EventQuery, m: RegistryManifest, path: string, out: Issues): RegistryTable | undefined {
  const t = findTable(m, q.table);
  if (!t) {
    add(out, `${path}.table`, `The registry has no table "${q.table}". Choose one of: ${m.tables.map((x) => x.name).join(', ')}.`, `登记库中没有表"${q.table}"。可选：${m.tables.map((x) => x.name).join('、')}。`);
    return undefined;
  }
  if (!t.patient_key) add(out, `${path}.table`, `The table ${t.name} has no patient column, so its rows cannot be events of a patient.`, `表 ${t.name} 没有患者列，其记录不能作为患者的事件。`);
  const dateCol = eventDateColumn(t, q.dateColumn);
  if (!dateCol) add(out, `${path}.dateColumn`, `The table ${t.name} has no date column, so its rows have no time.`, `表 ${t.name} 没有日期列，其记录没有时间。`);
  else if (!isDateColumn(findColumn(t, dateCol))) add(out, `${path}.dateColumn`, `"${dateCol}" is not a date column of ${t.name}.`, `"${dateCol}"不是表 ${t.name} 的日期列。`);
  if (q.codeColumn !== undefined || q.codes !== undefined) {
    if (!q.codeColumn || !findColumn(t, q.codeColumn)) add(out, `${path}.codeColumn`, `The table ${t.name} has no code column "${q.codeColumn ?? ''}".`, `表 ${t.name} 没有代码列"${q.codeColumn ?? ''}"。`);
    const codes = (q.codes ?? []).map((c) => c.trim()).filter(Boolean);
    if (!codes.length) add(out, `${path}.codes`, 'Enter at least one code (e.g. I63 for ischaemic stroke).', '请至少输入一个代码（例如缺血性卒中 I63）。');
  }
  if (q.value) {
    const c = findColumn(t, q.value.column);
    if (!c) add(out, `${path}.value.column`, `The table ${t.name} has no column "${q.value.column}".`, `表 ${t.name} 没有列"${q.value.column}"。`);
    else if (!isNumericColumn(c)) add(out, `${path}.value.column`, `"${q.value.column}" is not a numeric column; values can only be compared on numbers.`, `"${q.value.column}"不是数值列；只能比较数值。`);
    checkCompare(q.value, `${path}.value`, out);
  }
  (q.filters ?? []).forEach((f, i) => {
    const fp = `${path}.filters[${i}]`;
    let target: RegistryTable | undefined = t;
    if (f.via) {
      const fk = foreignKey(t, f.via);
      target = fk ? findTable(m, fk.references.table) : undefined;
      if (!fk || !target) {
        add(out, `${fp}.via`, `"${f.via}" is not a link from ${t.name} to another table.`, `"${f.via}"不是从表 ${t.name} 到其他表的关联。`);
        return;
      }
    }
    if (!findColumn(target, f.column)) add(out, `${fp}.column`, `The table ${target.name} has no column "${f.column}".`, `表 ${target.name} 没有列"${f.column}"。`);
    if (!f.values?.length) add(out, `${fp}.values`, 'Choose at least one value.', '请至少选择一个取值。');
  });
  return t;
}

function checkCompare(c: { op: CompareOp; value: number; value2?: number }, path: string, out: Issues): void {
  if (!OPS.includes(c.op)) add(out, `${path}.op`, `Unknown comparison "${c.op}".`, `未知的比较符"${c.op}"。`);
  if (typeof c.value !== 'number' || !Number.isFinite(c.value)) add(out, `${path}.value`, 'Enter a number.', '请输入数值。');
  if (c.op === 'between') {
    if (typeof c.value2 !== 'number' || !Number.isFinite(c.value2)) add(out, `${path}.value2`, 'Enter the upper bound of the range.', '请输入范围的上限。');
    else if (c.value2 < c.value) add(out, `${path}.value2`, `The range ${c.value} to ${c.value2} is empty (upper bound below lower bound): nobody can match.`, `范围 ${c.value} 到 ${c.value2} 为空（上限小于下限）：没有患者能满足。`);
  }
}

function checkWindow(w: TimeWindow, path: string, out: Issues): void {
  for (const k of ['start', 'end'] as const) {
    const v = w[k];
    if (v !== null && !(Number.isInteger(v))) add(out, `${path}.${k}`, 'Window bounds are whole days relative to the index date.', '时间窗的边界是相对于索引日期的整数天数。');
  }
  if (w.start !== null && w.end !== null && w.end < w.start)
    add(out, path, `The time window ends (${describeDay(w.end).en}) before it starts (${describeDay(w.start).en}): swap the two bounds.`, `时间窗的结束（${describeDay(w.end).zh}）早于开始（${describeDay(w.start).zh}）：请交换两个边界。`);
}

export function describeDay(d: number): { en: string; zh: string } {
  if (d === 0) return { en: 'the index date', zh: '索引日' };
  return d < 0 ? { en: `${-d} days before`, zh: `之前 ${-d} 天` } : { en: `${d} days after`, zh: `之后 ${d} 天` };
}

function checkCriterion(c: Criterion, m: RegistryManifest, def: CohortDefinition, path: string, out: Issues): void {
  switch (c.kind) {
    case 'event': {
      checkEvent(c, m, path, out);
      if (c.window) checkWindow(c.window, `${path}.window`, out);
      if (c.count) {
        if (!['>=', '<=', '='].includes(c.count.op)) add(out, `${path}.count.op`, `Unknown count comparison "${c.count.op}".`, `未知的次数比较"${c.count.op}"。`);
        if (!Number.isInteger(c.count.n) || c.count.n < 0) add(out, `${path}.count.n`, 'The number of occurrences is a whole number, 0 or more.', '发生次数必须是不小于 0 的整数。');
      }
      return;
    }
    case 'variable': {
      const v = catalogueVariables(m).get(c.variable);
      if (!v) {
        add(out, `${path}.variable`, `The catalogue has no variable "${c.variable}".`, `变量目录中没有变量"${c.variable}"。`);
        return;
      }
      if (c.compare) {
        if (v.variable.type !== 'numeric' && v.variable.type !== 'integer') add(out, `${path}.compare`, `"${c.variable}" is ${v.variable.type}, not a number: choose values instead.`, `"${c.variable}"是${v.variable.type}类型而非数值：请改为选择取值。`);
        checkCompare(c.compare, `${path}.compare`, out);
      } else if (!c.values?.length) add(out, `${path}.values`, 'Choose a comparison or at least one value.', '请选择比较条件或至少一个取值。');
      if (c.window) {
        if (v.variable.grain !== 'event') add(out, `${path}.window`, `"${c.variable}" has one value per patient (no time), so it cannot have a time window.`, `"${c.variable}"每位患者只有一个值（无时间），不能设置时间窗。`);
        else checkWindow(c.window, `${path}.window`, out);
      }
      return;
    }
    case 'age':
      for (const k of ['min', 'max'] as const) {
        const v = c[k];
        if (v !== undefined && !(Number.isFinite(v) && v >= 0)) add(out, `${path}.${k}`, 'Age is a number of years, 0 or more.', '年龄必须是不小于 0 的年数。');
      }
      if (c.min === undefined && c.max === undefined) add(out, path, 'Give a minimum or maximum age.', '请给出最小或最大年龄。');
      if (c.min !== undefined && c.max !== undefined && c.max < c.min)
        add(out, path, `Age from ${c.min} to ${c.max} selects nobody (the maximum is below the minimum).`, `年龄从 ${c.min} 到 ${c.max} 不会选中任何人（最大值小于最小值）。`);
      return;
    case 'sex':
      if (!c.values?.length) add(out, `${path}.values`, 'Choose at least one sex.', '请至少选择一种性别。');
      return;
    case 'follow_up':
      if (!(Number.isInteger(c.days) && c.days > 0)) add(out, `${path}.days`, 'Follow-up is a whole number of days greater than 0.', '随访时间必须是大于 0 的整数天数。');
      if (!def.person?.observation) add(out, path, 'Follow-up needs the person mapping\'s observation table.', '随访条件需要人员映射中的观察表。');
      return;
    case 'group':
      if (c.match !== 'all' && c.match !== 'any') add(out, `${path}.match`, 'A group matches "all" (AND) or "any" (OR).', '条件组只能是"全部"（且）或"任一"（或）。');
      if (!c.items?.length) add(out, `${path}.items`, 'This group is empty: add a criterion or remove the group.', '此条件组为空：请添加条件或删除该组。');
      (c.items ?? []).forEach((it, i) => checkCriterion(it, m, def, `${path}.items[${i}]`, out));
      return;
    default:
      add(out, `${path}.kind`, `Unknown criterion kind "${(c as { kind: string }).kind}".`, `未知的条件类型"${(c as { kind: string }).kind}"。`);
  }
}
