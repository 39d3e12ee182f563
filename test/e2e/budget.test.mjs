// The initial JavaScript (what index.html loads before any plugin, vega or DuckDB) stays
// under 300 KB gzipped: manifests must stay light (types and plain data, no kernels).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));

test('initial JavaScript under 300 KB gzipped', () => {
  const html = readFileSync(dist + 'index.html', 'utf8');
  const scripts = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\.\/([^"]+\.js)"/g)].map((m) => m[1]);
  assert.ok(scripts.length > 0, 'index.html loads a script');
  // Follow static imports between chunks (dynamic import() chunks load later and do not count).
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(dist + file, 'utf8');
    for (const m of code.matchAll(/(?:^|[;}\s])import\s*(?:[^'"();]*?from\s*)?["']\.\/([^"']+\.js)["']/g)) visit('assets/' + m[1]);
  };
  scripts.forEach(visit);
  const sizes = [...seen].map((s) => gzipSync(readFileSync(dist + s)).length);
  const total = sizes.reduce((a, b) => a + b, 0);
  console.log(`initial JS: ${[...seen].join(', ')} = ${(total / 1024).toFixed(1)} KB gzipped`);
  assert.ok(total < 300 * 1024, `initial JS is ${(total / 1024).toFixed(1)} KB gzipped`);
});
