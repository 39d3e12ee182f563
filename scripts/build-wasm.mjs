// `npm run build:wasm`: compiles the WebAssembly kernels (src/core/stats/wasm/*.wat, text
// format) into TypeScript modules holding the binary as base64, so the app and Node load them
// synchronously from their own code (no fetch, no second origin). The generated modules are
// committed; test/unit/stats/wasm-kernels.test.ts fails when one no longer matches its .wat.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileWat, generatedModule } from './wasm-compile.mjs';

const dir = fileURLToPath(new URL('../src/core/stats/wasm/', import.meta.url));
for (const file of readdirSync(dir).filter((f) => f.endsWith('.wat'))) {
  const name = file.replace(/\.wat$/, '');
  const bytes = await compileWat(file, readFileSync(dir + file, 'utf8'));
  writeFileSync(`${dir}${name}-wasm.ts`, generatedModule(name, bytes));
  console.log(`${file}: ${bytes.length} bytes -> ${name}-wasm.ts`);
}
