/**
 * validateManifest: registry.json (parsed JSON) -> a typed manifest, or errors that name the
 * place ("tables[3].file is missing", "table lab_result has no column 'valu' used in primary_key",
 * "catalogue lifestyle.alcohol.years: a cycle: a -> b -> a"). The format is in docs/REGISTRY.md
 * and public/registries/registry.schema.json. Static checks only; check-sql.ts binds the SQL.
 */
import type { I18nText, MeasureType } from '../plugin/types';
import type { CatalogueNode, RegistryIndex, RegistryManifest } from './types';

export interface ManifestError {
  /** Where, as a JSON path: "tables[3].primary_key[0]", "catalogue[1].children[0]", "quality_rules[2].sql". */
  path: string;
  message: I18nText;
}

const MEASURE_TYPES: MeasureType[] = ['numeric', 'integer', 'boolean', 'categorical', 'date', 'datetime', 'text'];
const FORMATS = ['parquet', 'arrow', 'csv'];
const LEVELS = ['domain', 'concept', 'attribute', 'refinement'];
const GRAINS = ['patient', 'event'];
const RULE_KINDS = ['completeness', 'plausibility', 'consistency', 'uniqueness', 'temporal'];
const SEVERITIES = ['error', 'warning'];
const ID_RE = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
const SQL_NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const typeName = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : `a ${typeof v}`);

class Collector {
  errors: ManifestError[] = [];
  add(path: string, en: string, zh: string): void {
    this.errors.push({ path, message: { en, zh } });
  }
  /** Required property of a given JS type; reports "is missing" or a type mismatch. */
  need(o: Obj, key: string, path: string, kind: 'string' | 'number' | 'boolean' | 'array' | 'object'): boolean {
    const p = path ? `${path}.${key}` : key;
    if (!(key in o) || o[key] === undefined) {
      this.add(p, `${p} is missing`, `缺少 ${p}`);
      return false;
    }
    return this.is(o[key], p, kind);
  }
  /** Optional property: checked only when present. */
  may(o: Obj, key: string, path: string, kind: 'string' | 'number' | 'boolean' | 'array' | 'object'): boolean {
    if (!(key in o) || o[key] === undefined) return false;
    return this.is(o[key], path ? `${path}.${key}` : key, kind);
  }
  is(v: unknown, p: string, kind: 'string' | 'number' | 'boolean' | 'array' | 'object'): boolean {
    const ok = kind === 'array' ? Array.isArray(v) : kind === 'object' ? isObj(v) : kind === 'number' ? typeof v === 'number' && Number.isFinite(v) : typeof v === kind;
    if (!ok) {
      const want = kind === 'array' ? 'an array' : kind === 'object' ? 'an object' : `a ${kind}`;
      this.add(p, `${p} must be ${want}, not ${typeName(v)}`, `${p} 应为${zhKind(kind)}，实际为${zhKind(typeName(v))}`);
    }
    return ok;
  }
  text(o: Obj, key: string, path: string, required = true): void {
    const p = path ? `${path}.${key}` : key;
    if (!required && !(key in o)) return;
    if (!(required ? this.need(o, key, path, 'object') : this.may(o, key, path, 'object'))) return;
    const t = o[key] as Obj;
    for (const lang of ['en', 'zh']) {
      if (typeof t[lang] !== 'string' || (t[lang] as string).trim() === '') this.add(`${p}.${lang}`, `${p}.${lang} is missing (text is needed in English and Chinese)`, `缺少 ${p}.${lang}（需要中英文文本）`);
    }
  }
  oneOf(o: Obj, key: string, path: string, values: string[], required = true): boolean {
    const p = path ? `${path}.${key}` : key;
    if (!(required ? this.need(o, key, path, 'string') : this.may(o, key, path, 'string'))) return false;
    if (!values.includes(o[key] as string)) {
      this.add(p, `${p} is "${o[key]}"; expected one of ${values.join(', ')}`, `${p} 为"${o[key]}"；应为 ${values.join('、')} 之一`);
      return false;
    }
    return true;
  }
  stringList(o: Obj, key: string, path: string, required = true): string[] {
    const p = path ? `${path}.${key}` : key;
    if (!(required ? this.need(o, key, path, 'array') : this.may(o, key, path, 'array'))) return [];
    const out: string[] = [];
    (o[key] as unknown[]).forEach((v, i) => {
      if (this.is(v, `${p}[${i}]`, 'string')) out.push(v as string);
    });
    return out;
  }
  range(o: Obj, key: string, path: string): [number, number] | null {
    if (!(key in o)) return null;
    const p = `${path}.${key}`;
    const v = o[key];
    if (!Array.isArray(v) || v.length !== 2 || typeof v[0] !== 'number' || typeof v[1] !== 'number') {
      this.add(p, `${p} must be [low, high] (two numbers)`, `${p} 应为 [下限, 上限]（两个数）`);
      return null;
    }
    if (v[0] > v[1]) {
      this.add(p, `${p}: low ${v[0]} is above high ${v[1]}`, `${p}：下限 ${v[0]} 大于上限 ${v[1]}`);
      return null;
    }
    return [v[0], v[1]];
  }
}

