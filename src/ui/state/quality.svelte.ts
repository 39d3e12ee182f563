/**
 * The data-quality dashboard's state: the checks and rules on offer, the user's rules and on/off
 * switches (kept in IndexedDB per registry, so they survive a reload), the last report, the
 * selected check and record. Everything heavy runs in the engine worker (quality-api.ts).
 */
import { openDB, type IDBPDatabase } from 'idb';
import type { Distribution } from '../../core/quality/distribution';
import type { QualityRecord } from '../../core/quality/record';
import type { QualityConfig } from '../../core/quality/runner';
import { ruleCheckId } from '../../core/quality/rules';
import type { CheckSummary, QualityCheckManifest, QualityReport, QualityRuleDef } from '../../core/quality/types';
import type { I18nText } from '../../core/plugin/types';
import { downloadBlob } from '../lib/download';
import { engine } from './engine.svelte';
import { toUiError, type UiError } from './errors';
import { lang } from './lang.svelte';
import { registry, type Progress } from './registry.svelte';

const DB_NAME = 'clinstat-quality';
const STORE = 'config';

interface Saved {
  userRules: QualityRuleDef[];
  disabled: string[];
  thresholds: Record<string, number>;
}

let dbPromise: Promise<IDBPDatabase> | null = null;
function db(): Promise<IDBPDatabase> {
  dbPromise ??= openDB(DB_NAME, 1, {
    upgrade(d) {
      d.createObjectStore(STORE);
    },
  });
  return dbPromise;
}

/** A summary's identity on the dashboard. */
export function summaryKey(s: CheckSummary): string {
  return `${s.check}|${s.table}|${s.variable ?? s.column ?? ''}`;
}

class QualityStore {
  /** The registry id the config below belongs to. */
  loadedFor = $state<string | null>(null);
  checks = $state.raw<QualityCheckManifest[]>([]);
  manifestRules = $state.raw<QualityRuleDef[]>([]);
  userRules = $state.raw<QualityRuleDef[]>([]);
  disabled = $state.raw<string[]>([]);
  thresholds = $state.raw<Record<string, number>>({});

  report = $state.raw<QualityReport | null>(null);
  running = $state<Progress | null>(null);
  error = $state<UiError | null>(null);

  selected = $state<string | null>(null);
  record = $state.raw<QualityRecord | null>(null);
  recordLoading = $state(false);
  distribution = $state.raw<Distribution | null>(null);
  /** Variables of the current study, listed first on the dashboard. */
  study = $state('');

  get config(): QualityConfig {
    return { disabled: [...this.disabled], thresholds: { ...this.thresholds }, userRules: this.userRules.map((r) => ({ ...r })) };
  }

  get selectedSummary(): CheckSummary | null {
    return this.report?.summaries.find((s) => summaryKey(s) === this.selected) ?? null;
  }

  /** Loads the checks, the registry's rules and the saved config of the open registry (once per registry). */
  async ensureLoaded(): Promise<void> {
    const id = registry.openId;
    if (!id || this.loadedFor === id) return;
    try {
      const [checks, rules, saved] = await Promise.all([
        engine.call((api) => api.qualityChecks()),
        engine.call((api) => api.qualityManifestRules(id)),
        this.#read(id),
      ]);
      this.checks = checks;
      this.manifestRules = rules;
      this.userRules = saved?.userRules ?? [];
      this.disabled = saved?.disabled ?? [];
      this.thresholds = saved?.thresholds ?? {};
      this.report = null;
      this.selected = null;
      this.record = null;
      this.loadedFor = id;
    } catch (e) {
      this.error = toUiError(e);
    }
  }

