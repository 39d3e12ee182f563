// The UI store without IndexedDB (Node has none, as some locked-down browsers): saved cohorts
// fall back to memory, save replaces by name, JSON import checks the shape.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RegistryManifest } from '$core/registry/types';
import { cohorts } from '../../../src/ui/state/cohort.svelte';
import { acceptanceDefinition } from './fixtures';

const manifest = JSON.parse(readFileSync(new URL('../../../public/registries/stroke-demo/registry.json', import.meta.url), 'utf8')) as RegistryManifest;

describe('cohorts store (no IndexedDB)', () => {
  it('keeps saved cohorts in memory and replaces one saved under the same name', async () => {
    await cohorts.load();
    expect(cohorts.memoryOnly).toBe(true);
    cohorts.current = acceptanceDefinition(manifest);
    cohorts.currentRegistry = 'stroke-demo';
    await cohorts.save();
    cohorts.current.rules.pop();
    await cohorts.save();
    expect(cohorts.saved).toHaveLength(1);
    expect(cohorts.saved[0]).toMatchObject({ name: 'First ischaemic stroke, 1 year', registryId: 'stroke-demo' });
    expect(cohorts.saved[0].definition.rules).toHaveLength(3);
    // The saved copy is independent of further edits.
    cohorts.current.name = 'Other';
    expect(cohorts.saved[0].definition.name).toBe('First ischaemic stroke, 1 year');
    await cohorts.remove(0);
    expect(cohorts.saved).toHaveLength(0);
  });

  it('imports JSON definitions and reports what is wrong with others', () => {
    expect(cohorts.importJson('{not json')).toMatch(/JSON|Expected|property/i);
    expect(cohorts.importJson('[1]')).toBe('expected a JSON object');
    expect(cohorts.importJson('{"name":"x"}')).toBe('it needs "entry" and "rules"');
    expect(cohorts.importJson(JSON.stringify(acceptanceDefinition(manifest)))).toBeNull();
    expect(cohorts.current?.rules).toHaveLength(4);
  });
});
