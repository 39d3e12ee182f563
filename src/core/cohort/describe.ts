/**
 * Plain-language labels of entry events and rules (English and Chinese), for the attrition
 * diagram, the SQL comments and the API's step labels. A rule's own name wins when given.
 */
import type { RegistryManifest } from '../registry/types';
import { catalogueVariables, findTable } from './lookup';
import { tableName } from './presets';
import type { CohortRule, Criterion, EntryEvent, EventQuery, TimeWindow } from './types';

type Text = { en: string; zh: string };

function eventText(q: EventQuery, m?: RegistryManifest): Text {
  const t = m ? findTable(m, q.table) : undefined;
  const name = t ? tableName(t) : { en: q.table, zh: q.table };
  const codes = q.codes?.length ? ` ${q.codes.join('/')}${q.codeMatch === 'exact' ? '' : '*'}` : '';
  const value = q.value ? ` ${q.value.op === 'between' ? `${q.value.value}–${q.value.value2}` : `${q.value.op} ${q.value.value}`}` : '';
  const filters = (q.filters ?? []).map((f) => `, ${f.values.join('/')}`).join('');
  const rest = `${codes}${value}${filters}`;
  return { en: `${name.en}${rest}`, zh: `${name.zh}${rest}` };
}

export function windowText(w: TimeWindow | undefined): Text {
  if (!w) return { en: 'any time', zh: '任何时间' };
  const d = (n: number): Text => (n === 0 ? { en: 'index', zh: '索引日' } : n < 0 ? { en: `${-n}d before`, zh: `前${-n}天` } : { en: `${n}d after`, zh: `后${n}天` });
  if (w.start === null && w.end === null) return { en: 'any time', zh: '任何时间' };
  if (w.start === null && w.end === 0) return { en: 'any time before (incl. index day)', zh: '索引日及以前' };
  if (w.start !== null && w.start < 0 && w.end === 0) return { en: `within ${-w.start} days before`, zh: `索引日前 ${-w.start} 天内` };
  if (w.start !== null && w.start >= 0 && w.end !== null && w.end >= w.start) return { en: `${w.start}–${w.end} days after`, zh: `索引日后 ${w.start}–${w.end} 天` };
  if (w.start === null) return { en: `any time up to ${d(w.end!).en}`, zh: `${d(w.end!).zh}及以前任何时间` };
  if (w.end === null) return { en: `from ${d(w.start).en} on`, zh: `${d(w.start).zh}及以后` };
  return { en: `${d(w.start).en} to ${d(w.end).en}`, zh: `${d(w.start).zh}至${d(w.end).zh}` };
}

export function describeCriterion(c: Criterion, m?: RegistryManifest): Text {
  let t: Text;
  switch (c.kind) {
    case 'event': {
      const e = eventText(c, m);
      const n = c.count && !(c.count.op === '>=' && c.count.n === 1) ? { en: ` (${c.count.op} ${c.count.n}×)`, zh: `（${c.count.op} ${c.count.n} 次）` } : { en: '', zh: '' };
      const w = windowText(c.window);
      t = { en: `${e.en}${n.en}, ${w.en}`, zh: `${e.zh}${n.zh}，${w.zh}` };
      break;
    }
    case 'variable': {
      const node = m ? catalogueVariables(m).get(c.variable)?.node : undefined;
      const name = node ? node.label : { en: c.variable, zh: c.variable };
      const v = c.compare ? `${c.compare.op === 'between' ? `${c.compare.value}–${c.compare.value2}` : `${c.compare.op} ${c.compare.value}`}` : `= ${(c.values ?? []).join('/')}`;
      t = { en: `${name.en} ${v}`, zh: `${name.zh} ${v}` };
      break;
    }
    case 'age':
      t = c.min !== undefined && c.max !== undefined
        ? { en: `Age ${c.min}–${c.max} at index`, zh: `索引时年龄 ${c.min}–${c.max} 岁` }
        : c.min !== undefined
          ? { en: `Age ≥ ${c.min} at index`, zh: `索引时年龄 ≥ ${c.min} 岁` }
          : { en: `Age ≤ ${c.max} at index`, zh: `索引时年龄 ≤ ${c.max} 岁` };
      break;
    case 'sex':
      t = { en: `Sex ${c.values.join('/')}`, zh: `性别 ${c.values.join('/')}` };
      break;
    case 'follow_up':
      t = { en: `Followed for ${c.days} days (or died)`, zh: `随访 ${c.days} 天（或死亡）` };
      break;
    case 'group': {
      const parts = c.items.map((i) => describeCriterion(i, m));
      t = {
        en: parts.map((p) => p.en).join(c.match === 'all' ? ' AND ' : ' OR '),
        zh: parts.map((p) => p.zh).join(c.match === 'all' ? ' 且 ' : ' 或 '),
      };
      if (parts.length > 1) t = { en: `(${t.en})`, zh: `（${t.zh}）` };
      break;
    }
  }
  return c.negate ? { en: `NOT ${t.en}`, zh: `非 ${t.zh}` } : t;
}

export function describeRule(r: CohortRule, m?: RegistryManifest): Text {
  if (r.name?.trim()) return { en: r.name.trim(), zh: r.name.trim() };
  const c = describeCriterion(r.criterion, m);
  return r.mode === 'exclude' ? { en: `Exclude: ${c.en}`, zh: `排除：${c.zh}` } : c;
}

export function describeEntry(e: EntryEvent, m?: RegistryManifest): Text {
  const ev = eventText(e.event, m);
  const occ = e.occurrence === 'first' ? { en: 'first', zh: '首次' } : { en: 'any', zh: '任一次' };
  const from = e.dateFrom || e.dateTo ? { en: `, ${e.dateFrom ?? '…'} to ${e.dateTo ?? '…'}`, zh: `，${e.dateFrom ?? '…'} 至 ${e.dateTo ?? '…'}` } : { en: '', zh: '' };
  return { en: `Entry: ${occ.en} ${ev.en}${from.en}`, zh: `入组：${occ.zh} ${ev.zh}${from.zh}` };
}
