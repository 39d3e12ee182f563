// Data-quality benchmark (Node): the full check suite on the shipped 2,000-patient demo and on
// the generated 100,000-patient registry (bench-data/stroke-100k, generated as registry.mjs does).
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { withModule } from '../../bin/ts-runner.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const large = root + 'bench-data/stroke-100k';
if (!existsSync(large + '/registry.json')) {
  console.log('generating the 100,000-patient registry (about a minute)...');
  const r = spawnSync(process.execPath, [root + 'scripts/registry/generate.mjs', '--patients', '100000', '--seed', '42', '--out', large], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
await withModule('scripts/bench/quality-core.ts', async (m) => {
  await m.bench(root + 'public/registries/stroke-demo', '2,000 patients');
  await m.bench(large, '100,000 patients');
});
