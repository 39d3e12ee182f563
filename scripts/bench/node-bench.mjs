// Node half of the benchmarks, run from the TypeScript sources like the CLI.
import { withModule } from '../../bin/ts-runner.mjs';

await withModule('scripts/bench/node-bench-core.ts', (m) => m.bench(process.argv[2]));
