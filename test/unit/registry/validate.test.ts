/** validateManifest / checkDefinitions on broken manifests: the messages name the place. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '$core/engine/connector';
import { createNodeConnector } from '$core/engine/duckdb-node';
import { validateIndex, validateManifest } from '$core/registry/validate';
import { checkDefinitions } from '$core/registry/check-sql';
import type { RegistryManifest } from '$core/registry/types';

const demo = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../public/registries/stroke-demo/registry.json'), 'utf8'));
const copy = () => structuredClone(demo);
const messages = (json: unknown) => validateManifest(json).errors.map((e) => e.message.en);
const find = (nodes: any[], id: string): any => {
  for (const n of nodes) {
    if (n.id === id) return n;
    const c = n.children && find(n.children, id);
    if (c) return c;
  }
};

describe('validateManifest', () => {
  it('accepts the demo and returns it typed', () => {
    const r = validateManifest(copy());
    expect(r.errors).toEqual([]);
    expect(r.manifest!.tables.length).toBe(15);
  });

  it('rejects what is not an object', () => {
    expect(messages([])[0]).toBe('registry.json must hold an object, not an array');
    expect(messages(null)[0]).toBe('registry.json must hold an object, not null');
  });

  it('names a missing file', () => {
    const m = copy();
    delete m.tables[3].file;
    expect(messages(m)).toEqual(['tables[3].file is missing']);
    expect(validateManifest(m).errors[0].path).toBe('tables[3].file');
    expect(validateManifest(m).errors[0].message.zh).toBe('缺少 tables[3].file');
  });

  it('names an unknown primary-key column', () => {
    const m = copy();
    const lab = m.tables.findIndex((t: any) => t.name === 'lab_result');
    m.tables[lab].primary_key = ['valu'];
    const r = validateManifest(m);
    expect(r.errors.map((e) => e.message.en)).toEqual(["table lab_result has no column 'valu' used in primary_key"]);
    expect(r.errors[0].path).toBe(`tables[${lab}].primary_key[0]`);
    expect(r.manifest).toBeUndefined();
  });

  it('reports a refines cycle', () => {
    const m = copy();
    find(m.catalogue, 'lifestyle.alcohol.drinker').variable.refines = 'lifestyle.alcohol.type';
    expect(messages(m)).toEqual(['catalogue lifestyle.alcohol: a cycle: lifestyle.alcohol.drinker -> lifestyle.alcohol.type -> lifestyle.alcohol.years -> lifestyle.alcohol.drinker']);
  });

  it('reports a short cycle a -> b -> a and an unknown refines target', () => {
    const m = copy();
    find(m.catalogue, 'lifestyle.alcohol.drinker').variable.refines = 'lifestyle.alcohol.years';
    find(m.catalogue, 'lifestyle.alcohol.type').variable.refines = 'lifestyle.alcohol.nope';
    expect(messages(m)).toEqual([
      "catalogue lifestyle.alcohol.type: refines 'lifestyle.alcohol.nope', which is not in the catalogue",
      'catalogue lifestyle.alcohol: a cycle: lifestyle.alcohol.drinker -> lifestyle.alcohol.years -> lifestyle.alcohol.drinker',
    ]);
  });

  it('reports type mismatches', () => {
    const m = copy();
    m.tables[0].rows = 'many';
    m.tables[1].columns[2].type = 'number';
    find(m.catalogue, 'demographics.sex').variable.allowed_range = [0, 1];
    find(m.catalogue, 'demographics.age').variable.plausible_range = [18, 200];
    const lab = m.tables.find((t: any) => t.name === 'lab_result');
    lab.columns.find((c: any) => c.name === 'visit_id').type = 'text';
    expect(messages(m)).toEqual([
      'tables[0].rows must be a number, not a string',
      'tables[1].columns[2].type is "number"; expected one of numeric, integer, boolean, categorical, date, datetime, text',
      'type mismatch: lab_result.visit_id is text but visit.visit_id is integer',
      'catalogue demographics.age: plausible_range [18,200] is not within allowed_range [0,120]',
      'catalogue demographics.sex: type mismatch: categorical variable with a numeric range',
    ]);
  });

  it('reports keys, levels, duplicates and missing translations', () => {
    const m = copy();
    m.tables[2].foreign_keys.push({ column: 'visit_id', references: { table: 'encounter', column: 'id' } });
    m.tables[2].time_columns.push('icd10');
    m.tables[4].name = 'lab_result';
    m.catalogue[0].children[0].level = 'domain';
    m.catalogue[1].id = 'demographics';
    m.catalogue[2].label = { en: 'Comorbidities' };
    m.quality_rules[1].id = m.quality_rules[0].id;
    m.quality_rules[2].kind = 'style';
    const r = messages(m);
    expect(r).toEqual(expect.arrayContaining([
      "table diagnosis: time column 'icd10' is categorical, not date or datetime",
      "table diagnosis: foreign key visit_id references table 'encounter', which is not declared",
      'table lab_result is declared twice',
      'catalogue demographics.age: a domain cannot sit under a domain (order: domain > concept > attribute > refinement)',
      'catalogue demographics: the id is used twice (also at catalogue[0])',
      'catalogue[2].label.zh is missing (text is needed in English and Chinese)',
      'quality_rules[1].id "qr.missing_assessment_score" is used twice',
      'quality_rules[2].kind is "style"; expected one of completeness, plausibility, consistency, uniqueness, temporal',
    ]));
  });

  it('requires a variable on leaves, and patient_link when there is no patient key', () => {
    const m = copy();
    delete find(m.catalogue, 'demographics.city').variable;
    delete m.tables.find((t: any) => t.name === 'environment').patient_link;
    expect(messages(m)).toEqual([
      'table environment: patient_key is empty and there is no patient_link saying how rows reach a patient',
      'catalogue demographics.city: a leaf must define a variable',
    ]);
  });

  it('checks index.json', () => {
    expect(validateIndex({ registries: [{ id: 'a', path: '../x/', title: { en: 'A', zh: 'A' }, description: { en: 'd', zh: 'd' } }] }).errors.map((e) => e.message.en)).toEqual([
      'registries[0].path "../x/" must be a folder relative to index.json',
    ]);
  });
});

describe('checkDefinitions', () => {
  let conn: Connector;
  beforeAll(async () => {
    conn = await createNodeConnector();
    await conn.query(`CREATE TABLE patient AS SELECT * FROM (VALUES (1, 'M', 60), (2, 'F', 70)) t(patient_id, sex, age_at_index)`);
    await conn.query(`CREATE TABLE note AS SELECT * FROM (VALUES (10, 1, 'Drinks beer.')) t(note_id, patient_id, text)`);
  });
  afterAll(async () => {
    await conn.close();
  });
  const manifest = (vars: { id: string; type: string; grain: string; sql: string }[], rules: string[] = []): RegistryManifest =>
    ({
      catalogue: [{ id: 'd', level: 'domain', label: { en: 'D', zh: 'D' }, children: vars.map((v) => ({ id: v.id, level: 'concept', label: { en: v.id, zh: v.id }, variable: { type: v.type, grain: v.grain, sql: v.sql } })) }],
      quality_rules: rules.map((sql, i) => ({ id: `r${i}`, kind: 'completeness', severity: 'error', description: { en: '', zh: '' }, sql })),
    }) as unknown as RegistryManifest;

  it('returns the columns of SQL that binds', async () => {
    const r = await checkDefinitions(conn, manifest([{ id: 'age', type: 'integer', grain: 'patient', sql: 'SELECT patient_id, age_at_index AS value FROM patient;' }]));
    expect(r.ok).toBe(true);
    expect(r.checks[0].columns).toEqual([{ name: 'patient_id', sqlType: 'INTEGER' }, { name: 'value', sqlType: 'INTEGER' }]);
  });

  it('names the variable and passes on DuckDB\'s message for an unknown column', async () => {
    const r = await checkDefinitions(conn, manifest([{ id: 'demographics.age', type: 'integer', grain: 'patient', sql: 'SELECT patient_id, age AS value FROM patient' }]));
    expect(r.ok).toBe(false);
    const msg = r.checks[0].errors[0].en;
    expect(msg).toMatch(/^Variable demographics\.age: its SQL does not run: /);
    expect(msg).toMatch(/age/);
    expect(msg).toMatch(/Binder Error|not found/i);
  });

  it('reports missing result columns, type mismatches and partial provenance', async () => {
    const r = await checkDefinitions(conn, manifest([
      { id: 'a', type: 'integer', grain: 'patient', sql: 'SELECT patient_id, sex AS v FROM patient' },
      { id: 'b', type: 'numeric', grain: 'patient', sql: 'SELECT patient_id, sex AS value FROM patient' },
      { id: 'c', type: 'categorical', grain: 'event', sql: 'SELECT patient_id, text AS value, note_id FROM note' },
    ], ['SELECT 1 AS table_name']));
    const errs = r.checks.map((c) => c.errors.map((e) => e.en));
    expect(errs[0]).toEqual(['Variable a: its SQL returns no column "value" (every variable); it returns patient_id, v']);
    expect(errs[1]).toEqual(['Variable b: type mismatch: declared numeric but the SQL\'s value is VARCHAR']);
    expect(errs[2]).toEqual([
      'Variable c: its SQL returns no column "time" (event variables); it returns patient_id, value, note_id',
      'Variable c: provenance needs note_id, span_start and span_end together; it returns only note_id',
    ]);
    expect(errs[3]).toEqual(['Quality rule r0: its SQL returns no column "record_id"', 'Quality rule r0: its SQL returns no column "patient_id"', 'Quality rule r0: its SQL returns no column "detail"']);
  });
});
