// The 100,000-patient registry the registry benches share (bench-data/stroke-100k), generated
// with the demo's generator on first use (about a minute).
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const demo = root + 'public/registries/stroke-demo';
export const large = root + 'bench-data/stroke-100k';

export function ensureLargeRegistry() {
  if (existsSync(large + '/registry.json')) return large;
  console.log('generating the 100,000-patient registry (about a minute)...');
  const r = spawnSync(process.execPath, [root + 'scripts/registry/generate.mjs', '--patients', '100000', '--seed', '42', '--out', large], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
  return large;
}
