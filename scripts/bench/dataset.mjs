// Analysis-dataset bench (Node): 50 features on the 100,000-patient registry (made by registry.mjs).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { withModule } from '../../bin/ts-runner.mjs';

const large = fileURLToPath(new URL('../../bench-data/stroke-100k', import.meta.url));
if (!existsSync(large + '/registry.json')) {
  console.log('dataset bench: bench-data/stroke-100k is missing (run scripts/bench/registry.mjs first)');
  process.exit(0);
}
await withModule('scripts/bench/dataset-core.ts', (m) => m.bench(large, '100,000 patients'));