  async #read(id: string): Promise<Saved | undefined> {
    try {
      return (await (await db()).get(STORE, id)) as Saved | undefined;
    } catch {
      // IndexedDB may be disabled by policy: the dashboard still works for this session.
      return undefined;
    }
  }

  async #save(): Promise<void> {
    const id = this.loadedFor;
    if (!id) return;
    try {
      await (await db()).put(STORE, $state.snapshot({ userRules: this.userRules, disabled: this.disabled, thresholds: this.thresholds }) as Saved, id);
    } catch {
      // Not persisted; the switches still hold for this session.
    }
  }

  async run(): Promise<void> {
    const id = registry.openId;
    if (!id || this.running) return;
    await this.ensureLoaded();
    this.error = null;
    this.running = { fraction: 0, message: '' };
    try {
      const onProgress = engine.progress((p) => {
        if (this.running) this.running = { fraction: p.fraction, message: p.message };
      });
      const report = await engine.call((api) => api.runQuality(id, this.config, onProgress));
      this.report = report;
      if (this.selected && !report.summaries.some((s) => summaryKey(s) === this.selected)) this.selected = null;
    } catch (e) {
      const err = toUiError(e);
      if (!err.cancelled) this.error = err;
    } finally {
      this.running = null;
    }
  }

  async cancel(): Promise<void> {
    await engine.cancel();
  }

  isEnabled(checkId: string): boolean {
    return !this.disabled.includes(checkId);
  }

  async setEnabled(checkId: string, on: boolean): Promise<void> {
    this.disabled = on ? this.disabled.filter((d) => d !== checkId) : [...new Set([...this.disabled, checkId])];
    await this.#save();
  }

  /** The threshold in force for a check or rule (the user's, else its default). */
  thresholdOf(checkId: string, fallback: number): number {
    return this.thresholds[checkId] ?? fallback;
  }

  async setThreshold(checkId: string, value: number, fallback: number): Promise<void> {
    const next = { ...this.thresholds };
    if (!Number.isFinite(value) || value === fallback) delete next[checkId];
    else next[checkId] = Math.max(0, Math.min(100, value));
    this.thresholds = next;
    await this.#save();
  }

  /** Validates a rule in the engine; adds and saves it when it is fine, else returns what is wrong. */
  async addRule(rule: QualityRuleDef): Promise<I18nText | null> {
    const id = registry.openId;
    if (!id) return null;
    const problem = await engine.call((api) => api.validateQualityRule(id, $state.snapshot(rule) as QualityRuleDef));
    if (problem) return problem;
    this.userRules = [...this.userRules, rule];
    await this.#save();
    return null;
  }

  async removeRule(ruleId: string): Promise<void> {
    this.userRules = this.userRules.filter((r) => r.id !== ruleId);
    this.disabled = this.disabled.filter((d) => d !== `rule:${ruleId}`);
    await this.#save();
  }

  ruleIdTaken(ruleId: string): boolean {
    return [...this.manifestRules, ...this.userRules].some((r) => r.id === ruleId);
  }

  #distributionQuery = 0;

  select(s: CheckSummary): void {
    this.selected = summaryKey(s);
    this.record = null;
    void this.#loadDistribution(s);
  }

  /** The distribution behind the selected check's first flagged numeric value (with its code). */
  async #loadDistribution(s: CheckSummary): Promise<void> {
    const q = ++this.#distributionQuery;
    this.distribution = null;
    const id = registry.openId;
    const first = this.report?.findings.find((f) => f.check === s.check && f.table === s.table && f.column === s.column && typeof f.value === 'number');
    if (!id || !first || !first.column) return;
    try {
      const d = await engine.call((api) => api.qualityDistribution(id, first.table, first.column!, first.record_id));
      if (q === this.#distributionQuery) this.distribution = d;
    } catch {
      // The histogram is a help, not the finding: without it the records still show.
    }
  }

  async openRecord(table: string, recordId: string): Promise<void> {
    const id = registry.openId;
    if (!id) return;
    this.recordLoading = true;
    try {
      this.record = await engine.call((api) => api.qualityRecord(id, table, recordId));
    } catch (e) {
      this.error = toUiError(e);
    } finally {
      this.recordLoading = false;
    }
  }

  async exportReport(format: 'html' | 'xlsx'): Promise<void> {
    const id = registry.openId;
    const report = this.report;
    if (!id || !report) return;
    try {
      const bytes = await engine.call((api) => api.exportQuality(id, report.key, format, lang.current));
      const type = format === 'html' ? 'text/html' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      downloadBlob(new Blob([bytes as BlobPart], { type }), `data-quality-${id}.${format}`);
    } catch (e) {
      this.error = toUiError(e);
    }
  }

  dismissError(): void {
    this.error = null;
  }
}

export { ruleCheckId };
export const quality = new QualityStore();
