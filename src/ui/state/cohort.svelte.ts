/**
 * The cohort builder's state: saved cohorts (persisted in IndexedDB via idb, falling back to
 * memory when the browser forbids storage), the definition being edited (`current`), its live
 * attrition counts (debounced, cancellable, stale answers dropped), the compiled SQL, and a
 * comparison of two saved cohorts.
 *
 * Validation runs here too (pure core, microseconds) so that a message appears at the rule as
 * soon as it is typed; the engine adds the issues that need data (unknown codes, empty results).
 */
import { openDB, type IDBPDatabase } from 'idb';
import type { CohortComparison } from '../../core/cohort/compare';
import { domainPresets, emptyDefinition, type DomainPreset } from '../../core/cohort/presets';
import type { CohortCount, CohortDefinition, CohortIssue, CohortRule } from '../../core/cohort/types';
import { validateCohort } from '../../core/cohort/validate';
import { engine } from './engine.svelte';
import { toUiError, type UiError } from './errors';
import { registry } from './registry.svelte';

export interface SavedCohort {
  name: string;
  registryId: string;
  definition: CohortDefinition;
}

const DB_NAME = 'clinstat-cohorts';
const STORE = 'cohorts';
const KEY = 'saved';
const DEBOUNCE_MS = 400;

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

class CohortStore {
  saved = $state<SavedCohort[]>([]);
  /** The definition being edited (deeply reactive: editors bind to it). */
  current = $state<CohortDefinition | null>(null);
  /** The registry `current` was made for. */
  currentRegistry = $state<string | null>(null);
  /** Whether storage is only in memory (IndexedDB unavailable). */
  memoryOnly = $state(false);

  count = $state.raw<CohortCount | null>(null);
  counting = $state(false);
  cancelled = $state(false);
  error = $state<UiError | null>(null);
  notice = $state<string | null>(null);

  sql = $state<string | null>(null);
  showSql = $state(false);
  showJson = $state(false);

  compareA = $state<number | null>(null);
  compareB = $state<number | null>(null);
  comparison = $state.raw<CohortComparison | null>(null);
  comparing = $state(false);

  /** Distinct values of table.column (visit types, sexes), loaded on demand. */
  values = $state<Record<string, string[]>>({});

  #db: Promise<IDBPDatabase | null> | null = null;
  #loaded = false;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #query = 0;

  get presets(): DomainPreset[] {
    return registry.manifest ? domainPresets(registry.manifest) : [];
  }

  /** Problems found without data (at once, as the user types). */
  readonly staticIssues: CohortIssue[] = $derived.by(() => (this.current && registry.manifest ? validateCohort(this.current, registry.manifest) : []));
  /** Issues of the current definition: static ones now, plus those the last count found. */
  readonly issues: CohortIssue[] = $derived(this.staticIssues.length ? this.staticIssues : (this.count?.issues ?? []));
  /** An edit is waiting for its recount (the shown counts are of the previous definition). */
  pending = $state(false);
  /** Whether the shown counts no longer describe the definition on screen. */
  readonly stale: boolean = $derived(this.pending || this.counting || this.staticIssues.length > 0);

  /** Issues at `path` or below it ("rules[1]" gets "rules[1].criterion.window"). */
  issuesAt(path: string, exact = false): CohortIssue[] {
    return this.issues.filter((i) => (exact ? i.path === path : i.path === path || i.path.startsWith(path + '.') || i.path.startsWith(path + '[')));
  }

