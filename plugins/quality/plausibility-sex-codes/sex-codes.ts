/**
 * Sex-specific ICD-10 code ranges and how to find, in any registry manifest, the ICD-10 code
 * columns and the patient's sex.
 *
 * The ranges follow the ICD-10 chapter structure (WHO ICD-10 2019, with ICD-10-CM's O9A):
 * chapter XV "Pregnancy, childbirth and the puerperium" (O00–O9A) as a whole; in chapter XIV the
 * blocks "Diseases of male genital organs" (N40–N53) and "Inflammatory diseases of female pelvic
 * organs" through "Noninflammatory disorders of female genital tract" (N70–N98); in chapter II the
 * blocks "Malignant neoplasms of female genital organs" (C51–C58) and "of male genital organs"
 * (C60–C63), carcinoma in situ of the cervix (D06), of female genital organs (D07.0–D07.3: the
 * female half of D07, added for symmetry) and of male genital organs (D07.4–D07.6), and
 * the benign neoplasms of uterus, ovary and other female genital organs (D25–D28). Breast codes
 * (C50, N60–N65) are left out on purpose: men get breast cancer too.
 */
import { catalogueVariables, variableSource } from '$core/quality/variable-source';
import type { RegistryColumn, RegistryManifest, RegistryTable } from '$core/registry/types';

export type Sex = 'female' | 'male';

/** A code range over the normalised code (upper case, no dot), compared on the first `width` characters. */
export interface CodeRange {
  from: string;
  to: string;
  sex: Sex;
  /** How the range is written in ICD-10, for the detail text. */
  label: string;
}

export const SEX_SPECIFIC_RANGES: CodeRange[] = [
  { from: 'O00', to: 'O9A', sex: 'female', label: 'O00–O9A' },
  { from: 'N70', to: 'N98', sex: 'female', label: 'N70–N98' },
  { from: 'C51', to: 'C58', sex: 'female', label: 'C51–C58' },
  { from: 'D06', to: 'D06', sex: 'female', label: 'D06' },
  { from: 'D070', to: 'D073', sex: 'female', label: 'D07.0–D07.3' },
  { from: 'D25', to: 'D28', sex: 'female', label: 'D25–D28' },
  { from: 'C60', to: 'C63', sex: 'male', label: 'C60–C63' },
  { from: 'N40', to: 'N53', sex: 'male', label: 'N40–N53' },
  { from: 'D074', to: 'D076', sex: 'male', label: 'D07.4–D07.6' },
];

/** A code column that says ICD-10 by its code system or, failing that, by its name. */
const ICD10_SYSTEM = /^icd[-_ ]?10/i;
const ICD_NAME = /(^|_)icd(_?10)?(_?cm)?(_code)?($|_)/i;
/**
 * ICD-10 codes: a letter, two digits (ICD-10-CM also O9A, C4A...), then optionally a dot, a digit
 * or the placeholder X, and up to three more (A00, I63.9, O9A.1, S72.001A). The fourth character
 * tells them from ATC codes, where it is a letter (D06AX09 is mupirocin, not carcinoma in situ).
 */
export const ICD10_LOOK = '^[A-Z][0-9][0-9A-Z](\\.?[0-9X][0-9A-Z]{0,3})?$';

export interface Icd10Column {
  table: RegistryTable;
  column: RegistryColumn;
  /** Found by its name only: its values must still be sampled to look like ICD-10. */
  byNameOnly: boolean;
}

/**
 * ICD-10 code columns, found three ways: a declared ICD-10 code system; a catalogue variable
 * whose code list is (mostly) ICD-10-looking and reads one column of one table; or, with no code
 * system declared, a name like icd10 / icd_10 / icd (to be confirmed on the values).
 */
