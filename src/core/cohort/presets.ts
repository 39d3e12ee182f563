/**
 * Domain presets derived from any registry manifest (not hard-coded to the stroke demo): every
 * table with patients, a date and a coded column (code_system: ICD-10, ATC, LOINC, ...) becomes
 * a domain the builder offers ("Diagnosis (ICD-10)"), with its numeric value column if it has
 * one (labs) and the typed link to a visit-like table ("during an inpatient visit"). Tables with
 * no codes but a *_type column (visit type) become domains filtered by that column.
 */
import type { I18nText } from '../plugin/types';
import type { RegistryManifest, RegistryTable } from '../registry/types';
import { findColumn, findTable, isDateColumn } from './lookup';
import { COHORT_FORMAT, type CohortDefinition, type EventQuery, type PersonMapping } from './types';

export interface DomainPreset {
  /** "table" or "table.codeColumn" */
  id: string;
  label: I18nText;
  table: string;
  codeColumn?: string;
  codeSystem?: string;
  valueColumn?: string;
  valueUnit?: string;
  /** A categorical column of the table itself to filter on (visit.visit_type). */
  typeColumn?: string;
  /** A foreign key to a table with a type column: "during an [inpatient] visit". */
  link?: { via: string; table: string; column: string; label: I18nText };
}

/**
 * Physician names for the common table names of a disease registry (DESIGN.md §3); any other
 * table is named by the first clause of its own description.
 */
const KNOWN: Record<string, I18nText> = {
  diagnosis: { en: 'Diagnosis', zh: '诊断' },
  medication: { en: 'Drug', zh: '药物' },
  lab_result: { en: 'Lab test', zh: '检验' },
  procedure: { en: 'Procedure', zh: '操作/手术' },
  visit: { en: 'Visit', zh: '就诊' },
  vital_sign: { en: 'Vital sign', zh: '生命体征' },
};
const COMMON_ORDER = ['diagnosis', 'medication', 'lab_result', 'procedure', 'visit'];

export function tableName(t: RegistryTable): I18nText {
  if (KNOWN[t.name]) return KNOWN[t.name];
  const clause = (s: string) => (s.split(/[:：(（.。,，]/)[0] || t.name).trim().slice(0, 40);
  return { en: clause(t.description.en), zh: clause(t.description.zh || t.description.en) };
}

/** Whether a preset is one of the common domains (shown as buttons; the rest in a list). */
export function isCommonPreset(p: DomainPreset): boolean {
  return COMMON_ORDER.includes(p.table);
}

function typeColumnOf(t: RegistryTable): string | undefined {
  return t.columns.find((c) => c.type === 'categorical' && /_type$/.test(c.name))?.name;
}

export function domainPresets(m: RegistryManifest): DomainPreset[] {
  const out: DomainPreset[] = [];
  for (const t of m.tables) {
    if (!t.patient_key || !t.time_columns.some((c) => isDateColumn(findColumn(t, c)))) continue;
    let link: DomainPreset['link'];
    for (const fk of t.foreign_keys) {
      const r = findTable(m, fk.references.table);
      const col = r && r.name !== t.name ? typeColumnOf(r) : undefined;
      if (r && col) link = { via: fk.column, table: r.name, column: col, label: findColumn(r, col)!.label };
    }
    const coded = t.columns.filter((c) => c.code_system);
    const value = t.columns.find((c) => c.name === 'value' && (c.type === 'numeric' || c.type === 'integer'));
    for (const c of coded) {
      out.push({
        id: `${t.name}.${c.name}`,
        label: { en: `${tableName(t).en} (${c.code_system})`, zh: `${tableName(t).zh}（${c.code_system}）` },
        table: t.name,
        codeColumn: c.name,
        codeSystem: c.code_system,
        valueColumn: value?.name,
        valueUnit: value?.unit,
        link,
      });
    }
    const typeCol = typeColumnOf(t);
    if (!coded.length && typeCol) {
      const typeLabel = findColumn(t, typeCol)!.label;
      const name = tableName(t);
      out.push({ id: t.name, label: KNOWN[t.name] ? name : { en: `${name.en} (${typeLabel.en})`, zh: `${name.zh}（${typeLabel.zh}）` }, table: t.name, typeColumn: typeCol, link });
    }
  }
  // Common domains first, in the order physicians think of them; the rest as the manifest has them.
  const rank = (p: DomainPreset) => (COMMON_ORDER.includes(p.table) ? COMMON_ORDER.indexOf(p.table) : COMMON_ORDER.length);
  return out.map((p, i) => ({ p, i })).sort((a, b) => rank(a.p) - rank(b.p) || a.i - b.i).map(({ p }) => p);
}

/** The preset an event query was made from (by table and code column). */
export function presetOf(presets: DomainPreset[], q: EventQuery): DomainPreset | undefined {
  return presets.find((p) => p.table === q.table && (p.codeColumn ?? null) === (q.codeColumn ?? null)) ?? presets.find((p) => p.table === q.table);
}

/**
 * Guesses the person mapping: the table named "patient" (else the first with a birth-date-like
 * column), its birth/sex/death columns, and end of data from a follow-up table (else the person
 * table's own last date column). The builder shows and lets the user change it.
 */
export function defaultPerson(m: RegistryManifest): PersonMapping {
  const person = findTable(m, 'patient') ?? m.tables.find((t) => t.columns.some((c) => /birth/.test(c.name))) ?? m.tables[0];
  const col = (re: RegExp, date: boolean) => person.columns.find((c) => re.test(c.name) && (!date || isDateColumn(c)))?.name;
  const fu = m.tables.find((t) => /follow/.test(t.name) && t.patient_key && t.time_columns.length);
  const observation = fu
    ? { table: fu.name, dateColumn: fu.time_columns[0] }
    : { table: person.name, dateColumn: person.time_columns.at(-1) ?? person.time_columns[0] ?? '' };
  return {
    table: person.name,
    birthDate: col(/birth/, true) ?? '',
    sex: col(/^sex$|gender/, false) ?? 'sex',
    deathDate: col(/death/, true),
    observation,
  };
}

/**
 * A new definition that is already valid (so a fresh builder shows a count, not an error): the
 * first domain that needs no codes (visits) as the entry event, first occurrence, no rules.
 */
export function emptyDefinition(m: RegistryManifest, name = 'New cohort'): CohortDefinition {
  const presets = domainPresets(m);
  const p = presets.find((x) => !x.codeColumn) ?? presets[0];
  return {
    format: COHORT_FORMAT,
    name,
    person: defaultPerson(m),
    entry: { event: p ? { table: p.table, codeColumn: p.codeColumn, codes: [], codeMatch: 'prefix' } : { table: m.tables[0]?.name ?? '' }, occurrence: 'first' },
    rules: [],
    exit: { death: true },
  };
}