function zhKind(k: string): string {
  const m: Record<string, string> = { string: '字符串', 'a string': '字符串', number: '数值', 'a number': '数值', boolean: '布尔值', 'a boolean': '布尔值', array: '数组', 'an array': '数组', object: '对象', 'an object': '对象', null: '空值', 'a undefined': '未定义' };
  return m[k] ?? k;
}

export function validateManifest(json: unknown): { manifest?: RegistryManifest; errors: ManifestError[] } {
  const c = new Collector();
  if (!isObj(json)) {
    c.add('', `registry.json must hold an object, not ${typeName(json)}`, `registry.json 应为对象，实际为${zhKind(typeName(json))}`);
    return { errors: c.errors };
  }
  if (c.need(json, 'format', '', 'string') && json.format !== '1') c.add('format', `format is "${json.format}"; this version reads format "1"`, `format 为"${json.format}"；此版本只能读取格式 "1"`);
  if (c.need(json, 'id', '', 'string') && !ID_RE.test(json.id as string)) c.add('id', `id "${json.id}" may only hold letters, digits, _ . -`, `id"${json.id}"只能包含字母、数字及 _ . -`);
  c.need(json, 'version', '', 'string');
  c.text(json, 'title', '');
  c.text(json, 'description', '');
  c.text(json, 'disease', '');

  // tables
  const tables = new Map<string, Map<string, string>>(); // table -> column -> measure type
  if (c.need(json, 'tables', '', 'array')) {
    const list = json.tables as unknown[];
    if (list.length === 0) c.add('tables', 'tables is empty: a registry needs at least one table', 'tables 为空：登记库至少需要一张表');
    list.forEach((t, i) => checkTableShape(c, t, `tables[${i}]`, tables));
    list.forEach((t, i) => isObj(t) && checkTableRefs(c, t, `tables[${i}]`, tables));
  }
  if (isObj(json.provenance)) {
    const p = json.provenance;
    if (c.need(p, 'note_table', 'provenance', 'string') && !tables.has(p.note_table as string)) c.add('provenance.note_table', `provenance.note_table: there is no table '${p.note_table}'`, `provenance.note_table：不存在表'${p.note_table}'`);
    for (const k of ['note_id_column', 'text_column']) {
      if (c.need(p, k, 'provenance', 'string') && tables.has(p.note_table as string) && !tables.get(p.note_table as string)!.has(p[k] as string)) {
        c.add(`provenance.${k}`, `table ${p.note_table} has no column '${p[k]}' used in provenance.${k}`, `表 ${p.note_table} 没有 provenance.${k} 所用的列'${p[k]}'`);
      }
    }
  } else if ('provenance' in json) c.is(json.provenance, 'provenance', 'object');

  // catalogue
  if (c.need(json, 'catalogue', '', 'array')) checkCatalogue(c, json.catalogue as unknown[]);

  // quality rules
  if (c.need(json, 'quality_rules', '', 'array')) {
    const seen = new Set<string>();
    (json.quality_rules as unknown[]).forEach((r, i) => {
      const p = `quality_rules[${i}]`;
      if (!c.is(r, p, 'object')) return;
      const rule = r as Obj;
      if (c.need(rule, 'id', p, 'string')) {
        if (seen.has(rule.id as string)) c.add(`${p}.id`, `${p}.id "${rule.id}" is used twice`, `${p}.id"${rule.id}"重复`);
        seen.add(rule.id as string);
      }
      c.oneOf(rule, 'kind', p, RULE_KINDS);
      c.oneOf(rule, 'severity', p, SEVERITIES);
      c.text(rule, 'description', p);
      if (c.need(rule, 'sql', p, 'string') && (rule.sql as string).trim() === '') c.add(`${p}.sql`, `${p}.sql is empty`, `${p}.sql 为空`);
    });
  }
  return c.errors.length ? { errors: c.errors } : { manifest: json as unknown as RegistryManifest, errors: [] };
}

