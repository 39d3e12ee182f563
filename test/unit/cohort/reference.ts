// A plain reference implementation of cohort definitions: TypeScript loops over rows fetched from
// the registry (SELECT * of each table), no SQL logic. The compiler's output is cross-checked
// against it on the demo registry. Deliberately simple and slow; written from the definition's
// documented meaning (docs/COHORTS.md), not from compile.ts.
import type { Connector } from '$core/engine/connector';
import { ident } from '$core/engine/connector';
import { toJsonRows, type JsonCell } from '$core/engine/rows';
import type { RegistryManifest } from '$core/registry/types';
import type { CohortDefinition, CompareOp, Criterion, EventQuery, ExitReason, TimeWindow } from '$core/cohort/types';

type Row = Record<string, JsonCell>;
const DAY = 86_400_000;

export function dayNumber(v: JsonCell): number | null {
  if (v === null || v === undefined) return null;
  return Math.floor(Date.parse(String(v).slice(0, 10) + 'T00:00:00Z') / DAY);
}

export function isoDay(d: number): string {
  return new Date(d * DAY).toISOString().slice(0, 10);
}

function cmp(x: number, op: CompareOp, a: number, b?: number): boolean {
  switch (op) {
    case '>': return x > a;
    case '>=': return x >= a;
    case '<': return x < a;
    case '<=': return x <= a;
    case '=': return x === a;
    case '!=': return x !== a;
    case 'between': return x >= a && x <= (b as number);
  }
}

function inWindow(d: number, w: TimeWindow | undefined): boolean {
  return !w || ((w.start === null || d >= w.start) && (w.end === null || d <= w.end));
}

function wholeYears(birth: string, at: string): number {
  const [y1, m1, d1] = birth.slice(0, 10).split('-').map(Number);
  const [y2, m2, d2] = at.slice(0, 10).split('-').map(Number);
  return y2 - y1 - (m2 < m1 || (m2 === m1 && d2 < d1) ? 1 : 0);
}

export interface ReferenceCohortRow {
  patient_id: JsonCell;
  index_date: string;
  exit_date: string;
  exit_reason: ExitReason;
}

export class ReferenceCohort {
  #tables = new Map<string, Row[]>();
  #vars = new Map<string, Map<JsonCell, Row[]>>();
  #events = new Map<string, Map<JsonCell, number[]>>();
  constructor(private conn: Connector, private m: RegistryManifest) {}

  async rows(table: string): Promise<Row[]> {
    let r = this.#tables.get(table);
    if (!r) {
      r = toJsonRows(await this.conn.query(`SELECT * FROM ${ident(table)}`));
      this.#tables.set(table, r);
    }
    return r;
  }

  /** Rows of an event query with their day numbers, by patient. */
  async events(q: EventQuery): Promise<Map<JsonCell, number[]>> {
    const key = JSON.stringify([q.table, q.dateColumn, q.codeColumn, q.codes, q.codeMatch, q.value, q.filters]);
    let hit = this.#events.get(key);
    if (!hit) {
      hit = await this.#scan(q);
      this.#events.set(key, hit);
    }
    return hit;
  }