export function icd10Candidates(manifest: RegistryManifest): Icd10Column[] {
  const out: Icd10Column[] = [];
  const add = (table: RegistryTable, column: RegistryColumn, byNameOnly: boolean) => {
    if (!out.some((c) => c.table === table && c.column === column)) out.push({ table, column, byNameOnly });
  };
  const look = new RegExp(ICD10_LOOK);
  for (const { id, definition } of catalogueVariables(manifest)) {
    const codes = definition.codes ?? [];
    if (codes.length === 0 || codes.filter((c) => look.test(c.code.trim().toUpperCase())).length / codes.length < 0.8) continue;
    const source = variableSource(manifest, id, definition);
    const column = source?.column ? source.table.columns.find((c) => c.name === source.column) : undefined;
    // A column that declares another system (ICD-9 procedure codes) is not ICD-10, whatever its codes look like.
    if (source && column && source.table.patient_key && (!column.code_system || ICD10_SYSTEM.test(column.code_system))) add(source.table, column, false);
  }
  for (const table of manifest.tables) {
    if (!table.patient_key) continue;
    for (const column of table.columns) {
      if (column.code_system !== undefined && ICD10_SYSTEM.test(column.code_system)) add(table, column, false);
      // A column named "icd" with another declared system (ICD-9) is not ICD-10.
      else if (column.code_system === undefined && ICD_NAME.test(column.name)) add(table, column, true);
    }
  }
  return out;
}

/** The patient table's sex column: named sex or gender. */
export function sexColumn(patients: RegistryTable): RegistryColumn | undefined {
  return patients.columns.find((c) => /^(sex|gender)$/i.test(c.name)) ?? patients.columns.find((c) => /(^|_)(sex|gender)($|_)/i.test(c.name));
}

/** Values that say female / male, in English and Chinese (lower-cased, trimmed). */
const FEMALE = ['f', 'female', 'woman', 'w', '女', '女性'];
const MALE = ['m', 'male', 'man', '男', '男性'];

/**
 * SQL mapping the sex column to 'female' / 'male' (NULL otherwise). Codes of a catalogue code
 * list are read through their labels, so a registry coding sex as 1/2 with labels "Male"/"Female"
 * is understood too; bare numbers without labels are not guessed.
 */
export function sexSql(expr: string, codeLabels: Map<string, string[]> = new Map()): string {
  const female = new Set(FEMALE);
  const male = new Set(MALE);
  for (const [code, labels] of codeLabels) {
    const l = labels.map((x) => x.trim().toLowerCase());
    if (l.some((x) => FEMALE.includes(x))) female.add(code.trim().toLowerCase());
    else if (l.some((x) => MALE.includes(x))) male.add(code.trim().toLowerCase());
  }
  const list = (s: Set<string>) => [...s].map((v) => `'${v.replace(/'/g, "''")}'`).join(', ');
  const v = `lower(trim(CAST(${expr} AS VARCHAR)))`;
  return `CASE WHEN ${v} IN (${list(female)}) THEN 'female' WHEN ${v} IN (${list(male)}) THEN 'male' END`;
}

/** SQL: the sex a normalised code is reserved for, or NULL. */
export function codeSexSql(normalised: string): string {
  const whens = SEX_SPECIFIC_RANGES.map((r) => {
    const head = `substr(${normalised}, 1, ${r.from.length})`;
    return `WHEN ${head} BETWEEN '${r.from}' AND '${r.to}' THEN '${r.sex}'`;
  });
  return `CASE ${whens.join(' ')} END`;
}

/** SQL: the ICD-10 block label a normalised code falls in (for the detail text). */
export function codeRangeLabelSql(normalised: string): string {
  const whens = SEX_SPECIFIC_RANGES.map((r) => `WHEN substr(${normalised}, 1, ${r.from.length}) BETWEEN '${r.from}' AND '${r.to}' THEN '${r.label}'`);
  return `CASE ${whens.join(' ')} END`;
}

/** Code labels of the patient-level catalogue variable that reads the sex column, if any (code -> [en, zh]). */
export function sexCodeLabels(manifest: RegistryManifest, column: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const re = new RegExp(`\\b${column.replace(/[^A-Za-z0-9_]/g, '')}\\b`, 'i');
  const walk = (nodes: RegistryManifest['catalogue']): void => {
    for (const n of nodes) {
      const v = n.variable;
      if (v?.codes && v.grain === 'patient' && re.test(v.sql)) for (const c of v.codes) out.set(c.code, [c.label.en, c.label.zh]);
      walk(n.children ?? []);
    }
  };
  walk(manifest.catalogue);
  return out;
}