function checkTableShape(c: Collector, t: unknown, p: string, tables: Map<string, Map<string, string>>): void {
  if (!c.is(t, p, 'object')) return;
  const o = t as Obj;
  let name = '';
  if (c.need(o, 'name', p, 'string')) {
    name = o.name as string;
    if (!SQL_NAME_RE.test(name) || name.startsWith('__')) c.add(`${p}.name`, `${p}.name "${name}" is not a usable SQL table name (letters, digits and _, not starting with a digit or "__")`, `${p}.name"${name}"不是可用的 SQL 表名（字母、数字和 _，不能以数字或"__"开头）`);
    else if (tables.has(name)) c.add(`${p}.name`, `table ${name} is declared twice`, `表 ${name} 重复声明`);
  }
  if (c.need(o, 'file', p, 'string')) {
    const f = o.file as string;
    if (f.trim() === '') c.add(`${p}.file`, `${p}.file is empty`, `${p}.file 为空`);
    else if (f.startsWith('/') || f.split('/').includes('..') || /^[a-z]+:/i.test(f)) c.add(`${p}.file`, `${p}.file "${f}" must be a path inside the registry folder`, `${p}.file"${f}"必须是登记库文件夹内的路径`);
  }
  c.oneOf(o, 'format', p, FORMATS);
  c.text(o, 'description', p);
  c.need(o, 'patient_key', p, 'string');
  c.may(o, 'rows', p, 'number');
  const cols = new Map<string, string>();
  if (c.need(o, 'columns', p, 'array')) {
    (o.columns as unknown[]).forEach((col, j) => {
      const cp = `${p}.columns[${j}]`;
      if (!c.is(col, cp, 'object')) return;
      const co = col as Obj;
      if (c.need(co, 'name', cp, 'string')) {
        if (cols.has(co.name as string)) c.add(`${cp}.name`, `table ${name || p} has column '${co.name}' twice`, `表 ${name || p} 的列'${co.name}'重复`);
      }
      c.oneOf(co, 'type', cp, MEASURE_TYPES);
      c.text(co, 'label', cp);
      c.may(co, 'unit', cp, 'string');
      c.may(co, 'code_system', cp, 'string');
      if (typeof co.name === 'string') cols.set(co.name, typeof co.type === 'string' ? co.type : '');
    });
  }
  if (name && !tables.has(name)) tables.set(name, cols);
}

