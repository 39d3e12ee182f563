#!/usr/bin/env node
// The clinstat command. It runs the TypeScript sources through Vite's module runner, so the
// CLI uses exactly the code (and the import.meta.glob plugin discovery) the app uses, with no
// build step after `npm ci`.
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const { module } = await runnerImport(fileURLToPath(new URL('../src/cli/main.ts', import.meta.url)), {
  root,
  configFile: false,
  logLevel: 'silent',
  resolve: { alias: { $core: root + 'src/core', $plugins: root + 'plugins' } },
});
process.exitCode = await module.main(process.argv.slice(2));
