/**
 * The cohort slice of the engine API (see context.ts): declared here, implemented here, merged
 * into EngineApi by api.ts and engine.worker.ts.
 *
 * Definitions are checked first (validation issues come back per rule, as {path, message en/zh},
 * instead of counts); the tables a definition reads are loaded lazily before its SQL runs.
 * Counting is cancellable: a new count replaces the previous piece of work, and api.cancel()
 * reaches it.
 */
import { compareCohorts, type CohortComparison } from '../core/cohort/compare';
import { compileCohort } from '../core/cohort/compile';
import { findColumn, findTable } from '../core/cohort/lookup';
import { materializeCohort } from '../core/cohort/materialize';
import { countCohort, invalidDefinition } from '../core/cohort/run';
import type { CohortCount, CohortDefinition, CohortIssue } from '../core/cohort/types';
import { validateCohort } from '../core/cohort/validate';
import { tablesNeeded } from '../core/cohort/walk';
import { ident } from '../core/engine/connector';
import { UserError, type CancelToken } from '../core/errors';
import type { ProgressEvent } from './api';
import type { WorkerContext } from './context';

export interface CohortApi {
  /** Checks a definition against the registry's manifest (fast, no data): issues per rule. */
  cohortValidate(registryId: string, definition: CohortDefinition): Promise<CohortIssue[]>;
  /** Attrition steps (patients left after the entry event and each rule) and the final count, or the issues. */
  cohortCount(registryId: string, definition: CohortDefinition, onProgress?: (p: ProgressEvent) => void): Promise<CohortCount>;
  /** The SQL the definition compiles to (cohort rows and attrition counts), or the issues. */
  cohortSql(registryId: string, definition: CohortDefinition): Promise<{ sql: string; attritionSql: string; issues: CohortIssue[] }>;
  /** Creates (or replaces) table `table`: patient_id, index_date, exit_date, exit_reason. */
  materializeCohort(registryId: string, definition: CohortDefinition, table: string, onProgress?: (p: ProgressEvent) => void): Promise<{ table: string; count: number }>;
  /** Distinct values of a column (for pickers: visit types, sexes), at most `limit`. */
  cohortValues(registryId: string, table: string, column: string, limit?: number): Promise<string[]>;
  /** Two cohorts side by side: counts, overlap, characteristics with SMDs. */
  cohortCompare(registryId: string, a: CohortDefinition, b: CohortDefinition, onProgress?: (p: ProgressEvent) => void): Promise<CohortComparison>;
}

export function createCohortApi(ctx: WorkerContext): CohortApi {
  async function prepare(registryId: string, def: CohortDefinition, token: CancelToken, onProgress?: (p: ProgressEvent) => void) {
    const manifest = ctx.registries.manifest(registryId);
    const conn = await ctx.conn();
    const issues = validateCohort(def, manifest);
    if (!issues.length) {
      const report = ctx.progress('cohort', onProgress);
      await ctx.registries.ensureTables(conn, registryId, tablesNeeded(def, manifest), (f, msg) => report(0.8 * f, msg), token);
    }
    return { manifest, conn, issues };
  }

  return {
    async cohortValidate(registryId, definition) {
      return validateCohort(definition, ctx.registries.manifest(registryId));
    },

    async cohortCount(registryId, definition, onProgress) {
      const token = ctx.startWork();
      const { manifest, conn, issues } = await prepare(registryId, definition, token, onProgress);
      if (issues.length) return { steps: [], count: 0, issues };
      token.throwIfCancelled();
      ctx.progress('cohort', onProgress)(0.85, 'Counting');
      return countCohort(conn, manifest, definition, token);
    },

    async cohortSql(registryId, definition) {
      const manifest = ctx.registries.manifest(registryId);
      const issues = validateCohort(definition, manifest);
      if (issues.length) return { sql: '', attritionSql: '', issues };
      const c = compileCohort(definition, manifest);
      return { sql: c.cohortSql, attritionSql: c.attritionSql, issues: [] };
    },

    async materializeCohort(registryId, definition, table, onProgress) {
      const token = ctx.startWork();
      const { manifest, conn, issues } = await prepare(registryId, definition, token, onProgress);
      if (issues.length) throw invalidDefinition(issues);
      return materializeCohort(conn, manifest, definition, table, token);
    },

    async cohortValues(registryId, table, column, limit = 50) {
      const manifest = ctx.registries.manifest(registryId);
      const t = findTable(manifest, table);
      if (!t || !findColumn(t, column)) {
        throw new UserError('spec', 'unknown_column', { en: `The registry has no column ${table}.${column}.`, zh: `登记库中没有列 ${table}.${column}。` });
      }
      const conn = await ctx.conn();
      await ctx.registries.ensureTables(conn, registryId, [table]);
      const n = Math.max(1, Math.min(500, Math.floor(limit)));
      const res = await conn.query(`SELECT DISTINCT CAST(${ident(column)} AS VARCHAR) AS v FROM ${ident(table)} WHERE ${ident(column)} IS NOT NULL ORDER BY 1 LIMIT ${n}`);
      return res.toArray().map((r) => String(r.toJSON().v));
    },

    async cohortCompare(registryId, a, b, onProgress) {
      const token = ctx.startWork();
      const manifest = ctx.registries.manifest(registryId);
      const issues = [...validateCohort(a, manifest), ...validateCohort(b, manifest)];
      if (issues.length) throw invalidDefinition(issues);
      const conn = await ctx.conn();
      const report = ctx.progress('cohort', onProgress);
      const tables = [...new Set([...tablesNeeded(a, manifest), ...tablesNeeded(b, manifest)])];
      // Characteristics read the catalogue's yes/no variables: load every patient table.
      await ctx.registries.ensureTables(conn, registryId, [...tables, ...manifest.tables.filter((t) => t.patient_key).map((t) => t.name)], (f, m) => report(0.7 * f, m), token);
      report(0.8, 'Comparing');
      return compareCohorts(conn, manifest, a, b, token);
    },
  };
}
