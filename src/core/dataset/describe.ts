/**
 * Plain words for windows, aggregates and outcomes ("last value in the 30 days before index"),
 * shared by the builder's pickers and the codebook's definitions, in English and Chinese.
 */
import type { I18nText } from '../plugin/types';
import type { Aggregate, BinFeature, Feature, Window } from './types';

const AGG: Record<Aggregate, I18nText> = {
  last: { en: 'last value', zh: '最后一次值' },
  first: { en: 'first value', zh: '第一次值' },
  mean: { en: 'mean', zh: '均值' },
  min: { en: 'lowest value', zh: '最低值' },
  max: { en: 'highest value', zh: '最高值' },
  count: { en: 'number of records', zh: '记录次数' },
  ever: { en: 'ever recorded (yes/no)', zh: '是否曾有记录（是/否）' },
};

export function aggregateWords(a: Aggregate): I18nText {
  return AGG[a];
}

/** "in the 30 days before index (days -30 to 0)" and the like. */
export function windowWords(w: Window): I18nText {
  const range = { en: `days ${w.start} to ${w.end}`, zh: `第 ${w.start} 至 ${w.end} 天` };
  if (w.end === 0 && w.start < 0) return { en: `in the ${-w.start} days before index (${range.en})`, zh: `索引日前 ${-w.start} 天内（${range.zh}）` };
  if (w.start === 0 && w.end > 0) return { en: `in the ${w.end} days after index (${range.en})`, zh: `索引日后 ${w.end} 天内（${range.zh}）` };
  if (w.start === 0 && w.end === 0) return { en: 'on the index day', zh: '索引日当天' };
  return { en: `from day ${w.start} to day ${w.end} relative to index`, zh: `相对索引日${range.zh}` };
}

export function binWords(f: BinFeature): I18nText {
  if (f.method.kind === 'quantiles') return { en: `${f.input} in ${f.method.groups} groups of equal size (sample quantiles)`, zh: `${f.input} 按样本分位数分为 ${f.method.groups} 个等量组` };
  const closed = f.method.closed === 'right' ? { en: 'right-closed, (a, b]', zh: '右闭区间 (a, b]' } : { en: 'left-closed, [a, b)', zh: '左闭区间 [a, b)' };
  return { en: `${f.input} cut at ${f.method.breaks.join(', ')} (${closed.en})`, zh: `${f.input} 以 ${f.method.breaks.join('、')} 为界（${closed.zh}）` };
}

/** "last value in the 30 days before index" / "索引日前 30 天内的最后一次值". */
export function windowAggregateWords(a: Aggregate, w: Window): I18nText {
  const ww = windowWords(w);
  return { en: `${AGG[a].en} ${ww.en}`, zh: `${ww.zh}的${AGG[a].zh}` };
}

/** "values 1 to 3, in time order, in the 365 days after index". */
export function pivotWords(k: number, w: Window): I18nText {
  const ww = windowWords(w);
  return { en: `values 1 to ${k} in time order ${ww.en}`, zh: `${ww.zh}按时间顺序的第 1 至 ${k} 个值` };
}

/** One sentence defining a feature, for the codebook. `source` names its source in words. */
export function featureWords(f: Feature, source: I18nText): I18nText {
  switch (f.kind) {
    case 'window': {
      const a = AGG[f.aggregate];
      const w = windowWords(f.window);
      return { en: `${a.en} of ${source.en} ${w.en}`, zh: `${source.zh}${w.zh}的${a.zh}` };
    }
    case 'pivot': {
      const p = pivotWords(f.occurrences, f.window);
      return { en: `${source.en}: ${p.en}`, zh: `${source.zh}：${p.zh}` };
    }
    case 'outcome': {
      const start = f.start ?? 1;
      return f.type === 'binary'
        ? { en: `${source.en} from day ${start} to day ${f.horizon} after index (yes/no), counted up to the end of follow-up`, zh: `索引日后第 ${start} 至 ${f.horizon} 天内发生${source.zh}（是/否），截至随访结束` }
        : { en: `days from index to the first ${source.en} (from day ${start}), censored at death, loss to follow-up, end of data or day ${f.horizon}`, zh: `索引日至首次${source.zh}（自第 ${start} 天起）的天数，在死亡、失访、数据截止或第 ${f.horizon} 天删失` };
    }
    case 'derived':
      return { en: `computed: ${f.expression}`, zh: `计算：${f.expression}` };
    case 'bin':
      return binWords(f);
  }
}
