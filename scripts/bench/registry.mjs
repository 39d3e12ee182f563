// Registry benchmarks (Node): the shipped 2,000-patient demo and a generated 100,000-patient one.
import { withModule } from '../../bin/ts-runner.mjs';
import { demo, ensureLargeRegistry } from './large-registry.mjs';

const large = ensureLargeRegistry();
await withModule('scripts/bench/registry-core.ts', async (m) => {
  await m.bench(demo, '2,000 patients');
  await m.bench(large, '100,000 patients');
});
