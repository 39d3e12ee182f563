/**
 * The registries a session has opened: their manifests (by id), where they were read from, and
 * the cached catalogue summaries. Reading bytes is injected (fetch in the browser worker).
 */
import type { Connector } from '../engine/connector';
import { ident, literal } from '../engine/connector';
import { toJsonRows, type JsonCell } from '../engine/rows';
import { CancelToken, UserError } from '../errors';
import type { ProgressFn } from '../data/types';
import { loadRegistryTables, parseIndex, readManifest } from './load';
import { summarizeCatalogue, type VariableSummary } from './summary';
import { patientTimeline, type PatientTimeline } from './timeline';
import type { RegistryIndex, RegistryManifest } from './types';
import { catalogueVariables } from './validate';

export type FetchBytes = (url: string) => Promise<Uint8Array>;

export class RegistrySession {
  #open = new Map<string, { manifest: RegistryManifest; read: (path: string) => Promise<Uint8Array> }>();
  #summaries = new Map<string, VariableSummary[]>();
  #loads = new Map<string, Promise<void>>();
  constructor(private readonly fetchBytes: FetchBytes) {}

  async list(root: string): Promise<RegistryIndex['registries']> {
    return parseIndex(await this.fetchBytes(new URL('index.json', root).href)).registries;
  }

  /**
   * Reads and validates the registry's manifest: enough to show the catalogue tree at once.
   * Tables load lazily, with progress, when something needs them (ensureTables).
   */
  async open(root: string, id: string): Promise<RegistryManifest> {
    const entry = (await this.list(root)).find((r) => r.id === id);
    if (!entry) throw new UserError('spec', 'unknown_registry', { en: `No registry "${id}" is on offer here.`, zh: `此处没有名为"${id}"的登记库。` });
    const folder = new URL(entry.path, root).href;
    const read = (path: string) => this.fetchBytes(new URL(path, folder).href);
    const manifest = this.#open.get(id)?.manifest ?? (await readManifest(read));
    this.#open.set(id, { manifest, read });
    return manifest;
  }

  /**
   * Loads the named tables (default: all) that are not loaded yet, reporting progress per table.
   * Concurrent callers (the catalogue summary and the patient list, say) share one load per table.
   */
  async ensureTables(conn: Connector, id: string, names?: string[], progress: ProgressFn = () => {}, cancel: CancelToken = new CancelToken()): Promise<void> {
    const open = this.#get(id);
    const tables = open.manifest.tables.filter((t) => !names || names.includes(t.name));
    for (const [i, table] of tables.entries()) {
      cancel.throwIfCancelled();
      progress(i / tables.length, `Loading ${table.name} (${i + 1}/${tables.length})`);
      const key = `${id}/${table.name}`;
      let loading = this.#loads.get(key);
      if (!loading) {
        loading = loadRegistryTables(conn, open.manifest, open.read, () => {}, cancel, [table.name]).then(() => undefined);
        this.#loads.set(key, loading);
        // A failed or cancelled load may be tried again.
        loading.catch(() => this.#loads.delete(key));
      }
      await loading;
    }
    progress(1, 'Registry loaded');
  }

  #get(id: string) {
    const open = this.#open.get(id);
    if (!open) throw new UserError('spec', 'registry_not_open', { en: `The registry "${id}" is not open.`, zh: `登记库"${id}"尚未打开。` });
    return open;
  }

  manifest(id: string): RegistryManifest {
    return this.#get(id).manifest;
  }

  /** Catalogue summaries; loads every table first (progress: the first half loads, the second summarises). */
  async summary(conn: Connector, id: string, progress: ProgressFn = () => {}, cancel: CancelToken = new CancelToken()): Promise<VariableSummary[]> {
    const cached = this.#summaries.get(id);
    if (cached) return cached;
    await this.ensureTables(conn, id, undefined, (f, m) => progress(0.5 * f, m), cancel);
    const s = await summarizeCatalogue(conn, this.manifest(id), (done, total) => {
      cancel.throwIfCancelled();
      progress(0.5 + (0.5 * done) / total, `Summarising variables ${done}/${total}`);
    });
    this.#summaries.set(id, s);
    return s;
  }

  async patients(conn: Connector, id: string, search: string, limit: number): Promise<Record<string, JsonCell>[]> {
    const m = this.manifest(id);
    const table = m.tables.find((t) => t.name === 'patient');
    if (!table) return [];
    await this.ensureTables(conn, id, [table.name]);
    const key = ident(table.patient_key);
    const where = search.trim() ? ` WHERE CAST(${key} AS VARCHAR) LIKE ${literal(search.trim() + '%')}` : '';
    const n = Math.max(1, Math.min(1000, Math.floor(limit)));
    return toJsonRows(await conn.query(`SELECT * FROM ${ident(table.name)}${where} ORDER BY ${key} LIMIT ${n}`));
  }

  /**
   * The first `limit` records of a catalogue variable (patient_id, value and, for values derived
   * from notes, the note and span), so a physician can go from a variable to the patients behind it.
   */
  async records(conn: Connector, id: string, variableId: string, limit: number): Promise<Record<string, JsonCell>[]> {
    const m = this.manifest(id);
    const node = [...catalogueVariables(m.catalogue)].find((n) => n.id === variableId);
    if (!node?.variable) {
      throw new UserError('data', 'unknown_variable', {
        en: `The catalogue has no variable "${variableId}".`,
        zh: `变量目录中没有变量"${variableId}"。`,
      });
    }
    await this.ensureTables(conn, id);
    const n = Math.max(1, Math.min(1000, Math.floor(limit)));
    return toJsonRows(await conn.query(`SELECT * FROM (${node.variable.sql}) AS v WHERE value IS NOT NULL ORDER BY patient_id LIMIT ${n}`));
  }

  async timeline(conn: Connector, id: string, patientId: string | number): Promise<PatientTimeline> {
    const m = this.manifest(id);
    await this.ensureTables(conn, id, m.tables.filter((t) => t.patient_key).map((t) => t.name));
    return patientTimeline(conn, m, patientId);
  }
}
