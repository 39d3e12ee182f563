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

export type FetchBytes = (url: string) => Promise<Uint8Array>;

export class RegistrySession {
  #open = new Map<string, RegistryManifest>();
  #summaries = new Map<string, VariableSummary[]>();
  constructor(private readonly fetchBytes: FetchBytes) {}

  async list(root: string): Promise<RegistryIndex['registries']> {
    return parseIndex(await this.fetchBytes(new URL('index.json', root).href)).registries;
  }

  async open(conn: Connector, root: string, id: string, progress: ProgressFn, cancel: CancelToken): Promise<RegistryManifest> {
    const entry = (await this.list(root)).find((r) => r.id === id);
    if (!entry) throw new UserError('spec', 'unknown_registry', { en: `No registry "${id}" is on offer here.`, zh: `此处没有名为"${id}"的登记库。` });
    const folder = new URL(entry.path, root).href;
    const read = (path: string) => this.fetchBytes(new URL(path, folder).href);
    const manifest = this.#open.get(id) ?? (await readManifest(read));
    await loadRegistryTables(conn, manifest, read, progress, cancel);
    this.#open.set(id, manifest);
    return manifest;
  }

  manifest(id: string): RegistryManifest {
    const m = this.#open.get(id);
    if (!m) throw new UserError('spec', 'registry_not_open', { en: `The registry "${id}" is not open.`, zh: `登记库"${id}"尚未打开。` });
    return m;
  }

  async summary(conn: Connector, id: string, onEach?: (done: number, total: number) => void): Promise<VariableSummary[]> {
    const cached = this.#summaries.get(id);
    if (cached) return cached;
    const s = await summarizeCatalogue(conn, this.manifest(id), onEach);
    this.#summaries.set(id, s);
    return s;
  }

  async patients(conn: Connector, id: string, search: string, limit: number): Promise<Record<string, JsonCell>[]> {
    const m = this.manifest(id);
    const table = m.tables.find((t) => t.name === 'patient');
    if (!table) return [];
    const key = ident(table.patient_key);
    const where = search.trim() ? ` WHERE CAST(${key} AS VARCHAR) LIKE ${literal(search.trim() + '%')}` : '';
    const n = Math.max(1, Math.min(1000, Math.floor(limit)));
    return toJsonRows(await conn.query(`SELECT * FROM ${ident(table.name)}${where} ORDER BY ${key} LIMIT ${n}`));
  }

  async timeline(conn: Connector, id: string, patientId: string | number): Promise<PatientTimeline> {
    return patientTimeline(conn, this.manifest(id), patientId);
  }
}
