/**
 * Plugin discovery at build time: adding a folder plugins/<kind>/<id>/ adds a plugin. Analysis
 * plugins (method, chart, mining) are found here; data-quality checks have their own contract
 * and discovery in src/core/quality/.
 * Manifests load eagerly (small, serialisable, needed by the UI menu); run, interpret and
 * rcode load lazily, so their code and dependencies stay out of the initial bundle.
 */
import { UserError } from '../errors';
import type { Interpreter, PluginManifest, PluginRunModule, RCodeWriter } from './types';

const manifestModules = import.meta.glob<PluginManifest>('/plugins/{method,chart,mining}/*/manifest.ts', { eager: true, import: 'manifest' });
const runLoaders = import.meta.glob<PluginRunModule>('/plugins/{method,chart,mining}/*/run.ts');
const interpretLoaders = import.meta.glob<Interpreter>('/plugins/{method,chart,mining}/*/interpret.ts', { import: 'interpret' });
const rcodeLoaders = import.meta.glob<RCodeWriter>('/plugins/{method,chart,mining}/*/rcode.ts', { import: 'rCode' });

/** plugins/<kind>/<id>/manifest.ts -> folder path "/plugins/<kind>/<id>" */
function folderOf(file: string): string {
  return file.slice(0, file.lastIndexOf('/'));
}

const folders = new Map<string, string>();
for (const [file, manifest] of Object.entries(manifestModules)) folders.set(manifest.id, folderOf(file));

/** Every plugin's manifest, sorted by category then id. */
export const manifests: PluginManifest[] = Object.values(manifestModules).sort(
  (a, b) => a.category.localeCompare(b.category) || a.id.localeCompare(b.id),
);

/** Where each manifest was found, for the consistency test (folder name must equal id). */
export const manifestFiles: Record<string, string> = Object.fromEntries(
  Object.entries(manifestModules).map(([file, m]) => [m.id, file]),
);

export function getManifest(id: string): PluginManifest {
  const m = manifests.find((x) => x.id === id);
  if (!m) {
    throw new UserError('spec', 'unknown_plugin', {
      en: `Unknown plugin "${id}". Run \`clinstat list\` to see the available plugins.`,
      zh: `未知的插件 "${id}"。运行 \`clinstat list\` 查看可用插件。`,
    });
  }
  return m;
}

export interface LoadedPlugin {
  manifest: PluginManifest;
  run: PluginRunModule;
  interpret?: Interpreter;
  rCode?: RCodeWriter;
}

export async function loadPlugin(id: string): Promise<LoadedPlugin> {
  const manifest = getManifest(id);
  const folder = folders.get(id)!;
  const runLoader = runLoaders[`${folder}/run.ts`];
  if (!runLoader) throw new Error(`Plugin ${id} has no run.ts`);
  const [run, interpret, rCode] = await Promise.all([
    runLoader(),
    interpretLoaders[`${folder}/interpret.ts`]?.(),
    rcodeLoaders[`${folder}/rcode.ts`]?.(),
  ]);
  return { manifest, run, interpret, rCode };
}
