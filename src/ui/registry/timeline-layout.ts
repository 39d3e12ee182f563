/**
 * Layout for the hand-drawn patient timeline: lanes (one per table, interval events packed into
 * sub-rows so they do not overlap), time-axis ticks, series thinning, and note text split into
 * plain and highlighted segments by the cited spans.
 */
import type { PatientTimeline, ProvenanceSpan, TimelineEvent, TimelineSeries } from '../../core/registry/timeline';
import { timeOf } from './format';

export interface PlacedEvent {
  index: number;
  event: TimelineEvent;
  t0: number;
  t1: number | null;
  sub: number;
}

export interface Lane {
  table: string;
  events: PlacedEvent[];
  rows: number;
}

const MAX_SUBROWS = 5;

export function layoutLanes(events: TimelineEvent[], tableOrder: string[]): Lane[] {
  const byTable = new Map<string, PlacedEvent[]>();
  events.forEach((event, index) => {
    const t0 = timeOf(event.time);
    if (!Number.isFinite(t0)) return;
    const e1 = event.end ? timeOf(event.end) : NaN;
    const t1 = Number.isFinite(e1) && e1 > t0 ? e1 : null;
    const list = byTable.get(event.table) ?? [];
    list.push({ index, event, t0, t1, sub: 0 });
    byTable.set(event.table, list);
  });
  const order = (t: string) => {
    const i = tableOrder.indexOf(t);
    return i < 0 ? tableOrder.length : i;
  };
  return [...byTable.entries()]
    .sort((a, b) => order(a[0]) - order(b[0]))
    .map(([table, list]) => {
      list.sort((a, b) => a.t0 - b.t0);
      // Greedy packing: an interval goes to the first sub-row free at its start.
      const ends: number[] = [];
      const hasIntervals = list.some((e) => e.t1 !== null);
      if (hasIntervals) {
        for (const e of list) {
          const end = e.t1 ?? e.t0;
          let row = ends.findIndex((x) => x < e.t0);
          if (row < 0) row = ends.length < MAX_SUBROWS ? ends.length : ends.indexOf(Math.min(...ends));
          ends[row] = Math.max(ends[row] ?? -Infinity, end);
          e.sub = row;
        }
      }
      return { table, events: list, rows: Math.max(1, ends.length) };
    });
}

export interface Tick {
  t: number;
  label: string;
}

const STEPS = [1, 2, 3, 6, 12, 24, 60, 120];

/** Month-aligned ticks (UTC) between t0 and t1, at most `max` of them. */
export function timeTicks(t0: number, t1: number, max: number): Tick[] {
  const months = (t1 - t0) / (30.44 * 86400_000);
  const step = STEPS.find((s) => months / s <= Math.max(2, max)) ?? 240;
  const d = new Date(t0);
  let y = d.getUTCFullYear();
  let m = d.getUTCMonth();
  // Align to the step (years for steps of 12+ months).
  if (step >= 12) {
    const ys = step / 12;
    y = Math.ceil((y + (m > 0 || d.getUTCDate() > 1 ? 1 : 0)) / ys) * ys;
    m = 0;
  } else {
    m = Math.ceil((m + (d.getUTCDate() > 1 ? 1 : 0)) / step) * step;
  }
  const out: Tick[] = [];
  for (let i = 0; i < 400; i++) {
    const t = Date.UTC(y, m, 1);
    if (t > t1) break;
    if (t >= t0) {
      const dt = new Date(t);
      const yy = dt.getUTCFullYear();
      const mm = String(dt.getUTCMonth() + 1).padStart(2, '0');
      out.push({ t, label: step >= 12 || mm === '01' ? (step >= 12 ? String(yy) : `${yy}-${mm}`) : mm });
    }
    m += step;
  }
  return out;
}

/** At most `max` points: keeps each bucket's lowest and highest value, in time order. */
export function thin(points: { t: number; value: number }[], max = 300): { t: number; value: number }[] {
  if (points.length <= max) return points;
  const buckets = Math.floor(max / 2);
  const size = points.length / buckets;
  const out: { t: number; value: number }[] = [];
  for (let b = 0; b < buckets; b++) {
    const slice = points.slice(Math.floor(b * size), Math.floor((b + 1) * size));
    if (slice.length === 0) continue;
    let lo = slice[0];
    let hi = slice[0];
    for (const p of slice) {
      if (p.value < lo.value) lo = p;
      if (p.value > hi.value) hi = p;
    }
    if (lo === hi) out.push(lo);
    else out.push(...(lo.t <= hi.t ? [lo, hi] : [hi, lo]));
  }
  return out;
}

export interface SeriesView {
  series: TimelineSeries;
  points: { t: number; value: number }[];
  total: number;
}

export function seriesViews(tl: PatientTimeline): SeriesView[] {
  return tl.series.map((series) => {
    const pts = series.points
      .map((p) => ({ t: timeOf(p.time), value: p.value }))
      .filter((p) => Number.isFinite(p.t) && Number.isFinite(p.value))
      .sort((a, b) => a.t - b.t);
    return { series, points: thin(pts), total: pts.length };
  });
}

export interface Segment {
  text: string;
  spans: ProvenanceSpan[];
}

/**
 * The note text cut at every span boundary; each piece lists the spans covering it. Offsets
 * count characters (code points), as the registry's provenance says.
 */
export function segments(text: string, spans: ProvenanceSpan[]): Segment[] {
  const chars = Array.from(text);
  const n = chars.length;
  const valid = spans.filter((s) => Number.isFinite(s.span_start) && Number.isFinite(s.span_end) && s.span_end > s.span_start && s.span_start < n);
  if (valid.length === 0) return [{ text, spans: [] }];
  const cuts = new Set<number>([0, n]);
  for (const s of valid) {
    cuts.add(Math.max(0, s.span_start));
    cuts.add(Math.min(n, s.span_end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i];
    const b = points[i + 1];
    if (b <= a) continue;
    const covering = valid.filter((s) => s.span_start <= a && s.span_end >= b);
    const piece = chars.slice(a, b).join('');
    const last = out[out.length - 1];
    if (last && last.spans.length === 0 && covering.length === 0) last.text += piece;
    else out.push({ text: piece, spans: covering });
  }
  return out;
}
