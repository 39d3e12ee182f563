/**
 * The shared coding of a survival event column (R's Surv(time, event)): 0/1, FALSE/TRUE,
 * 1/2 (2 = event, R's convention) or a two-level category with `event_value` naming the event.
 */
import type { ColumnData, InputIssue } from '../../plugin/types';

export interface EventCoding {
  /** 1 = event, 0 = censored, per row (rows with a missing event are 255). */
  event: Uint8Array;
  /** The label of the value counted as the event, e.g. "2", "TRUE", "dead". */
  eventLabel: string;
  /** The label of the censoring value, or null when every row is an event. */
  censorLabel: string | null;
  nEvents: number;
}

function distinctLabels(col: ColumnData): { labels: string[]; codeOf: (i: number) => number; n: number } {
  if (col.kind === 'categorical') {
    const used = new Uint8Array(col.levels.length);
    for (let i = 0; i < col.codes.length; i++) if (col.codes[i] >= 0) used[col.codes[i]] = 1;
    const labels: string[] = [];
    const remap = new Int32Array(col.levels.length).fill(-1);
    col.levels.forEach((l, j) => {
      if (used[j]) {
        remap[j] = labels.length;
        labels.push(l);
      }
    });
    return { labels, codeOf: (i) => (col.codes[i] >= 0 ? remap[col.codes[i]] : -1), n: col.codes.length };
  }
  const v = col.values;
  const uniq: number[] = [];
  for (let i = 0; i < v.length && uniq.length <= 3; i++) if (!Number.isNaN(v[i]) && !uniq.includes(v[i])) uniq.push(v[i]);
  uniq.sort((a, b) => a - b); // at most 4 values
  const label = (x: number) => (col.type === 'boolean' && (x === 0 || x === 1) ? (x === 1 ? 'TRUE' : 'FALSE') : String(x));
  return { labels: uniq.map(label), codeOf: (i) => (Number.isNaN(v[i]) ? -1 : uniq.indexOf(v[i])), n: v.length };
}

/**
 * Codes the event column. Returns an InputIssue (en + zh) when the column cannot be read as an
 * event indicator.
 */
export function codeEvent(col: ColumnData, eventValue = ''): EventCoding | InputIssue {
  const { labels, codeOf, n } = distinctLabels(col);
  const shown = labels.slice(0, 5).map((l) => `“${l}”`).join(', ') + (labels.length > 5 ? ', …' : '');
  if (labels.length === 0) {
    return { code: 'event_empty', message: { en: `The event variable “${col.name}” has no values.`, zh: `事件变量“${col.name}”没有取值。` } };
  }
  if (labels.length > 2) {
    return {
      code: 'event_not_binary',
      message: {
        en: `event must have two values; “${col.name}” has ${labels.length}${labels.length > 3 ? ' or more' : ''} (${shown}). Code it as 0/1 (1 = event), 1/2 (2 = event), FALSE/TRUE, or filter to two values.`,
        zh: `事件变量必须只有两个取值；“${col.name}”有 ${labels.length}${labels.length > 3 ? ' 个以上' : ' 个'}取值（${shown}）。请编码为 0/1（1 = 事件）、1/2（2 = 事件）或 FALSE/TRUE，或用筛选条件保留两个取值。`,
      },
    };
  }
  let eventIdx = -1;
  if (eventValue !== '') {
    eventIdx = labels.indexOf(eventValue);
    if (eventIdx < 0) {
      return {
        code: 'event_value_not_found',
        message: {
          en: `event_value “${eventValue}” is not a value of “${col.name}” (values: ${shown}).`,
          zh: `event_value“${eventValue}”不是“${col.name}”的取值（现有取值：${shown}）。`,
        },
      };
    }
  } else {
    const nums = labels.map(Number);
    const allNum = labels.every((l) => l.trim() !== '' && !Number.isNaN(Number(l)));
    if (allNum && nums.every((x) => x === 0 || x === 1)) eventIdx = nums.indexOf(1);
    else if (allNum && nums.every((x) => x === 1 || x === 2)) eventIdx = nums.indexOf(2);
    else if (labels.every((l) => l === 'TRUE' || l === 'FALSE')) eventIdx = labels.indexOf('TRUE');
    else {
      return {
        code: 'event_coding',
        message: {
          en: `Cannot tell which value of “${col.name}” (${shown}) is the event. Use 0/1 (1 = event), 1/2 (2 = event) or FALSE/TRUE, or set event_value to the value that marks the event.`,
          zh: `无法判断“${col.name}”的哪个取值（${shown}）表示事件。请使用 0/1（1 = 事件）、1/2（2 = 事件）或 FALSE/TRUE，或用 event_value 指定表示事件的取值。`,
        },
      };
    }
  }
  const event = new Uint8Array(n);
  let nEvents = 0;
  for (let i = 0; i < n; i++) {
    const c = codeOf(i);
    if (c < 0) event[i] = 255;
    else if (c === eventIdx) {
      event[i] = 1;
      nEvents++;
    }
  }
  const censorLabel = labels.find((_, j) => j !== eventIdx) ?? null;
  // a 0/1 column with only 0s: the event label is still 1 (R: all censored)
  let eventLabel = eventIdx >= 0 ? labels[eventIdx] : '';
  if (eventIdx < 0) {
    const x = Number(labels[0]);
    eventLabel = labels[0] === 'FALSE' ? 'TRUE' : x === 0 ? '1' : '2';
  }
  return { event, eventLabel, censorLabel, nEvents };
}

export function isIssue(x: unknown): x is InputIssue {
  return typeof x === 'object' && x !== null && 'code' in x && 'message' in x;
}
