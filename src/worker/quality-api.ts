/**
 * The quality slice of the engine API (see context.ts): declared here, implemented here, merged
 * into EngineApi by api.ts and engine.worker.ts. Runs are cached by data version: registry id +
 * manifest version + a hash of the rule set, switches and thresholds.
 */
import { qualityChecks } from '../core/quality/discovery';
import { valueDistribution, type Distribution } from '../core/quality/distribution';
import { qualityRecord, type QualityRecord } from '../core/quality/record';
import { qualityReportHtml, qualityReportXlsx, type Lang } from '../core/quality/report';
import { manifestRules, RuleError, validateRule } from '../core/quality/rules';
import { qualityKey, runQuality, type QualityConfig } from '../core/quality/runner';
import type { QualityCheckManifest, QualityReport, QualityRuleDef } from '../core/quality/types';
import type { I18nText } from '../core/plugin/types';
import { UserError } from '../core/errors';
import type { ProgressEvent } from './api';
import type { WorkerContext } from './context';

export interface QualityApi {
  /** Every discovered check's manifest. */
  qualityChecks(): Promise<QualityCheckManifest[]>;
  /** The open registry's declarative rules (from its manifest). */
  qualityManifestRules(id: string): Promise<QualityRuleDef[]>;
  /** Runs the enabled checks and rules (cached by data version and rule set). */
  runQuality(id: string, config: QualityConfig, onProgress?: (p: ProgressEvent) => void): Promise<QualityReport>;
  /** Checks a rule without running it: null when fine, else what is wrong. */
  validateQualityRule(id: string, rule: QualityRuleDef): Promise<I18nText | null>;
  /** A finding's record, with its source note and span when it has provenance. */
  qualityRecord(id: string, table: string, recordId: string): Promise<QualityRecord>;
  /** The distribution of a flagged record's column among rows like it (same code), or null if not numeric. */
  qualityDistribution(id: string, table: string, column: string, recordId: string): Promise<Distribution | null>;
  /** The report of a cached run as HTML or Excel bytes. */
  exportQuality(id: string, key: string, format: 'html' | 'xlsx', lang: Lang): Promise<Uint8Array>;
}

export function createQualityApi(ctx: WorkerContext): QualityApi {
  const cache = new Map<string, QualityReport>();
  const ready = async (id: string) => {
    const conn = await ctx.conn();
    await ctx.registries.ensureTables(conn, id);
    return conn;
  };
  return {
    async qualityChecks() {
      return qualityChecks;
    },
    async qualityManifestRules(id) {
      return manifestRules(ctx.registries.manifest(id));
    },
    async runQuality(id, config, onProgress) {
      const manifest = ctx.registries.manifest(id);
      const key = qualityKey(id, manifest, config);
      const hit = cache.get(key);
      if (hit) return hit;
      const cancel = ctx.startWork();
      const progress = ctx.progress('quality', onProgress);
      const conn = await ctx.conn();
      await ctx.registries.ensureTables(conn, id, undefined, (f, m) => progress(0.3 * f, m), cancel);
      const report = await runQuality({ conn, manifest, registryId: id, config, cancel, progress: (f, m) => progress(0.3 + 0.7 * f, m) });
      cache.set(key, report);
      return report;
    },
    async validateQualityRule(id, rule) {
      const conn = await ready(id);
      try {
        await validateRule(conn, rule, ctx.registries.manifest(id));
        return null;
      } catch (e) {
        if (e instanceof RuleError) return e.text;
        throw e;
      }
    },
    async qualityRecord(id, table, recordId) {
      return qualityRecord(await ready(id), ctx.registries.manifest(id), table, recordId);
    },
    async qualityDistribution(id, table, column, recordId) {
      return valueDistribution(await ready(id), ctx.registries.manifest(id), table, column, recordId);
    },
    async exportQuality(id, key, format, lang) {
      const report = cache.get(key);
      if (!report) {
        throw new UserError('spec', 'no_quality_run', { en: 'There is no data-quality run to export. Run the checks first.', zh: '没有可导出的数据质量检查结果。请先运行检查。' });
      }
      const manifest = ctx.registries.manifest(id);
      return format === 'html' ? new TextEncoder().encode(qualityReportHtml(report, manifest, lang)) : qualityReportXlsx(report, manifest, lang);
    },
  };
}