function checkTableRefs(c: Collector, o: Obj, p: string, tables: Map<string, Map<string, string>>): void {
  const name = typeof o.name === 'string' ? o.name : p;
  const cols = tables.get(name) ?? new Map<string, string>();
  const hasCol = (col: string, where: string, path: string): boolean => {
    if (cols.has(col)) return true;
    c.add(path, `table ${name} has no column '${col}' used in ${where}`, `表 ${name} 没有 ${where} 所用的列'${col}'`);
    return false;
  };
  const pk = c.stringList(o, 'primary_key', p);
  if (Array.isArray(o.primary_key) && pk.length === 0) c.add(`${p}.primary_key`, `${p}.primary_key is empty: name the columns that identify a row`, `${p}.primary_key 为空：请给出标识一行的列`);
  pk.forEach((k, i) => hasCol(k, 'primary_key', `${p}.primary_key[${i}]`));
  c.stringList(o, 'time_columns', p).forEach((k, i) => {
    if (hasCol(k, 'time_columns', `${p}.time_columns[${i}]`) && !['date', 'datetime'].includes(cols.get(k)!)) {
      c.add(`${p}.time_columns[${i}]`, `table ${name}: time column '${k}' is ${cols.get(k)}, not date or datetime`, `表 ${name}：时间列'${k}'的类型为 ${cols.get(k)}，不是日期或日期时间`);
    }
  });
  const patientLink = isObj(o.patient_link) ? o.patient_link : null;
  if (typeof o.patient_key === 'string') {
    if (o.patient_key === '') {
      if (!patientLink) c.add(`${p}.patient_key`, `table ${name}: patient_key is empty and there is no patient_link saying how rows reach a patient`, `表 ${name}：patient_key 为空，且没有 patient_link 说明如何关联到患者`);
    } else hasCol(o.patient_key, 'patient_key', `${p}.patient_key`);
  }
  const refCheck = (fk: Obj, fp: string, what: string) => {
    if (!c.need(fk, 'column', fp, 'string')) return;
    const ok = hasCol(fk.column as string, what, `${fp}.column`);
    if (!c.need(fk, 'references', fp, 'object')) return;
    const r = fk.references as Obj;
    if (!c.need(r, 'table', `${fp}.references`, 'string') || !c.need(r, 'column', `${fp}.references`, 'string')) return;
    const target = tables.get(r.table as string);
    if (!target) {
      c.add(`${fp}.references.table`, `table ${name}: ${what} ${fk.column} references table '${r.table}', which is not declared`, `表 ${name}：${what} ${fk.column} 引用的表'${r.table}'未声明`);
      return;
    }
    if (!target.has(r.column as string)) {
      c.add(`${fp}.references.column`, `table ${r.table} has no column '${r.column}' referenced by ${name}.${fk.column}`, `表 ${r.table} 没有被 ${name}.${fk.column} 引用的列'${r.column}'`);
      return;
    }
    const a = cols.get(fk.column as string), b = target.get(r.column as string);
    if (ok && a && b && a !== b && !(['integer', 'numeric'].includes(a) && ['integer', 'numeric'].includes(b)) && !(['categorical', 'text'].includes(a) && ['categorical', 'text'].includes(b))) {
      c.add(fp, `type mismatch: ${name}.${fk.column} is ${a} but ${r.table}.${r.column} is ${b}`, `类型不一致：${name}.${fk.column} 为 ${a}，而 ${r.table}.${r.column} 为 ${b}`);
    }
  };
  if (c.need(o, 'foreign_keys', p, 'array')) {
    (o.foreign_keys as unknown[]).forEach((fk, i) => {
      if (c.is(fk, `${p}.foreign_keys[${i}]`, 'object')) refCheck(fk as Obj, `${p}.foreign_keys[${i}]`, 'foreign key');
    });
  }
  if (patientLink) refCheck(patientLink, `${p}.patient_link`, 'patient_link');
}

