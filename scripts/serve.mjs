#!/usr/bin/env node
// A plain static file server for the built app (dist/), as a hospital's intranet web server
// would serve it: no special headers (no COOP/COEP), optional sub-path.
//   node scripts/serve.mjs [--port 4173] [--base /research/workbench/] [--dir dist]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8', '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.parquet': 'application/octet-stream', '.arrow': 'application/octet-stream', '.map': 'application/json',
};

export function startServer({ port = 4173, base = '/', dir } = {}) {
  const root = path.resolve(dir ?? fileURLToPath(new URL('../dist', import.meta.url)));
  const prefix = base.endsWith('/') ? base : base + '/';
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let pathname = decodeURIComponent(url.pathname);
    if (pathname + '/' === prefix) {
      res.writeHead(301, { Location: prefix });
      return res.end();
    }
    if (!pathname.startsWith(prefix)) {
      res.writeHead(404);
      return res.end('Not found');
    }
    let file = path.join(root, pathname.slice(prefix.length));
    if (!file.startsWith(root)) {
      res.writeHead(403);
      return res.end();
    }
    try {
      if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'Content-Length': body.length });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end('Not found');
    }
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const actual = server.address().port;
      resolve({ server, url: `http://localhost:${actual}${prefix}`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : fallback;
  };
  const { url } = await startServer({ port: Number(opt('--port', process.env.PORT ?? 4173)), base: opt('--base', '/'), dir: opt('--dir') });
  console.log(`ClinStat Workbench is running at ${url}  (Ctrl+C to stop)`);
}
