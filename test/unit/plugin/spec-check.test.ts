import { describe, expect, it } from 'vitest';
import { checkOptions, checkRoles } from '$core/plugin/spec-check';
import type { PluginManifest } from '$core/plugin/types';

const text = (s: string) => ({ en: s, zh: s });
const manifest: PluginManifest = {
  id: 'test.example', kind: 'method', version: '1.0.0', title: text('Example'), summary: text('x'), category: 'test',
  keywords: [], outline: [], references: [],
  roles: [
    { name: 'outcome', label: text('Outcome'), types: ['numeric'], min: 1, max: 1 },
    { name: 'covariates', label: text('Covariates'), types: ['numeric'], min: 0, max: 10 },
  ],
  options: [
    { name: 'conf_level', label: text('Confidence'), type: 'number', default: 0.95, min: 0, max: 1, exclusiveMin: true, exclusiveMax: true },
    { name: 'alternative', label: text('Alternative'), type: 'enum', default: 'two.sided', values: [
      { value: 'two.sided', label: text('two') }, { value: 'less', label: text('less') }] },
    { name: 'var_equal', label: text('Equal'), type: 'boolean', default: false },
  ],
};

describe('spec checks', () => {
  it('normalises roles to arrays', () => {
    expect(checkRoles(manifest, { outcome: 'y', covariates: ['a', 'b'] })).toEqual({ outcome: ['y'], covariates: ['a', 'b'] });
    expect(checkRoles(manifest, { outcome: 'y' })).toEqual({ outcome: ['y'], covariates: [] });
  });
  it('rejects missing, unknown and surplus roles with specific messages', () => {
    expect(() => checkRoles(manifest, {})).toThrow(/"Outcome" needs a column/);
    expect(() => checkRoles(manifest, { outcome: 'y', group: 'g' })).toThrow(/has no role "group"/);
    expect(() => checkRoles(manifest, { outcome: ['y', 'z'] })).toThrow(/at most 1 column; 2 were given/);
  });
  it('fills defaults and validates options', () => {
    expect(checkOptions(manifest, { var_equal: true })).toEqual({ conf_level: 0.95, alternative: 'two.sided', var_equal: true });
    expect(() => checkOptions(manifest, { conf_level: 1 })).toThrow(/out of range/);
    expect(() => checkOptions(manifest, { alternative: 'greater' })).toThrow(/must be one of "two.sided", "less"/);
    expect(() => checkOptions(manifest, { var_equal: 'yes' })).toThrow(/true or false/);
    expect(() => checkOptions(manifest, { tails: 2 })).toThrow(/has no option "tails"/);
  });
});
