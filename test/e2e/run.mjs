// Runs the end-to-end tests (node's test runner) against dist/, which `npm run build` makes.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { CHROMIUM } from './harness.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
if (!existsSync(root + 'dist/index.html')) {
  console.error('test:e2e: dist/ is missing; run `npm run build` first.');
  process.exit(1);
}
if (!existsSync(CHROMIUM)) {
  console.error(`test:e2e: Chromium not found at ${CHROMIUM}; install it with \`apt-get install -y chromium\`.`);
  process.exit(1);
}
const r = spawnSync(process.execPath, ['--test', '--test-concurrency=1', ...process.argv.slice(2).length ? process.argv.slice(2) : ['test/e2e/']], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
