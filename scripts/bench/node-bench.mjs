// Node half of the benchmarks, run through Vite's module runner like the CLI.
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));
const { module } = await runnerImport(root + 'scripts/bench/node-bench-core.ts', { root, configFile: false, logLevel: 'silent' });
await module.bench(process.argv[2]);
