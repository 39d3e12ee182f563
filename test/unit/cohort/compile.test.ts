// The compiler's output shape: one CTE per rule (so attrition is one query), quoted identifiers,
// escaped literals, rule names only inside comments; presets and the attrition figure.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { attritionSvg } from '$core/cohort/attrition-svg';
import { compileCohort } from '$core/cohort/compile';
import { describeEntry, describeRule } from '$core/cohort/describe';
import { defaultPerson, domainPresets, emptyDefinition } from '$core/cohort/presets';
import { smd } from '$core/cohort/compare';
import { tablesNeeded } from '$core/cohort/walk';
import type { RegistryManifest } from '$core/registry/types';
import { acceptanceDefinition } from './fixtures';

const manifest = JSON.parse(readFileSync(new URL('../../../public/registries/stroke-demo/registry.json', import.meta.url), 'utf8')) as RegistryManifest;

describe('compileCohort', () => {
  it('chains one CTE per rule and counts every step in one query', () => {
    const c = compileCohort(acceptanceDefinition(manifest), manifest);
    expect(c.steps.map((s) => s.cte)).toEqual(['entry', 'rule_1', 'rule_2', 'rule_3', 'rule_4']);
    expect(c.cohortSql).toMatch(/rule_2 AS \(\n\s+SELECT c\.\* FROM rule_1 c/);
    expect(c.attritionSql.match(/UNION ALL/g)).toHaveLength(4);
    expect(c.cohortSql).toContain(`starts_with(CAST(e."icd10" AS VARCHAR), 'I63')`);
    expect(c.cohortSql).toContain(`date_diff('day', c.index_date, CAST(e0."collected_at" AS DATE)) >= -30`);
    expect(c.cohortSql).toContain(`NOT coalesce(EXISTS`);
  });

  it('escapes literals and keeps rule names inside comments', () => {
    const d = acceptanceDefinition(manifest);
    d.rules = [{ name: "HbA1c\n); DROP TABLE patient; --", mode: 'include', criterion: { kind: 'event', table: 'diagnosis', codeColumn: 'icd10', codes: ["I6'3"] } }];
    d.entry = { ...d.entry, dateFrom: '2019-01-01' };
    const c = compileCohort(d, manifest);
    expect(c.cohortSql).toContain(`'I6''3'`);
    expect(c.cohortSql).toContain(`-- Rule 1 (include): HbA1c ); DROP TABLE patient; --`);
    // The name never starts a line of SQL.
    expect(c.cohortSql.split('\n').some((l) => l.startsWith(');'))).toBe(false);
  });

  it('rejects non-numbers where numbers are spliced in', () => {
    const d = acceptanceDefinition(manifest);
    d.rules = [{ name: '', mode: 'include', criterion: { kind: 'age', min: '18 OR 1=1' as unknown as number } }];
    expect(() => compileCohort(d, manifest)).toThrow(/finite number/);
  });

  it('lists the tables to load, including linked and variable tables', () => {
    const d = acceptanceDefinition(manifest);
    d.rules.push({ name: '', mode: 'include', criterion: { kind: 'variable', variable: 'treatment.thrombectomy', values: ['true'] } });
    expect(tablesNeeded(d, manifest).sort()).toEqual(['diagnosis', 'follow_up', 'lab_result', 'patient', 'procedure', 'visit']);
  });

  it('describes rules in both languages; a given name wins', () => {
    const d = acceptanceDefinition(manifest);
    expect(describeRule(d.rules[1], manifest)).toEqual({ en: 'Lab test 4548-4, within 30 days before', zh: '检验 4548-4，索引日前 30 天内' });
    expect(describeRule({ ...d.rules[2] }, manifest).en).toBe('Exclude: Diagnosis Z86.73, any time before (incl. index day)');
    expect(describeEntry(d.entry, manifest).en).toBe('Entry: first Diagnosis I63*, inpatient');
    expect(describeRule({ ...d.rules[0], name: 'Adults' }).zh).toBe('Adults');
  });
});

describe('presets from the manifest', () => {
  it('offers the coded domains with values and visit links, and a person mapping', () => {
    const p = domainPresets(manifest);
    const ids = p.map((x) => x.id);
    for (const id of ['visit', 'diagnosis.icd10', 'medication.atc_code', 'lab_result.loinc', 'procedure.code']) expect(ids).toContain(id);
    const lab = p.find((x) => x.id === 'lab_result.loinc')!;
    expect(lab.valueColumn).toBe('value');
    expect(lab.link).toMatchObject({ via: 'visit_id', table: 'visit', column: 'visit_type' });
    expect(defaultPerson(manifest)).toEqual({ table: 'patient', birthDate: 'birth_date', sex: 'sex', deathDate: 'death_date', observation: { table: 'follow_up', dateColumn: 'fu_date' } });
    expect(emptyDefinition(manifest).entry.event.table).toBe('visit');
    expect(p.slice(0, 5).map((x) => x.label.en)).toEqual(['Diagnosis (ICD-10)', 'Drug (ATC)', 'Lab test (LOINC)', 'Procedure (ICD-9-CM-3)', 'Visit']);
  });
});

describe('attrition figure', () => {
  it('draws one box per step with escaped labels and removed counts', () => {
    const svg = attritionSvg(
      [{ label: 'Entry <I63>', remaining: 2000 }, { label: 'Age & over', remaining: 1500, removed: 500 }],
      { title: 'Flow', patients: (n) => `${n} patients`, removed: (n) => `${n} excluded` },
    );
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/<g data-step=/g)).toHaveLength(2);
    expect(svg).toContain('Entry &lt;I63&gt;');
    expect(svg).toContain('Age &amp; over');
    expect(svg).toContain('500 excluded');
    expect(svg).toContain('1500 patients');
  });
});

describe('standardised mean difference', () => {
  it('pools SDs for means and uses p(1-p) for proportions', () => {
    expect(smd('mean', 70, 65, 10, 10)).toBeCloseTo(0.5, 12);
    expect(smd('percent', 0.5, 0.4)).toBeCloseTo(0.1 / Math.sqrt((0.25 + 0.24) / 2), 12);
    expect(smd('percent', 0, 0)).toBe(0);
    expect(smd('mean', null, 1)).toBeNull();
  });
});

describe('attrition label wrapping', () => {
  it('breaks at spaces into two lines and ellipsises the rest', async () => {
    const { wrapLabel } = await import('$core/cohort/attrition-svg');
    expect(wrapLabel('short', 100)).toEqual(['short']);
    const lines = wrapLabel('Exclude: Diagnosis Z86.73, any time before (incl. index day) and a great deal more text here', 200);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe('Exclude: Diagnosis Z86.73,');
    expect(lines[1].endsWith('…')).toBe(true);
  });
});