  #openDb(): Promise<IDBPDatabase | null> {
    this.#db ??= (async () => {
      try {
        if (typeof indexedDB === 'undefined') throw new Error('no IndexedDB');
        return await openDB(DB_NAME, 1, {
          upgrade(db) {
            db.createObjectStore(STORE);
          },
        });
      } catch {
        // Locked-down browsers may forbid IndexedDB: keep saved cohorts in memory for this tab.
        this.memoryOnly = true;
        return null;
      }
    })();
    return this.#db;
  }

  async load(): Promise<void> {
    if (this.#loaded) return;
    this.#loaded = true;
    const db = await this.#openDb();
    if (!db) return;
    try {
      const list = (await db.get(STORE, KEY)) as SavedCohort[] | undefined;
      if (Array.isArray(list)) this.saved = list;
    } catch (e) {
      this.error = toUiError(e);
    }
  }

  async #persist(): Promise<void> {
    const db = await this.#openDb();
    if (!db) return;
    try {
      await db.put(STORE, clone($state.snapshot(this.saved)), KEY);
    } catch (e) {
      this.error = toUiError(e);
    }
  }

  /** Starts a definition for the open registry if there is none (or it was for another registry). */
  ensureCurrent(): void {
    const id = registry.openId;
    const m = registry.manifest;
    if (!id || !m) return;
    if (this.current && this.currentRegistry === id) return;
    this.current = emptyDefinition(m);
    this.currentRegistry = id;
    this.count = null;
    this.sql = null;
  }

  newCohort(): void {
    this.current = null;
    this.ensureCurrent();
  }

  async save(): Promise<void> {
    if (!this.current || !this.currentRegistry) return;
    const name = this.current.name.trim() || 'Cohort';
    const entry: SavedCohort = { name, registryId: this.currentRegistry, definition: clone($state.snapshot(this.current)) as CohortDefinition };
    const at = this.saved.findIndex((s) => s.name === name && s.registryId === entry.registryId);
    if (at >= 0) this.saved[at] = entry;
    else this.saved.push(entry);
    this.notice = name;
    await this.#persist();
  }

  open(index: number): void {
    const s = this.saved[index];
    if (!s) return;
    this.current = clone(s.definition);
    this.currentRegistry = s.registryId;
    this.count = null;
  }

  async remove(index: number): Promise<void> {
    this.saved.splice(index, 1);
    await this.#persist();
  }

  addRule(rule: CohortRule): void {
    this.current?.rules.push(rule);
  }

  /** Replaces the current definition with imported JSON; returns an error message or null. */
  importJson(text: string): string | null {
    try {
      const def = JSON.parse(text) as CohortDefinition;
      if (!def || typeof def !== 'object' || Array.isArray(def)) return 'expected a JSON object';
      if (!def.entry || !Array.isArray(def.rules)) return 'it needs "entry" and "rules"';
      this.current = def;
      this.currentRegistry = registry.openId;
      return null;
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
  }

  /** Called on every edit: counts again after a pause in typing. */
  schedule(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.pending = true;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.pending = false;
      void this.recount();
    }, DEBOUNCE_MS);
  }

  async recount(): Promise<void> {
    const id = this.currentRegistry;
    const def = this.current ? (clone($state.snapshot(this.current)) as CohortDefinition) : null;
    if (!id || !def || !registry.manifest) return;
    const q = ++this.#query;
    this.cancelled = false;
    this.error = null;
    if (validateCohort(def, registry.manifest).length) {
      // Nothing to count until the messages at the rules are fixed.
      this.count = null;
      this.counting = false;
      this.sql = null;
      return;
    }
    // A count already running is replaced (the worker starts new work), its answer ignored.
    this.counting = true;
    try {
      const result = await engine.call((api) => api.cohortCount(id, def));
      if (q !== this.#query) return;
      this.count = result;
      if (this.showSql) await this.loadSql();
    } catch (e) {
      if (q !== this.#query) return;
      const err = toUiError(e);
      if (err.cancelled) this.cancelled = true;
      else this.error = err;
    } finally {
      if (q === this.#query) this.counting = false;
    }
  }

  async cancel(): Promise<void> {
    if (!this.counting) return;
    await engine.cancel();
  }

  async loadSql(): Promise<void> {
    const id = this.currentRegistry;
    if (!id || !this.current) return;
    const def = clone($state.snapshot(this.current)) as CohortDefinition;
    try {
      const r = await engine.call((api) => api.cohortSql(id, def));
      this.sql = r.issues.length ? null : r.sql;
    } catch (e) {
      this.error = toUiError(e);
    }
  }

  async toggleSql(): Promise<void> {
    this.showSql = !this.showSql;
    if (this.showSql) await this.loadSql();
  }

  async valuesOf(table: string, column: string): Promise<string[]> {
    const key = `${table}.${column}`;
    const id = registry.openId;
    if (this.values[key] || !id) return this.values[key] ?? [];
    try {
      const list = await engine.call((api) => api.cohortValues(id, table, column, 50));
      this.values[key] = list;
      return list;
    } catch (e) {
      this.error = toUiError(e);
      return [];
    }
  }

  async compare(): Promise<void> {
    const a = this.compareA !== null ? this.saved[this.compareA] : undefined;
    const b = this.compareB !== null ? this.saved[this.compareB] : undefined;
    const id = registry.openId;
    if (!a || !b || !id) return;
    this.comparing = true;
    this.comparison = null;
    this.error = null;
    try {
      const defA = clone($state.snapshot(a.definition)) as CohortDefinition;
      const defB = clone($state.snapshot(b.definition)) as CohortDefinition;
      this.comparison = await engine.call((api) => api.cohortCompare(id, defA, defB));
    } catch (e) {
      const err = toUiError(e);
      if (!err.cancelled) this.error = err;
    } finally {
      this.comparing = false;
    }
  }
}

export const cohorts = new CohortStore();