function checkCatalogue(c: Collector, roots: unknown[]): void {
  const nodes = new Map<string, { node: Obj; path: string; parent: string | null }>();
  const walk = (n: unknown, p: string, parentLevel: number, parent: string | null): void => {
    if (!c.is(n, p, 'object')) return;
    const o = n as Obj;
    const id = typeof o.id === 'string' ? o.id : null;
    if (c.need(o, 'id', p, 'string')) {
      if (!ID_RE.test(id!)) c.add(`${p}.id`, `catalogue ${id}: the id may only hold letters, digits, _ . -`, `目录 ${id}：id 只能包含字母、数字及 _ . -`);
      if (nodes.has(id!)) c.add(`${p}.id`, `catalogue ${id}: the id is used twice (also at ${nodes.get(id!)!.path})`, `目录 ${id}：id 重复（另见 ${nodes.get(id!)!.path}）`);
      else nodes.set(id!, { node: o, path: p, parent });
    }
    const where = `catalogue ${id ?? p}`;
    let level = parentLevel;
    if (c.oneOf(o, 'level', p, LEVELS)) {
      level = LEVELS.indexOf(o.level as string);
      if (parentLevel < 0 && level !== 0) c.add(`${p}.level`, `${where}: top-level nodes must be domains, not ${o.level}`, `${where}：顶层节点必须是 domain，而不是 ${o.level}`);
      if (parentLevel >= 0 && (level < parentLevel || (level === parentLevel && level !== 3) || level === 0)) {
        c.add(`${p}.level`, `${where}: a ${o.level} cannot sit under a ${LEVELS[parentLevel]} (order: domain > concept > attribute > refinement)`, `${where}：${o.level} 不能位于 ${LEVELS[parentLevel]} 之下（顺序：领域 > 概念 > 属性 > 细分）`);
      }
    }
    c.text(o, 'label', p);
    c.text(o, 'description', p, false);
    c.stringList(o, 'keywords', p, false);
    const children = c.may(o, 'children', p, 'array') ? (o.children as unknown[]) : [];
    if (isObj(o.variable)) {
      if (o.level === 'domain') c.add(`${p}.variable`, `${where}: a domain cannot be a variable`, `${where}：领域不能是变量`);
      checkVariable(c, o.variable, `${p}.variable`, where);
    } else if ('variable' in o) c.is(o.variable, `${p}.variable`, 'object');
    else if (children.length === 0) c.add(p, `${where}: a leaf must define a variable`, `${where}：叶节点必须定义变量`);
    children.forEach((ch, i) => walk(ch, `${p}.children[${i}]`, level, id));
  };
  roots.forEach((r, i) => walk(r, `catalogue[${i}]`, -1, null));

  // refines: must name a variable; the chain must not loop
  for (const [id, { node, path }] of nodes) {
    const v = node.variable;
    if (!isObj(v) || typeof v.refines !== 'string') continue;
    const target = nodes.get(v.refines);
    if (!target) c.add(`${path}.variable.refines`, `catalogue ${id}: refines '${v.refines}', which is not in the catalogue`, `目录 ${id}：refines 引用的'${v.refines}'不在目录中`);
    else if (!isObj(target.node.variable)) c.add(`${path}.variable.refines`, `catalogue ${id}: refines '${v.refines}', which is not a variable`, `目录 ${id}：refines 引用的'${v.refines}'不是变量`);
  }
  const reported = new Set<string>();
  for (const [id, { path }] of nodes) {
    const chain = [id];
    let cur = id;
    for (;;) {
      const v = nodes.get(cur)?.node.variable;
      const next = isObj(v) && typeof v.refines === 'string' ? v.refines : null;
      if (!next || !nodes.has(next)) break;
      const at = chain.indexOf(next);
      if (at >= 0) {
        const cycle = [...chain.slice(at), next];
        const key = [...cycle.slice(0, -1)].sort().join('|');
        if (!reported.has(key)) {
          reported.add(key);
          const text = cycle.join(' -> ');
          const parent = nodes.get(cycle[0])?.parent ?? cycle[0];
          c.add(`${nodes.get(cycle[0])?.path ?? path}.variable.refines`, `catalogue ${parent}: a cycle: ${text}`, `目录 ${parent}：refines 形成循环：${text}`);
        }
        break;
      }
      chain.push(next);
      cur = next;
    }
  }
}

