/**
 * Fresh criteria for the "Add a rule" buttons: a domain preset (diagnosis, drug, lab, ...) or
 * one of the fixed kinds, with sensible first values the user then edits.
 */
import type { DomainPreset } from '../../core/cohort/presets';
import type { Criterion } from '../../core/cohort/types';

export type NewKind = 'age' | 'sex' | 'follow_up' | 'variable' | 'group' | { preset: string };

export function newCriterion(kind: NewKind, presets: DomainPreset[]): Criterion {
  if (typeof kind === 'object') {
    const p = presets.find((x) => x.id === kind.preset) ?? presets[0];
    return { kind: 'event', table: p.table, codeColumn: p.codeColumn, codes: p.codeColumn ? [] : undefined, codeMatch: p.codeColumn ? 'prefix' : undefined, filters: [], window: { start: null, end: 0 } };
  }
  switch (kind) {
    case 'age':
      return { kind: 'age', min: 18 };
    case 'sex':
      return { kind: 'sex', values: [] };
    case 'follow_up':
      return { kind: 'follow_up', days: 365 };
    case 'variable':
      return { kind: 'variable', variable: '', values: [] };
    case 'group':
      return { kind: 'group', match: 'any', items: [] };
  }
}
