import type { Interpreter, RunInput } from '$core/plugin/types';
import type { CellValue, Result } from '$core/results/types';
import { fmt, fmtP, fmtPct } from '$core/stats/format';

const num = (v: CellValue | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const nameOf = (input: RunInput, role: string, dflt: string) => {
  const c = input.roles[role];
  return (Array.isArray(c) ? c[0] : c)?.name ?? dflt;
};

export const interpret: Interpreter = (result: Result, input: RunInput) => {
  const en: string[] = [];
  const zh: string[] = [];
  const t = result.tables.tidy?.rows[0];
  if (!t) return { en, zh };
  const r = nameOf(input, 'row', 'the row variable');
  const c = nameOf(input, 'column', 'the column variable');
  const p = num(t.p_value);
  const conf = Number(input.options.conf_level ?? 0.95);
  if (p === null) {
    en.push(`The table of ${r} by ${c} is too large for Fisher’s exact test; no exact p-value was computed.`);
    zh.push(`${r} 与 ${c} 的交叉表过大，无法进行 Fisher 精确检验，未计算精确 P 值。`);
    en.push('Use the chi-square test of independence, or combine sparse categories.');
    zh.push('请使用独立性卡方检验，或合并稀疏类别。');
    return { en, zh };
  }
  if ('estimate' in t) {
    const est = t.estimate === null ? '∞' : fmt(num(t.estimate));
    const lo = fmt(num(t.conf_low));
    const hi = t.conf_high === null ? '∞' : fmt(num(t.conf_high));
    en.push(`Fisher’s exact test for ${r} and ${c}: conditional odds ratio ${est} (${fmtPct(conf)}% CI ${lo} to ${hi}), p ${fmtP(p)}.`);
    zh.push(`${r} 与 ${c} 的 Fisher 精确检验：条件比值比 ${est}（${fmtPct(conf)}% 置信区间 ${lo} 至 ${hi}），P ${fmtP(p)}。`);
  } else {
    en.push(`Fisher’s exact test for the association between ${r} and ${c}: p ${fmtP(p)}.`);
    zh.push(`${r} 与 ${c} 关联的 Fisher 精确检验：P ${fmtP(p)}。`);
  }
  if (p < 0.05) {
    en.push(`At the 5% level the data show an association between ${r} and ${c}.`);
    zh.push(`在 5% 检验水准下，数据显示 ${r} 与 ${c} 存在关联。`);
  } else {
    en.push(`At the 5% level there was no evidence of an association; with small counts the test has little power, so this does not show independence.`);
    zh.push('在 5% 检验水准下，没有证据表明存在关联；样本较小时检验效能低，这并不说明两者独立。');
  }
  en.push('The exact test conditions on the margins and needs no large-sample approximation; it shows association, not causation.');
  zh.push('精确检验以边际合计为条件，不依赖大样本近似；它只说明关联而非因果。');
  return { en, zh };
};
