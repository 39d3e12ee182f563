// Every plugin folder is complete and its manifest is consistent: the folder is named for the
// id, defaults pass the manifest's own checks, and role names come from RESULTS.md's list.
import { describe, expect, it } from 'vitest';
import { loadPlugin, manifestFiles, manifests } from '$core/plugin/registry';
import { checkOptions } from '$core/plugin/spec-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Non-type import specifiers of a TypeScript file. */
function valueImports(file: string): string[] {
  const code = readFileSync(file, 'utf8');
  return [...code.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)';/gm)].map((m) => m[1]);
}

function resolveImport(from: string, spec: string): string {
  const base = spec.startsWith('$core/') ? path.resolve('src/core', spec.slice(6)) : path.resolve(path.dirname(from), spec);
  return base.endsWith('.ts') ? base : base + '.ts';
}

const ROLE_NAMES = new Set(['outcome', 'group', 'covariates', 'variables', 'x', 'y', 'time', 'event', 'strata', 'id', 'within', 'factors', 'row', 'column', 'layer', 'weight',
  // Added to RESULTS.md's list (docs/ARCHITECTURE.md): person-time of rate models, offset = log(exposure).
  'exposure']);

describe('plugin registry', () => {
  it('finds the exemplar plugins', () => {
    const ids = manifests.map((m) => m.id);
    expect(ids).toEqual(expect.arrayContaining(['describe.descriptives', 'compare.ttest_ind', 'chart.histogram']));
  });
  for (const m of manifests) {
    it(`${m.id}: folder, files, roles and options are consistent`, async () => {
      expect(manifestFiles[m.id]).toBe(`/plugins/${m.kind}/${m.id}/manifest.ts`);
      const loaded = await loadPlugin(m.id);
      expect(typeof loaded.run.run).toBe('function');
      expect(typeof loaded.interpret).toBe('function');
      expect(typeof loaded.rCode).toBe('function');
      for (const r of m.roles) {
        expect(ROLE_NAMES.has(r.name), `role name ${r.name}`).toBe(true);
        expect(r.label.en && r.label.zh).toBeTruthy();
      }
      const defaults = Object.fromEntries(m.options.map((o) => [o.name, o.default]));
      expect(checkOptions(m, defaults)).toEqual(defaults);
      expect(m.title.zh).toMatch(/[\u4e00-\u9fff]/);
      // Manifests load eagerly in the UI: they may import only plain-data modules (which
      // themselves import nothing but types), never kernels or run code.
      const file = path.resolve('.' + manifestFiles[m.id]);
      for (const spec of valueImports(file)) {
        const target = resolveImport(file, spec);
        expect(valueImports(target), `${m.id}: manifest imports ${spec}, which imports code`).toEqual([]);
      }
    });
  }
});
