// Data-quality benchmark (Node): the full check suite on the shipped 2,000-patient demo and on
// the generated 100,000-patient registry (bench-data/stroke-100k, generated as registry.mjs does).
import { withModule } from '../../bin/ts-runner.mjs';
import { demo, ensureLargeRegistry } from './large-registry.mjs';

const large = ensureLargeRegistry();
await withModule('scripts/bench/quality-core.ts', async (m) => {
  await m.bench(demo, '2,000 patients');
  await m.bench(large, '100,000 patients');
});