  async #scan(q: EventQuery): Promise<Map<JsonCell, number[]>> {
    const t = this.m.tables.find((x) => x.name === q.table)!;
    const dateCol = q.dateColumn ?? t.time_columns[0];
    const refs = new Map<string, Map<JsonCell, Row>>();
    for (const f of q.filters ?? []) {
      if (!f.via) continue;
      const fk = t.foreign_keys.find((k) => k.column === f.via)!;
      const byKey = new Map<JsonCell, Row>();
      for (const r of await this.rows(fk.references.table)) byKey.set(r[fk.references.column], r);
      refs.set(f.via, byKey);
    }
    const out = new Map<JsonCell, number[]>();
    const codes = (q.codes ?? []).map((c) => c.trim()).filter(Boolean);
    for (const r of await this.rows(q.table)) {
      const d = dayNumber(r[dateCol]);
      if (d === null) continue;
      if (q.codeColumn) {
        const code = r[q.codeColumn] === null ? null : String(r[q.codeColumn]);
        if (code === null || !codes.some((c) => (q.codeMatch === 'exact' ? code === c : code.startsWith(c)))) continue;
      }
      if (q.value) {
        const v = r[q.value.column];
        if (typeof v !== 'number' || !cmp(v, q.value.op, q.value.value, q.value.value2)) continue;
      }
      let ok = true;
      for (const f of q.filters ?? []) {
        const src = f.via ? refs.get(f.via)!.get(r[f.via]) : r;
        const v = src ? src[f.column] : null;
        if (v === null || v === undefined || !f.values.includes(String(v))) ok = false;
      }
      if (!ok) continue;
      const pid = r[t.patient_key];
      if (!out.has(pid)) out.set(pid, []);
      out.get(pid)!.push(d);
    }
    return out;
  }

  /** A catalogue variable's rows, by patient. */
  async variable(id: string): Promise<Map<JsonCell, Row[]>> {
    let r = this.#vars.get(id);
    if (!r) {
      const find = (nodes: RegistryManifest['catalogue']): string | undefined => {
        for (const n of nodes) {
          if (n.id === id && n.variable) return n.variable.sql;
          const s = find(n.children ?? []);
          if (s) return s;
        }
      };
      // The variable's own definition is SQL by nature; the reference only reads its rows.
      r = new Map();
      for (const row of toJsonRows(await this.conn.query(find(this.m.catalogue)!))) {
        if (!r.has(row.patient_id)) r.set(row.patient_id, []);
        r.get(row.patient_id)!.push(row);
      }
      this.#vars.set(id, r);
    }
    return r;
  }

  async run(def: CohortDefinition): Promise<{ steps: number[]; cohort: ReferenceCohortRow[] }> {
    const p = def.person;
    const personT = this.m.tables.find((t) => t.name === p.table)!;
    const persons = new Map<JsonCell, Row>();
    for (const r of await this.rows(p.table)) persons.set(r[personT.patient_key], r);
    const obsT = this.m.tables.find((t) => t.name === p.observation.table)!;
    const obsEnd = new Map<JsonCell, number>();
    for (const r of await this.rows(obsT.name)) {
      const d = dayNumber(r[p.observation.dateColumn]);
      if (d === null) continue;
      const k = r[obsT.patient_key];
      obsEnd.set(k, Math.max(obsEnd.get(k) ?? -Infinity, d));
    }

    // Candidates: (patient, index day).
    let cands: { pid: JsonCell; index: number }[] = [];
    for (const [pid, days] of await this.events(def.entry.event)) {
      const picks = def.entry.occurrence === 'first' ? [Math.min(...days)] : [...new Set(days)];
      for (const d of picks) cands.push({ pid, index: d });
    }
    const from = def.entry.dateFrom ? dayNumber(def.entry.dateFrom)! : -Infinity;
    const to = def.entry.dateTo ? dayNumber(def.entry.dateTo)! : Infinity;
    cands = cands.filter((c) => c.index >= from && c.index <= to);
    const patients = (cs: typeof cands) => new Set(cs.map((c) => c.pid)).size;
    const steps = [patients(cands)];

    const holds = async (c: Criterion, cand: { pid: JsonCell; index: number }): Promise<boolean> => {
      let r: boolean;
      const person = persons.get(cand.pid);
      switch (c.kind) {
        case 'event': {
          const days = (await this.events(c)).get(cand.pid) ?? [];
          const n = days.filter((d) => inWindow(d - cand.index, c.window)).length;
          const count = c.count ?? { op: '>=', n: 1 };
          r = count.op === '>=' ? n >= count.n : count.op === '<=' ? n <= count.n : n === count.n;
          break;
        }
        case 'variable': {
          r = ((await this.variable(c.variable)).get(cand.pid) ?? []).some((v) => {
            if (c.window) {
              const d = dayNumber(v.time);
              if (d === null || !inWindow(d - cand.index, c.window)) return false;
            }
            if (c.compare) {
              const x = Number(v.value);
              return v.value !== null && Number.isFinite(x) && cmp(x, c.compare.op, c.compare.value, c.compare.value2);
            }
            return v.value !== null && (c.values ?? []).includes(String(v.value));
          });
          break;
        }
        case 'age': {
          const b = person?.[p.birthDate];
          if (b === null || b === undefined) r = false;
          else {
            const age = wholeYears(String(b), isoDay(cand.index));
            r = (c.min === undefined || age >= c.min) && (c.max === undefined || age <= c.max);
          }
          break;
        }
        case 'sex':
          r = person?.[p.sex] !== null && person?.[p.sex] !== undefined && c.values.includes(String(person[p.sex]));
          break;
        case 'follow_up': {
          const until = cand.index + c.days;
          const end = obsEnd.get(cand.pid);
          const death = p.deathDate ? dayNumber(person?.[p.deathDate] ?? null) : null;
          r = (end !== undefined && end >= until) || (death !== null && death >= cand.index && death <= until);
          break;
        }
        case 'group': {
          const res: boolean[] = [];
          for (const it of c.items) res.push(await holds(it, cand));
          r = c.match === 'all' ? res.every(Boolean) : res.some(Boolean);
          break;
        }
      }
      return c.negate ? !r : r;
    };

    for (const rule of def.rules) {
      const kept: typeof cands = [];
      for (const cand of cands) {
        const h = await holds(rule.criterion, cand);
        if (rule.mode === 'include' ? h : !h) kept.push(cand);
      }
      cands = kept;
      steps.push(patients(cands));
    }

    // One row per patient (earliest index), then exit.
    const first = new Map<JsonCell, number>();
    for (const c of cands) first.set(c.pid, Math.min(first.get(c.pid) ?? Infinity, c.index));
    const censor = def.exit.censoring ? await this.events(def.exit.censoring) : null;
    const cohort: ReferenceCohortRow[] = [];
    for (const [pid, index] of first) {
      const person = persons.get(pid);
      const ends: [ExitReason, number | null][] = [];
      if (def.exit.death) {
        const d = p.deathDate ? dayNumber(person?.[p.deathDate] ?? null) : null;
        ends.push(['death', d !== null && d >= index ? d : null]);
      }
      if (censor) {
        const after = (censor.get(pid) ?? []).filter((d) => d > index);
        ends.push(['censoring_event', after.length ? Math.min(...after) : null]);
      }
      if (def.exit.windowDays !== undefined) ends.push(['window_end', index + def.exit.windowDays]);
      ends.push(['end_of_data', obsEnd.get(pid) ?? index]);
      const present = ends.filter((e): e is [ExitReason, number] => e[1] !== null);
      const exit = Math.max(index, Math.min(...present.map((e) => e[1])));
      const reason = present.find((e) => e[1] <= exit)![0];
      cohort.push({ patient_id: pid, index_date: isoDay(index), exit_date: isoDay(exit), exit_reason: reason });
    }
    cohort.sort((a, b) => Number(a.patient_id) - Number(b.patient_id));
    return { steps, cohort };
  }
}
