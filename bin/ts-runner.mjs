// Runs a TypeScript module of this repo in Node through Vite's module runner: the same
// transforms as the app (TypeScript, import.meta.glob plugin discovery) and no build step.
// The runner stays open until `use` returns, because plugins' run code is imported lazily.
import { fileURLToPath } from 'node:url';
import { createServer, createServerModuleRunner } from 'vite';

export const root = fileURLToPath(new URL('..', import.meta.url));

export async function withModule(file, use) {
  const server = await createServer({
    root,
    configFile: false,
    logLevel: 'silent',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false, watch: null },
    optimizeDeps: { noDiscovery: true, include: [] },
    resolve: { alias: { $core: root + 'src/core', $plugins: root + 'plugins' } },
  });
  try {
    const runner = createServerModuleRunner(server.environments.ssr, { hmr: false });
    try {
      return await use(await runner.import(root + file));
    } finally {
      await runner.close();
    }
  } finally {
    await server.close();
  }
}
