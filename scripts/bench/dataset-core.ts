/**
 * The dataset bench: an analysis dataset with 50 features (40 windowed lab/vital
 * aggregates, 7 patient-level variables, a time-to-event outcome, a formula and quartile groups)
 * on the 100,000-patient registry, timed from the cohort table to the registered dataset (loading
 * the registry's tables is the registry bench's figure). Prints the time per step.
 */
import { createNodeConnector } from '../../src/core/engine/duckdb-node';
import { folderSession } from './folder-session';
import type { CatalogueNode } from '../../src/core/registry/types';
import { catalogueVariables } from '../../src/core/registry/validate';
import { materializeAllPatients } from '../../src/core/dataset/all-patients';
import { buildDataset } from '../../src/core/dataset/build';
import type { Aggregate, Feature } from '../../src/core/dataset/types';

export function fiftyFeatures(nodes: CatalogueNode[]): Feature[] {
  const events = nodes.filter((n) => n.variable!.grain === 'event' && ['numeric', 'integer'].includes(n.variable!.type));
  const patients = nodes.filter((n) => n.variable!.grain === 'patient' && !n.id.startsWith('omics.'));
  const aggs: Aggregate[] = ['last', 'mean', 'max', 'count'];
  const features: Feature[] = [];
  for (const n of events) for (const a of aggs) features.push({ kind: 'window', name: `${n.id.replace(/\W/g, '_')}_${a}`, source: { kind: 'variable', id: n.id }, window: { start: -365, end: 0 }, aggregate: a });
  features.splice(40);
  features.push({ kind: 'outcome', name: 'recurrence', source: { kind: 'variable', id: 'outcomes.recurrence_events' }, horizon: 365, type: 'time-to-event' });
  for (const n of patients.slice(0, 7)) features.push({ kind: 'window', name: n.id.replace(/\W/g, '_'), source: { kind: 'variable', id: n.id }, window: { start: 0, end: 0 }, aggregate: 'last' });
  features.push({ kind: 'derived', name: 'old', expression: 'demographics_age >= 65' });
  features.push({ kind: 'bin', name: 'age_q', input: 'demographics_age', method: { kind: 'quantiles', groups: 4 } });
  return features;
}

export async function bench(folder: string, label: string): Promise<void> {
  const { session, root, id } = folderSession(folder);
  const conn = await createNodeConnector();
  try {
    const manifest = await session.open(root, id);
    await session.ensureTables(conn, id);
    const features = fiftyFeatures([...catalogueVariables(manifest.catalogue)]);
    const t0 = performance.now();
    const cohort = await materializeAllPatients(conn, manifest, '__ds_cohort_bench');
    let last = performance.now();
    const steps: string[] = [`${(last - t0).toFixed(0)} ms cohort (all patients)`];
    const r = await buildDataset(conn, manifest, { format: '1', name: 'bench', registryId: id, cohort: { kind: 'all-patients' }, features }, cohort.table, (_f, m) => {
      const now = performance.now();
      steps.push(`${(now - last).toFixed(0)} ms before "${m.slice(0, 60)}"`);
      last = now;
    });
    const s = (performance.now() - t0) / 1000;
    console.log(`dataset ${label}: ${features.length} features, ${r.rows} x ${r.columns.length} in Node`.padEnd(48), `${s.toFixed(2).padStart(10)} s`);
    if (process.env.BENCH_VERBOSE) console.log(steps.map((x) => '    ' + x).join('\n'));
  } finally {
    await conn.close();
  }
}
