/** Shared input preparation for the survival plugins (time, event, optional strata/group). */
import type { ColumnData, InputIssue, RunInput } from '../../plugin/types';
import { asFactor, dropUnusedLevels, type Factor } from '../factor';
import { codeEvent, isIssue, type EventCoding } from './event';
export { eventRole, eventValueOption, timeRole } from './roles';

export function single(c: ColumnData | ColumnData[] | undefined): ColumnData | undefined {
  return Array.isArray(c) ? c[0] : c;
}

export interface SurvInput {
  time: Float64Array;
  timeName: string;
  ev: EventCoding;
  eventName: string;
  /** Group / strata factor (null when not given). */
  groups: Factor | null;
  groupName: string | null;
}

/** Reads time, event and the optional grouping role (named `groupRole`). */
export function prepareSurv(input: RunInput, groupRole: string | null): SurvInput | InputIssue {
  const t = single(input.roles.time);
  const e = single(input.roles.event);
  if (!t || !e) {
    return { code: 'missing_role', message: { en: 'Choose a time and an event variable.', zh: '请选择时间变量和事件变量。' } };
  }
  if (t.kind !== 'numeric') {
    return { code: 'time_not_numeric', message: { en: `The time “${t.name}” must be numeric.`, zh: `时间变量“${t.name}”必须是数值型。` } };
  }
  const time = t.values;
  for (let i = 0; i < time.length; i++) {
    if (time[i] < 0) {
      return {
        code: 'negative_time',
        message: { en: `The time “${t.name}” has a negative value (${time[i]}); survival times must be ≥ 0.`, zh: `时间变量“${t.name}”含有负值（${time[i]}）；生存时间必须 ≥ 0。` },
      };
    }
  }
  const ev = codeEvent(e, String(input.options.event_value ?? ''));
  if (isIssue(ev)) return ev;
  const g = groupRole ? single(input.roles[groupRole]) : undefined;
  let groups: Factor | null = null;
  if (g) groups = dropUnusedLevels(asFactor(g), (i) => !Number.isNaN(time[i]) && ev.event[i] <= 1);
  return { time, timeName: t.name, ev, eventName: e.name, groups, groupName: g?.name ?? null };
}

/** R code for Surv(time, event) with the event coded as the plugin read it. */
export function rSurv(time: string, event: string, eventValue: string): string {
  return eventValue ? `Surv(${time}, ${event} == ${JSON.stringify(eventValue)})` : `Surv(${time}, ${event})`;
}
