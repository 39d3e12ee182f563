/**
 * Cohort benchmarks in Node: load the tables the acceptance cohort needs, then its attrition
 * count (one query, every step), the data checks (codes), and materialising the cohort table.
 * Report only: no timing assertions.
 */
import { compileCohort } from '../../src/core/cohort/compile';
import { materializeCohort } from '../../src/core/cohort/materialize';
import { defaultPerson } from '../../src/core/cohort/presets';
import { countCohort } from '../../src/core/cohort/run';
import type { CohortDefinition } from '../../src/core/cohort/types';
import { tablesNeeded } from '../../src/core/cohort/walk';
import { createNodeConnector } from '../../src/core/engine/duckdb-node';
import { CancelToken } from '../../src/core/errors';
import { folderSession } from './folder-session';
import type { RegistryManifest } from '../../src/core/registry/types';

function line(name: string, value: string, unit: string) {
  console.log(`${name.padEnd(56)} ${value.padStart(10)} ${unit}`);
}

/** "First ischaemic stroke admission, age >= 18, HbA1c within 30 days before, no prior stroke, followed for 1 year". */
export function acceptance(m: RegistryManifest): CohortDefinition {
  return {
    format: 1,
    name: 'bench',
    person: defaultPerson(m),
    entry: { event: { table: 'diagnosis', codeColumn: 'icd10', codes: ['I63'], codeMatch: 'prefix', filters: [{ via: 'visit_id', column: 'visit_type', values: ['inpatient'] }] }, occurrence: 'first' },
    rules: [
      { name: '', mode: 'include', criterion: { kind: 'age', min: 18 } },
      { name: '', mode: 'include', criterion: { kind: 'event', table: 'lab_result', codeColumn: 'loinc', codes: ['4548-4'], codeMatch: 'exact', window: { start: -30, end: 0 } } },
      { name: '', mode: 'exclude', criterion: { kind: 'event', table: 'diagnosis', codeColumn: 'icd10', codes: ['Z86.73'], codeMatch: 'exact', window: { start: null, end: 0 } } },
      { name: '', mode: 'include', criterion: { kind: 'follow_up', days: 365 } },
    ],
    exit: { death: true, windowDays: 365 },
  };
}

export async function bench(folder: string, label: string): Promise<void> {
  const { session, root, id } = folderSession(folder);
  const conn = await createNodeConnector();
  const m = await session.open(root, id);
  const def = acceptance(m);
  let t = performance.now();
  await session.ensureTables(conn, id, tablesNeeded(def, m), () => {}, new CancelToken());
  line(`cohort ${label}: load the tables it needs`, ((performance.now() - t) / 1000).toFixed(1), 's');
  t = performance.now();
  compileCohort(def, m);
  line(`cohort ${label}: compile`, (performance.now() - t).toFixed(1), 'ms');
  t = performance.now();
  await countCohort(conn, m, def);
  line(`cohort ${label}: first count (every code checked)`, (performance.now() - t).toFixed(0), 'ms');
  // A recount after an edit: the codes' existence is remembered, the attrition query runs again.
  t = performance.now();
  const c = await countCohort(conn, m, def);
  line(`cohort ${label}: live recount after an edit`, (performance.now() - t).toFixed(0), 'ms');
  console.log(`  attrition: ${c.steps.map((s) => s.remaining).join(' -> ')}`);
  t = performance.now();
  const r = await materializeCohort(conn, m, def, 'bench_cohort');
  line(`cohort ${label}: materialise (${r.count} patients)`, (performance.now() - t).toFixed(0), 'ms');
  await conn.close();
}
