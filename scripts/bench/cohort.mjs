// Cohort benchmarks (Node): the acceptance cohort on the 2,000-patient demo and on a generated
// 100,000-patient registry (generated on first use). Report only.
import { withModule } from '../../bin/ts-runner.mjs';
import { demo, ensureLargeRegistry } from './large-registry.mjs';

const large = ensureLargeRegistry();
await withModule('scripts/bench/cohort-core.ts', async (m) => {
  await m.bench(demo, '2,000 patients');
  await m.bench(large, '100,000 patients');
});
