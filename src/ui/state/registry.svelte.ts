/**
 * The registry views: which view the app shows (workbench or registries), the registries on
 * offer, the open registry's manifest and catalogue summaries, the selected variable, the
 * patient list and the open patient's timeline.
 *
 * Opening a registry loads its tables into DuckDB; the catalogue tree is shown as soon as the
 * manifest is back, and the summaries (completeness, sparklines) follow in the background.
 */
import type { CatalogueNode, RegistryIndex, RegistryManifest } from '../../core/registry/types';
import type { VariableSummary } from '../../core/registry/summary';
import type { PatientTimeline } from '../../core/registry/timeline';
import type { Row } from '../../worker/api';
import { data } from './data.svelte';
import { engine } from './engine.svelte';
import { toUiError, type UiError } from './errors';

export type AppView = 'workbench' | 'registry' | 'cohort' | 'dataset' | 'quality';
export type RegistryTab = 'catalogue' | 'patients';
export type RegistryEntry = RegistryIndex['registries'][number];

export const PATIENT_LIMIT = 200;
export const RECORD_LIMIT = 50;

export interface Progress {
  fraction: number;
  message: string;
}

/** The catalogue flattened for look-ups: node by id, parent by id, and which nodes refine which. */
export interface CatalogueIndex {
  nodes: Map<string, CatalogueNode>;
  parent: Map<string, string>;
  refinedBy: Map<string, string[]>;
  variables: number;
}

export function indexCatalogue(roots: CatalogueNode[]): CatalogueIndex {
  const nodes = new Map<string, CatalogueNode>();
  const parent = new Map<string, string>();
  const refinedBy = new Map<string, string[]>();
  let variables = 0;
  const walk = (n: CatalogueNode, up: string | null) => {
    nodes.set(n.id, n);
    if (up) parent.set(n.id, up);
    if (n.variable) {
      variables++;
      const r = n.variable.refines;
      if (r) refinedBy.set(r, [...(refinedBy.get(r) ?? []), n.id]);
    }
    for (const c of n.children ?? []) walk(c, n.id);
  };
  for (const r of roots) walk(r, null);
  return { nodes, parent, refinedBy, variables };
}

class RegistryStore {
  view = $state<AppView>('workbench');
  tab = $state<RegistryTab>('catalogue');

  entries = $state.raw<RegistryEntry[] | null>(null);
  listing = $state(false);
  /** Whether the list of registries is shown while one is open. */
  showList = $state(false);
  opening = $state<(Progress & { id: string }) | null>(null);
  /**
   * The id the open registry has in index.json. The engine knows registries by that id; the
   * manifest's own id may differ (a site can offer a copy of an extract under another folder).
   */
  openId = $state<string | null>(null);
  error = $state<UiError | null>(null);

  manifest = $state.raw<RegistryManifest | null>(null);
  catalogue = $state.raw<CatalogueIndex | null>(null);
  summaries = $state.raw<Map<string, VariableSummary> | null>(null);
  summarizing = $state<Progress | null>(null);
  /** Milliseconds from clicking Open to the catalogue being shown, and to the summaries. */
  timings = $state<{ open?: number; summary?: number }>({});

  selectedVariable = $state<string | null>(null);
  /** Bumped when a variable is chosen from outside the tree, so the tree reveals and scrolls to it. */
  reveal = $state(0);

  patients = $state.raw<Row[]>([]);
  patientSearch = $state('');
  patientsLoading = $state(false);
  selectedPatient = $state<string | null>(null);
  timeline = $state.raw<PatientTimeline | null>(null);
  timelineLoading = $state(false);
  timelineMs = $state<number | null>(null);

  #patientQuery = 0;
  #timelineQuery = 0;
  /** The first records of the selected variable (for the variable view's record list). */
  records = $state.raw<{ variableId: string; rows: Row[] } | null>(null);
  recordsLoading = $state(false);
  #recordsQuery = 0;

  get root(): string {
    return new URL('registries/', document.baseURI).href;
  }

  get entry(): RegistryEntry | null {
    const id = this.openId;
    return (id && this.entries?.find((e) => e.id === id)) || null;
  }

  /** All patients of the open registry (from the index, else from a summary). */
  get totalPatients(): number | null {
    const n = this.entry?.patients;
    if (typeof n === 'number') return n;
    for (const s of this.summaries?.values() ?? []) if (s.completeness > 0) return Math.round(s.patients / s.completeness);
    return null;
  }

