// Opening the shipped demo registry the way the worker does (index.json -> registry.json ->
// tables), then the catalogue summaries and one patient's timeline, on the real DuckDB.
import { readFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '$core/engine/connector';
import { createNodeConnector } from '$core/engine/duckdb-node';
import { CancelToken } from '$core/errors';
import { RegistrySession } from '$core/registry/session';

const root = pathToFileURL(fileURLToPath(new URL('../../../public/registries/', import.meta.url))).href;
const session = new RegistrySession(async (url) => new Uint8Array(await readFile(fileURLToPath(url))));
let conn: Connector;

beforeAll(async () => {
  conn = await createNodeConnector();
});
afterAll(async () => {
  await conn.close();
});

describe('registry session (stroke demo)', () => {
  it('lists, opens (manifest only) and then loads every table with progress', async () => {
    const list = await session.list(root);
    expect(list.map((r) => r.id)).toContain('stroke-demo');
    const m = await session.open(root, 'stroke-demo');
    expect(m.tables.length).toBe(15);
    const seen: number[] = [];
    await session.ensureTables(conn, 'stroke-demo', undefined, (f) => seen.push(f), new CancelToken());
    expect(seen.at(-1)).toBe(1);
    const n = (await conn.query('SELECT count(*)::INTEGER AS n FROM patient')).get(0)!.toJSON().n;
    expect(n).toBe(2000);
  });

  it('summarises every catalogue variable without errors', async () => {
    const s = await session.summary(conn, 'stroke-demo');
    expect(s.length).toBeGreaterThan(250);
    expect(s.filter((v) => v.error)).toEqual([]);
    const age = s.find((v) => v.id === 'demographics.age')!;
    expect(age.completeness).toBe(1);
    expect(age.distribution.kind).toBe('histogram');
    const sex = s.find((v) => v.id === 'demographics.sex')!;
    expect(sex.distribution).toMatchObject({ kind: 'categories', distinct: 2 });
  });

  it('builds a patient timeline with series, notes and cited spans', async () => {
    const [first] = await session.patients(conn, 'stroke-demo', '', 5);
    const t = await session.timeline(conn, 'stroke-demo', first.patient_id as number);
    expect(t.patient.patient_id).toBe(first.patient_id);
    expect(t.events.length).toBeGreaterThan(5);
    for (let i = 1; i < t.events.length; i++) expect(t.events[i].time >= t.events[i - 1].time).toBe(true);
    expect(t.series.some((s) => s.table === 'lab_result')).toBe(true);
    // Every cited span lies inside its note's text.
    for (const sp of t.spans) {
      const note = t.notes.find((x) => x.note_id === sp.note_id)!;
      expect(note, `note ${sp.note_id}`).toBeDefined();
      expect(sp.span_end).toBeLessThanOrEqual(note.text.length);
      expect(sp.span_start).toBeLessThan(sp.span_end);
    }
    await expect(session.timeline(conn, 'stroke-demo', 99999999)).rejects.toThrow(/no patient 99999999/);
  });

  it("lists a variable's first records, with the note span for values read from notes", async () => {
    const r = await session.records(conn, 'stroke-demo', 'lifestyle.smoking.status', 10);
    expect(r.length).toBe(10);
    const ids = r.map((x) => Number(x.patient_id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(r[0]).toHaveProperty('note_id');
    expect(r.every((x) => x.value !== null)).toBe(true);
    await expect(session.records(conn, 'stroke-demo', 'no.such', 5)).rejects.toThrow(/no variable "no.such"/);
  });
});
