/**
 * Walks a definition's event queries and variables with their paths: for the tables to load,
 * the code check and the UI's per-rule messages.
 */
import type { RegistryManifest } from '../registry/types';
import { catalogueVariables, findTable, foreignKey, tablesInSql } from './lookup';
import type { CohortDefinition, Criterion, EventQuery } from './types';

export function eachEventQuery(def: CohortDefinition, fn: (q: EventQuery, path: string) => void): void {
  if (def.entry?.event) fn(def.entry.event, 'entry.event');
  const walk = (c: Criterion, path: string) => {
    if (c.kind === 'event') fn(c, path);
    if (c.kind === 'group') c.items.forEach((it, i) => walk(it, `${path}.items[${i}]`));
  };
  (def.rules ?? []).forEach((r, i) => r.criterion && walk(r.criterion, `rules[${i}].criterion`));
  if (def.exit?.censoring) fn(def.exit.censoring, 'exit.censoring');
}

export function eachVariable(def: CohortDefinition, fn: (id: string, path: string) => void): void {
  const walk = (c: Criterion, path: string) => {
    if (c.kind === 'variable') fn(c.variable, path);
    if (c.kind === 'group') c.items.forEach((it, i) => walk(it, `${path}.items[${i}]`));
  };
  (def.rules ?? []).forEach((r, i) => r.criterion && walk(r.criterion, `rules[${i}].criterion`));
}

/** The registry tables a definition reads (to load them before running its SQL). */
export function tablesNeeded(def: CohortDefinition, m: RegistryManifest): string[] {
  const names = new Set<string>([def.person.table, def.person.observation.table]);
  eachEventQuery(def, (q) => {
    names.add(q.table);
    const t = findTable(m, q.table);
    for (const f of q.filters ?? []) {
      const fk = t && f.via ? foreignKey(t, f.via) : undefined;
      if (fk) names.add(fk.references.table);
    }
  });
  eachVariable(def, (id) => {
    const v = catalogueVariables(m).get(id);
    if (v) for (const t of tablesInSql(m, v.variable.sql)) names.add(t);
  });
  return [...names].filter((n) => findTable(m, n));
}
