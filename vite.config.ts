import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';

const r = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  // Relative base: the built app works from any sub-path of a static server.
  base: './',
  plugins: [svelte()],
  resolve: { alias: { $core: r('./src/core'), $plugins: r('./plugins') } },
  worker: { format: 'es' },
  // pluginTimings: rolldown's timing table is noise in every build log.
  build: { target: 'es2022', chunkSizeWarningLimit: 4000, rolldownOptions: { checks: { pluginTimings: false } } },
  test: {
    include: ['test/unit/**/*.test.ts', 'test/reference/**/*.test.ts', 'plugins/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