function checkVariable(c: Collector, v: Obj, p: string, where: string): void {
  const typeOk = c.oneOf(v, 'type', p, MEASURE_TYPES);
  c.oneOf(v, 'grain', p, GRAINS);
  if (c.need(v, 'sql', p, 'string') && (v.sql as string).trim() === '') c.add(`${p}.sql`, `${where}: the SQL definition is empty`, `${where}：SQL 定义为空`);
  c.may(v, 'unit', p, 'string');
  c.may(v, 'refines', p, 'string');
  const allowed = c.range(v, 'allowed_range', p);
  const plausible = c.range(v, 'plausible_range', p);
  if (typeOk && (allowed || plausible) && !['numeric', 'integer'].includes(v.type as string)) {
    c.add(`${p}.type`, `${where}: type mismatch: ${v.type} variable with a numeric range`, `${where}：类型不一致：${v.type} 变量带有数值范围`);
  }
  if (allowed && plausible && (plausible[0] < allowed[0] || plausible[1] > allowed[1])) {
    c.add(`${p}.plausible_range`, `${where}: plausible_range [${plausible}] is not within allowed_range [${allowed}]`, `${where}：plausible_range [${plausible}] 不在 allowed_range [${allowed}] 之内`);
  }
  if (c.may(v, 'codes', p, 'array')) {
    if (typeOk && !['categorical', 'boolean', 'integer', 'text'].includes(v.type as string)) {
      c.add(`${p}.type`, `${where}: type mismatch: ${v.type} variable with a code list`, `${where}：类型不一致：${v.type} 变量带有编码表`);
    }
    const seen = new Set<string>();
    (v.codes as unknown[]).forEach((code, i) => {
      const cp = `${p}.codes[${i}]`;
      if (!c.is(code, cp, 'object')) return;
      const co = code as Obj;
      if (c.need(co, 'code', cp, 'string')) {
        if (seen.has(co.code as string)) c.add(`${cp}.code`, `${where}: code "${co.code}" is listed twice`, `${where}：编码"${co.code}"重复`);
        seen.add(co.code as string);
      }
      c.text(co, 'label', cp);
    });
  }
}

/** public/registries/index.json */
export function validateIndex(json: unknown): { index?: RegistryIndex; errors: ManifestError[] } {
  const c = new Collector();
  if (!isObj(json)) {
    c.add('', `index.json must hold an object, not ${typeName(json)}`, `index.json 应为对象，实际为${zhKind(typeName(json))}`);
    return { errors: c.errors };
  }
  if (c.need(json, 'registries', '', 'array')) {
    const ids = new Set<string>();
    (json.registries as unknown[]).forEach((r, i) => {
      const p = `registries[${i}]`;
      if (!c.is(r, p, 'object')) return;
      const o = r as Obj;
      if (c.need(o, 'id', p, 'string')) {
        if (ids.has(o.id as string)) c.add(`${p}.id`, `${p}.id "${o.id}" is used twice`, `${p}.id"${o.id}"重复`);
        ids.add(o.id as string);
      }
      if (c.need(o, 'path', p, 'string')) {
        const f = o.path as string;
        if (f.startsWith('/') || f.split('/').includes('..') || /^[a-z]+:/i.test(f)) c.add(`${p}.path`, `${p}.path "${f}" must be a folder relative to index.json`, `${p}.path"${f}"必须是相对于 index.json 的文件夹`);
      }
      c.text(o, 'title', p);
      c.text(o, 'description', p);
      c.may(o, 'patients', p, 'number');
    });
  }
  return c.errors.length ? { errors: c.errors } : { index: json as unknown as RegistryIndex, errors: [] };
}

/** Walks the catalogue depth-first (helper for callers). */
export function* catalogueVariables(nodes: CatalogueNode[]): Generator<CatalogueNode> {
  for (const n of nodes) {
    if (n.variable) yield n;
    if (n.children) yield* catalogueVariables(n.children);
  }
}