  show(view: AppView): void {
    this.view = view;
    if (view === 'registry' && this.entries === null && !this.listing) void this.loadList();
    if (view === 'workbench' && this.#tablesStale) void this.#listTables();
  }

  async loadList(): Promise<void> {
    this.listing = true;
    this.error = null;
    try {
      this.entries = await engine.call((api) => api.listRegistries(this.root));
    } catch (e) {
      this.error = toUiError(e);
      this.entries = this.entries ?? [];
    } finally {
      this.listing = false;
    }
  }

  async open(id: string): Promise<void> {
    if (this.opening) return;
    if (this.openId === id) {
      this.showList = false;
      return;
    }
    const started = performance.now();
    this.error = null;
    this.opening = { id, fraction: 0, message: '' };
    try {
      const onProgress = engine.progress((p) => {
        if (this.opening) this.opening = { id, fraction: p.fraction, message: p.message };
      });
      const manifest = await engine.call((api) => api.openRegistry(this.root, id, onProgress));
      this.manifest = manifest;
      this.openId = id;
      this.catalogue = indexCatalogue(manifest.catalogue);
      this.summaries = null;
      this.selectedVariable = null;
      this.selectedPatient = null;
      this.timeline = null;
      this.patients = [];
      this.patientSearch = '';
      this.showList = false;
      this.tab = 'catalogue';
      this.timings = { open: Math.round(performance.now() - started) };
      void this.#afterOpen(id, started);
    } catch (e) {
      const err = toUiError(e);
      if (!err.cancelled) this.error = err;
    } finally {
      this.opening = null;
    }
  }

  async cancelOpen(): Promise<void> {
    await engine.cancel();
  }

  /** Summaries, the first page of patients, and the Data view's table list. */
  async #afterOpen(id: string, started: number): Promise<void> {
    void this.searchPatients('');
    this.summarizing = { fraction: 0, message: '' };
    try {
      const onProgress = engine.progress((p) => {
        if (this.summarizing) this.summarizing = { fraction: p.fraction, message: p.message };
      });
      const list = await engine.call((api) => api.catalogueSummary(id, onProgress));
      if (this.openId !== id) return;
      this.summaries = new Map(list.map((s) => [s.id, s]));
      this.timings = { ...this.timings, summary: Math.round(performance.now() - started) };
    } catch (e) {
      this.error = toUiError(e);
    } finally {
      this.summarizing = null;
    }
    // The registry's tables are now in DuckDB: the Data view lists them when it is next shown.
    // Not here: describing every column of a large registry takes seconds, and the engine would
    // make the physician's next request (a timeline, a cohort count) wait behind it.
    this.#tablesStale = true;
    if (this.view === 'workbench') void this.#listTables();
  }

  #tablesStale = false;

  async #listTables(): Promise<void> {
    this.#tablesStale = false;
    try {
      data.tables = await engine.call((api) => api.listTables());
    } catch (e) {
      data.error = toUiError(e);
    }
  }

  selectVariable(id: string | null, reveal = false): void {
    this.selectedVariable = id;
    if (reveal) this.reveal++;
  }

  async searchPatients(search: string): Promise<void> {
    const id = this.openId;
    if (!id) return;
    this.patientSearch = search;
    const q = ++this.#patientQuery;
    this.patientsLoading = true;
    try {
      const rows = await engine.call((api) => api.listPatients(id, search, PATIENT_LIMIT));
      if (q === this.#patientQuery) this.patients = rows;
    } catch (e) {
      if (q === this.#patientQuery) this.error = toUiError(e);
    } finally {
      if (q === this.#patientQuery) this.patientsLoading = false;
    }
  }

  async openPatient(patientId: string | number): Promise<void> {
    const id = this.openId;
    if (!id) return;
    const q = ++this.#timelineQuery;
    this.selectedPatient = String(patientId);
    this.timelineLoading = true;
    const started = performance.now();
    try {
      const tl = await engine.call((api) => api.patientTimeline(id, patientId));
      if (q !== this.#timelineQuery) return;
      this.timeline = tl;
      this.timelineMs = Math.round(performance.now() - started);
    } catch (e) {
      if (q === this.#timelineQuery) this.error = toUiError(e);
    } finally {
      if (q === this.#timelineQuery) this.timelineLoading = false;
    }
  }

  /** Loads the first records of a catalogue variable (patients behind its values). */
  async loadRecords(variableId: string): Promise<void> {
    const id = this.openId;
    if (!id) return;
    const q = ++this.#recordsQuery;
    this.recordsLoading = true;
    try {
      const rows = await engine.call((api) => api.variableRecords(id, variableId, RECORD_LIMIT));
      if (q === this.#recordsQuery) this.records = { variableId, rows };
    } catch (e) {
      if (q === this.#recordsQuery) this.error = toUiError(e);
    } finally {
      if (q === this.#recordsQuery) this.recordsLoading = false;
    }
  }

  /**
   * Opens a patient's timeline from any record list in the app (data preview, variable records,
   * cohorts, data-quality findings): switches to the registry view's Patients tab.
   */
  showPatient(patientId: string | number): void {
    this.show('registry');
    this.showList = false;
    this.tab = 'patients';
    void this.openPatient(patientId);
  }

  /** The open registry's patient key column for a table (null if the table is not one of its tables). */
  patientKeyOf(table: string): string | null {
    return this.manifest?.tables.find((t) => t.name === table)?.patient_key ?? null;
  }

  dismissError(): void {
    this.error = null;
  }
}

export const registry = new RegistryStore();
