/**
 * Quality checks are discovered at build time like analysis plugins: adding a folder
 * plugins/quality/<id>/ adds a check. Manifests load eagerly (the UI lists them); run.ts loads
 * lazily in the worker.
 */
import type { QualityCheckManifest, QualityCheckRun } from './types';

const manifestModules = import.meta.glob<QualityCheckManifest>('/plugins/quality/*/manifest.ts', { eager: true, import: 'manifest' });
const runLoaders = import.meta.glob<QualityCheckRun>('/plugins/quality/*/run.ts', { import: 'run' });

const ORDER = ['conformance', 'completeness', 'plausibility', 'temporal', 'uniqueness', 'consistency'];

export const qualityChecks: QualityCheckManifest[] = Object.values(manifestModules).sort(
  (a, b) => ORDER.indexOf(a.category) - ORDER.indexOf(b.category) || a.id.localeCompare(b.id),
);

/** manifest file per check id, for the test that the folder name equals the id. */
export const qualityCheckFiles: Record<string, string> = Object.fromEntries(Object.entries(manifestModules).map(([f, m]) => [m.id, f]));

export async function loadCheck(id: string): Promise<QualityCheckRun> {
  const file = qualityCheckFiles[id];
  const loader = file && runLoaders[file.replace(/manifest\.ts$/, 'run.ts')];
  if (!loader) throw new Error(`Quality check ${id} has no run.ts`);
  return loader();
}
