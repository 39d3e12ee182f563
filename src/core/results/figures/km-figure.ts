/**
 * Kaplan–Meier step curves with censoring ticks, a confidence band (one curve only) and a
 * number-at-risk table under the plot at R's pretty() breaks of the time axis. Used by
 * survival.km and chart.km.
 */
import { pretty } from '../../stats/pretty';
import type { KMCurve } from '../../stats/survival/kaplan-meier';
import { indexOf } from '../../stats/survival/tabulate';
import type { ResultFigure } from '../types';

/** At most this many step points (and censor marks) per curve in the figure. */
export const MAX_STEPS = 2000;

export interface KmFigureOptions {
  /** Name of the strata variable; null for one curve. */
  groupName: string | null;
  timeName: string;
  /** Curve names (levels of the strata), one per fit. */
  names: string[];
  fits: KMCurve[];
  confLevel: number;
  /** Draw the confidence band of a single curve (default true). */
  band?: boolean;
}

/** Keeps at most `max` rows of a curve: the last row in each of `max` equal time bins (the step shape stays a step). */
export function thinSteps(time: Float64Array, max: number): number[] {
  const n = time.length;
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  const t0 = time[0];
  const span = time[n - 1] - t0 || 1;
  const keep: number[] = [0];
  let lastBin = -1;
  for (let i = 1; i < n; i++) {
    const bin = Math.min(max - 2, Math.floor(((time[i] - t0) / span) * (max - 2)));
    const nextBin = i + 1 < n ? Math.min(max - 2, Math.floor(((time[i + 1] - t0) / span) * (max - 2))) : -2;
    if (bin !== nextBin && bin !== lastBin) {
      keep.push(i);
      lastBin = bin;
    }
  }
  if (keep[keep.length - 1] !== n - 1) keep.push(n - 1);
  return keep;
}

/** Numbers at risk at each time of `ticks` (the first row at or after t; 0 after the last time). */
export function atRiskAt(f: KMCurve, ticks: number[]): number[] {
  return ticks.map((t) => {
    if (!f.time.length || t > f.time[f.time.length - 1]) return 0;
    const j = t <= f.time[0] ? 0 : indexOfFirstAtOrAfter(f.time, t);
    return f.nRisk[j];
  });
}

/** R's pretty() breaks of [0, largest time], within that range: the times of the at-risk table. */
export function atRiskTimes(fits: KMCurve[]): number[] {
  let tMax = 0;
  for (const f of fits) if (f.time.length) tMax = Math.max(tMax, f.time[f.time.length - 1]);
  return pretty([0, tMax]).filter((t) => t >= 0 && t <= tMax);
}

export function kmFigure(o: KmFigureOptions): ResultFigure {
  const { names, fits, confLevel } = o;
  const grouped = o.groupName !== null;
  const p = { groups: grouped, groupName: o.groupName, timeName: o.timeName };
  const steps: Record<string, number | string>[] = [];
  const censors: Record<string, number | string>[] = [];
  const label = (g: number) => (p.groups ? names[g] : 'All');
  let tMax = 0;
  fits.forEach((f, g) => {
    const s = label(g);
    steps.push({ strata: s, time: 0, surv: 1 });
    const keep = thinSteps(f.time, MAX_STEPS);
    for (const r of keep) {
      const row: Record<string, number | string> = { strata: s, time: f.time[r], surv: f.surv[r], n_risk: f.nRisk[r] };
      if (Number.isFinite(f.lower[r])) row.lower = f.lower[r];
      if (Number.isFinite(f.upper[r])) row.upper = f.upper[r];
      steps.push(row);
    }
    const cens: number[] = [];
    for (let r = 0; r < f.time.length; r++) if (f.nCensor[r] > 0) cens.push(r);
    const stride = Math.max(1, Math.ceil(cens.length / MAX_STEPS));
    for (let k = 0; k < cens.length; k += stride) censors.push({ strata: s, time: f.time[cens[k]], surv: f.surv[cens[k]] });
    if (f.time.length) tMax = Math.max(tMax, f.time[f.time.length - 1]);
  });
  const ticks = atRiskTimes(fits);
  const atRisk: Record<string, number | string>[] = [];
  fits.forEach((f, g) => {
    const nr = atRiskAt(f, ticks);
    ticks.forEach((t, k) => atRisk.push({ strata: label(g), time: t, n_risk: nr[k] }));
  });
  const order = fits.map((_, g) => label(g));
  const color = { field: 'strata', type: 'nominal', title: p.groupName ?? null, sort: order, legend: p.groups ? {} : null };
  const x = { field: 'time', type: 'quantitative', title: p.timeName, scale: { domain: [0, tMax || 1] } };
  const pct = `${Math.round(confLevel * 1000) / 10}%`;
  return {
    id: 'km',
    title: 'Kaplan–Meier survival curves',
    title_zh: 'Kaplan–Meier 生存曲线',
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      resolve: { legend: { color: 'independent' } },
      vconcat: [
        {
          width: 480,
          height: 280,
          layer: [
            ...(p.groups || o.band === false
              ? []
              : [
                  {
                    data: { values: steps },
                    mark: { type: 'area', interpolate: 'step-after', opacity: 0.15 },
                    encoding: { x, y: { field: 'lower', type: 'quantitative' }, y2: { field: 'upper' }, color },
                  },
                ]),
            {
              data: { values: steps },
              mark: { type: 'line', interpolate: 'step-after' },
              encoding: {
                x,
                y: { field: 'surv', type: 'quantitative', title: 'Survival probability', scale: { domain: [0, 1] } },
                color,
                tooltip: [{ field: 'strata' }, { field: 'time', type: 'quantitative' }, { field: 'surv', type: 'quantitative', format: '.3f' }, { field: 'n_risk', type: 'quantitative' }],
              },
            },
            {
              data: { values: censors },
              mark: { type: 'tick', orient: 'vertical', size: 8, thickness: 1 },
              encoding: { x, y: { field: 'surv', type: 'quantitative' }, color },
            },
          ],
          description: p.groups ? '' : `Shaded: ${pct} confidence band`,
        },
        {
          width: 480,
          title: { text: 'Number at risk', fontSize: 11, anchor: 'start' },
          data: { values: atRisk },
          mark: { type: 'text', fontSize: 10 },
          encoding: {
            x: { ...x, axis: null },
            y: { field: 'strata', type: 'nominal', sort: order, title: null },
            text: { field: 'n_risk', type: 'quantitative' },
            color: { ...color, legend: null },
          },
        },
      ],
    },
  };
}

function indexOfFirstAtOrAfter(a: Float64Array, t: number): number {
  const j = indexOf(a, t);
  return a[j] >= t ? j : j + 1;
}
