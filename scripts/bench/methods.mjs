// `node scripts/bench/methods.mjs`: method benchmarks in Node beside R (see methods-core.ts).
import { fileURLToPath } from 'node:url';
import { withModule } from '../../bin/ts-runner.mjs';
import { regressionCsv, survivalCsv } from './methods-data.mjs';

const dir = fileURLToPath(new URL('../../bench-data/', import.meta.url));
const files = {
  regression: await regressionCsv(dir, 1_000_000, 20),
  survival: await survivalCsv(dir, 1_000_000, 2),
  cox: await survivalCsv(dir, 100_000, 10),
};
await withModule('scripts/bench/methods-core.ts', (m) => m.bench(files));
