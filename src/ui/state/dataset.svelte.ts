/**
 * The analysis-dataset builder's state: the definition being edited (cohort + features), the
 * build (progress, cancel, result, preview), exports (downloads) and the saved definitions
 * (IndexedDB, so closing the tab loses nothing).
 */
import { downloadBlob } from '../lib/download';
import { openDB, type IDBPDatabase } from 'idb';
import type { DatasetBuildResult } from '../../core/dataset/build';
import type { CodeEntry, CodedTable } from '../../core/dataset/codes';
import type { Aggregate, CohortRef, DatasetDefinition, Feature, Source, Window } from '../../core/dataset/types';
import { unitNormalisation } from '../../core/dataset/units';
import { DATASET_FORMAT } from '../../core/dataset/types';
import type { ExportFile, ExportFormat, PrivacyOptions } from '../../core/export/types';
import type { CatalogueNode } from '../../core/registry/types';
import type { Row } from '../../worker/api';
import { data } from './data.svelte';
import { engine } from './engine.svelte';
import { toUiError, type UiError } from './errors';
import { registry, type Progress } from './registry.svelte';

export const PREVIEW_ROWS = 20;

/** The cohort builder's store, when that feature is in the build (found by glob, not imported). */
interface SavedCohort {
  name: string;
  registryId: string;
  definition: unknown;
}
const cohortStore = Object.values(import.meta.glob<{ cohorts?: { saved: SavedCohort[]; load?: () => Promise<void> } }>('./cohort.svelte.ts', { eager: true }))[0];

/** Window presets offered in plain words; "custom" shows the day fields. */
export type WindowPresetId = 'before30' | 'before90' | 'before365' | 'index' | 'after30' | 'ever';
export const WINDOW_PRESETS: { id: WindowPresetId; window: Window }[] = [
  { id: 'before30', window: { start: -30, end: 0 } },
  { id: 'before90', window: { start: -90, end: 0 } },
  { id: 'before365', window: { start: -365, end: 0 } },
  { id: 'index', window: { start: 0, end: 0 } },
  { id: 'after30', window: { start: 0, end: 30 } },
  { id: 'ever', window: { start: -36500, end: 0 } },
];
export const AGGREGATES: Aggregate[] = ['last', 'first', 'mean', 'min', 'max', 'count', 'ever'];

const DB_NAME = 'clinstat-datasets';
const STORE = 'definitions';

// Last parts of catalogue ids that say which measurement, not what: kept with the part before.
const GENERIC = new Set(['all', 'admission', 'arrival', 'discharge', 'status', 'events', 'type', 'value', 'date', 'start']);

