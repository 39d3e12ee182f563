/**
 * Look-ups into a registry manifest that the cohort validator and compiler share: tables,
 * columns, time columns, foreign keys and catalogue variables by id.
 */
import type { CatalogueNode, RegistryColumn, RegistryManifest, RegistryTable, VariableDefinition } from '../registry/types';
import { catalogueVariables as variableNodes } from '../registry/validate';

export function findTable(m: RegistryManifest, name: string): RegistryTable | undefined {
  return m.tables.find((t) => t.name === name);
}

export function findColumn(t: RegistryTable, name: string): RegistryColumn | undefined {
  return t.columns.find((c) => c.name === name);
}

export function isDateColumn(c: RegistryColumn | undefined): boolean {
  return !!c && (c.type === 'date' || c.type === 'datetime');
}

export function isNumericColumn(c: RegistryColumn | undefined): boolean {
  return !!c && (c.type === 'numeric' || c.type === 'integer');
}

/** The column dating an event: the one asked for, else the table's first time column. */
export function eventDateColumn(t: RegistryTable, asked?: string): string | undefined {
  return asked || t.time_columns[0];
}

export function foreignKey(t: RegistryTable, column: string) {
  return t.foreign_keys.find((f) => f.column === column);
}

const variableCache = new WeakMap<RegistryManifest, Map<string, { node: CatalogueNode; variable: VariableDefinition }>>();

/** Catalogue variables by id (cached per manifest object). */
export function catalogueVariables(m: RegistryManifest): Map<string, { node: CatalogueNode; variable: VariableDefinition }> {
  let map = variableCache.get(m);
  if (!map) {
    map = new Map([...variableNodes(m.catalogue)].map((node) => [node.id, { node, variable: node.variable! }]));
    variableCache.set(m, map);
  }
  return map;
}

/** Tables a variable's SQL reads (by name, as words in the SQL): what must be loaded before it runs. */
export function tablesInSql(m: RegistryManifest, sql: string): string[] {
  return m.tables.filter((t) => new RegExp(`\\b${t.name.replace(/[^\w]/g, '')}\\b`, 'i').test(sql)).map((t) => t.name);
}