/** A column name from a catalogue id: "laboratory.hba1c.all" -> "hba1c_all", "demographics.age" -> "age"; unique among `taken`. */
export function featureNameFor(id: string, taken: Set<string>): string {
  const parts = id.split('.');
  const last = parts.at(-1) ?? 'v';
  const raw = GENERIC.has(last) && parts.length > 1 ? parts.slice(-2).join('_') : last;
  const base = (raw.replace(/[^A-Za-z0-9_]/g, '_').replace(/^[^A-Za-z]+/, '') || 'v').slice(0, 50);
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base}_${i}`;
  return name;
}

class DatasetStore {
  name = $state('analysis');
  cohortChoice = $state('all-patients');
  features = $state<Feature[]>([]);
  building = $state<Progress | null>(null);
  result = $state.raw<DatasetBuildResult | null>(null);
  preview = $state.raw<Row[]>([]);
  error = $state<UiError | null>(null);
  exporting = $state<string | null>(null);
  privacy = $state<{ dropIdentifiers: boolean; shiftDates: boolean; seed: number; maxDays: number; suppress: boolean; k: number }>({
    dropIdentifiers: false,
    shiftDates: false,
    seed: 20240101,
    maxDays: 180,
    suppress: true,
    k: 5,
  });
  saved = $state.raw<DatasetDefinition[]>([]);
  /** Long table made from the pivot columns, if any. */
  longTable = $state<string | null>(null);

  #db: Promise<IDBPDatabase> | null = null;

  get savedCohorts(): SavedCohort[] {
    return (cohortStore?.cohorts?.saved ?? []).filter((c) => c.registryId === registry.openId);
  }

  get cohort(): CohortRef {
    if (this.cohortChoice === 'all-patients') return { kind: 'all-patients' };
    const c = this.savedCohorts.find((s) => `saved:${s.name}` === this.cohortChoice);
    return c ? { kind: 'saved', name: c.name, definition: c.definition } : { kind: 'all-patients' };
  }

  get definition(): DatasetDefinition {
    return { format: DATASET_FORMAT, name: this.name.trim(), registryId: registry.openId ?? '', cohort: this.cohort, features: $state.snapshot(this.features) as Feature[] };
  }

  #taken(): Set<string> {
    return new Set(['patient_id', 'index_date', 'exit_date', 'exit_reason', ...this.features.map((f) => f.name.toLowerCase())]);
  }

  /** Adds a catalogue variable: event variables as "last value in the 30 days before index", others as their value. */
  addVariable(node: CatalogueNode): void {
    if (!node.variable) return;
    const timed = node.variable.grain === 'event';
    const numeric = node.variable.type === 'numeric' || node.variable.type === 'integer';
    this.features.push({
      kind: 'window',
      name: featureNameFor(node.id, this.#taken()),
      label: node.label,
      source: { kind: 'variable', id: node.id },
      window: timed ? { start: -30, end: 0 } : { start: 0, end: 0 },
      aggregate: timed && !numeric ? 'ever' : 'last',
    });
  }

  /** Adds an event variable as an outcome: time to the first event within a year. */
  addOutcome(node: CatalogueNode): void {
    if (!node.variable || node.variable.grain !== 'event') return;
    const name = featureNameFor(node.id, this.#taken());
    this.features.push({ kind: 'outcome', name, label: node.label, source: { kind: 'variable', id: node.id }, horizon: 365, type: 'time-to-event' });
  }

  addPivot(node: CatalogueNode): void {
    if (!node.variable || node.variable.grain !== 'event') return;
    this.features.push({ kind: 'pivot', name: featureNameFor(node.id, this.#taken()), label: node.label, source: { kind: 'variable', id: node.id }, window: { start: 0, end: 365 }, occurrences: 3 });
  }

  /** Adds a measurement by code (e.g. LOINC 2160-0), normalised to `target` by the table's unit column. */
  addCoded(t: CodedTable, entry: CodeEntry, target: string | null): void {
    const units = entry.units.map((u) => u.unit);
    const source: Source = {
      kind: 'table',
      table: t.table,
      codeColumn: t.codeColumn,
      codes: [entry.code],
      valueColumn: t.valueColumn,
      timeColumn: t.timeColumn,
      unit: t.unitColumn && target ? unitNormalisation(entry.code, t.unitColumn, target, units) : undefined,
    };
    const unitSuffix = target && target !== units[0] ? `_${target.replace(/[^A-Za-z0-9]/g, '')}` : '';
    this.features.push({
      kind: 'window',
      name: featureNameFor(`${entry.name.toLowerCase().replace(/[^a-z0-9]+/g, '_')}${unitSuffix}`, this.#taken()),
      label: { en: `${entry.name} (${t.codeSystem} ${entry.code})`, zh: `${entry.name}（${t.codeSystem} ${entry.code}）` },
      source,
      window: { start: -30, end: 0 },
      aggregate: 'last',
    });
  }

  addDerived(name: string, expression: string): void {
    this.features.push({ kind: 'derived', name: name.trim(), expression: expression.trim() });
  }

  addBin(input: string, method: Extract<Feature, { kind: 'bin' }>['method']): void {
    const taken = this.#taken();
    let name = `${input}_grp`.slice(0, 60);
    for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${input}_grp${i}`;
    this.features.push({ kind: 'bin', name, input, method });
  }

  remove(i: number): void {
    this.features.splice(i, 1);
  }

  move(i: number, by: number): void {
    const j = i + by;
    if (j < 0 || j >= this.features.length) return;
    const [f] = this.features.splice(i, 1);
    this.features.splice(j, 0, f);
  }

  async build(): Promise<void> {
    if (this.building || !registry.openId) return;
    this.error = null;
    this.building = { fraction: 0, message: '' };
    this.longTable = null;
    try {
      const onProgress = engine.progress((p) => {
        if (this.building) this.building = { fraction: p.fraction, message: p.message };
      });
      const def = this.definition;
      const result = await engine.call((api) => api.datasetBuild(def, onProgress));
      this.result = result;
      this.preview = await engine.call((api) => api.preview(result.table, PREVIEW_ROWS));
      await this.#showInDataPanel(result.table);
      void this.save();
    } catch (e) {
      const err = toUiError(e);
      if (!err.cancelled) this.error = err;
    } finally {
      this.building = null;
    }
  }

  async cancel(): Promise<void> {
    await engine.cancel();
  }

  /** The new table appears in the workbench's Data panel like an imported one. */
  async #showInDataPanel(table: string): Promise<void> {
    const info = await engine.call((api) => api.describeTable(table));
    const i = data.tables.findIndex((t) => t.name === table);
    data.tables = i < 0 ? [...data.tables, info] : data.tables.map((t, j) => (j === i ? info : t));
  }

  async toLong(columns: string[]): Promise<void> {
    const r = this.result;
    if (!r) return;
    try {
      const out = `${r.table}_long`;
      await engine.call((api) => api.datasetWideToLong(r.table, { columns, out }));
      this.longTable = out;
      await this.#showInDataPanel(out);
    } catch (e) {
      this.error = toUiError(e);
    }
  }

  #privacyOptions(): PrivacyOptions {
    const p = this.privacy;
    return {
      dropIdentifiers: p.dropIdentifiers,
      dateShift: p.shiftDates ? { seed: Math.floor(p.seed), maxDays: Math.max(1, Math.floor(p.maxDays)), idColumn: 'patient_id' } : undefined,
      suppressBelow: p.suppress ? Math.max(2, Math.floor(p.k)) : undefined,
    };
  }

  async download(format: ExportFormat | 'frequencies'): Promise<void> {
    const r = this.result;
    if (!r || this.exporting) return;
    this.exporting = format;
    this.error = null;
    try {
      const o = this.#privacyOptions();
      const file: ExportFile = await engine.call((api) => (format === 'frequencies' ? api.datasetFrequencies(r.table, o) : api.datasetExport(r.table, format, o)));
      downloadBlob(new Blob([file.bytes as BlobPart], { type: file.mime }), file.filename);
    } catch (e) {
      this.error = toUiError(e);
    } finally {
      this.exporting = null;
    }
  }

  /** The definition as JSON: what `clinstat run` reads as {"dataset": "<name>.dataset.json"}. */
  downloadDefinition(): void {
    const def = this.definition;
    downloadBlob(new Blob([JSON.stringify(def, null, 2) + '\n'], { type: 'application/json' }), `${def.name || 'dataset'}.dataset.json`);
  }

  // --- saved definitions (IndexedDB) ---

  #openDb(): Promise<IDBPDatabase> {
    this.#db ??= openDB(DB_NAME, 1, {
      upgrade(db) {
        db.createObjectStore(STORE, { keyPath: 'key' });
      },
    });
    return this.#db;
  }

  async loadSaved(): Promise<void> {
    // The cohort builder loads its saved cohorts when its view opens; the picker here needs them too.
    await cohortStore?.cohorts?.load?.().catch(() => {});
    try {
      const all = (await (await this.#openDb()).getAll(STORE)) as { key: string; definition: DatasetDefinition }[];
      this.saved = all.filter((x) => !x.key.startsWith('draft/')).map((x) => x.definition).filter((d) => d.registryId === registry.openId);
    } catch {
      // IndexedDB may be disabled by policy; the builder still works, without saved definitions.
      this.saved = [];
    }
  }

  async save(): Promise<void> {
    const def = this.definition;
    try {
      await (await this.#openDb()).put(STORE, { key: `${def.registryId}/${def.name}`, definition: def });
      await this.loadSaved();
    } catch {
      // See loadSaved.
    }
  }

  /** The definition being edited, kept under one key per registry so closing the tab loses nothing. */
  async saveDraft(): Promise<void> {
    if (!registry.openId) return;
    try {
      await (await this.#openDb()).put(STORE, { key: `draft/${registry.openId}`, definition: this.definition });
    } catch {
      // See loadSaved.
    }
  }

  /** Restores the draft of the open registry when nothing is being edited. */
  async restoreDraft(): Promise<void> {
    if (!registry.openId || this.features.length) return;
    try {
      const row = (await (await this.#openDb()).get(STORE, `draft/${registry.openId}`)) as { definition: DatasetDefinition } | undefined;
      if (row && !this.features.length) this.load(row.definition);
    } catch {
      // See loadSaved.
    }
  }

  async deleteSaved(def: DatasetDefinition): Promise<void> {
    try {
      await (await this.#openDb()).delete(STORE, `${def.registryId}/${def.name}`);
      await this.loadSaved();
    } catch {
      // See loadSaved.
    }
  }

  load(def: DatasetDefinition): void {
    this.name = def.name;
    this.cohortChoice = def.cohort.kind === 'saved' ? `saved:${def.cohort.name}` : 'all-patients';
    this.features = structuredClone(def.features);
    this.result = null;
    this.preview = [];
  }

  dismissError(): void {
    this.error = null;
  }
}

export const dataset = new DatasetStore();
