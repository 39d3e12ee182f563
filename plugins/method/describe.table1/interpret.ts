import type { Interpreter, RunInput } from '$core/plugin/types';
import type { CellValue, Result } from '$core/results/types';
import { fmt, fmtP } from '$core/stats/format';
import { testNameZh } from './run';

const num = (v: CellValue | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export const interpret: Interpreter = (result: Result, input: RunInput) => {
  const en: string[] = [];
  const zh: string[] = [];
  const t = result.tables.table1;
  if (!t) return { en, zh };
  const g = input.roles.group;
  const groupName = (Array.isArray(g) ? g[0] : g)?.name ?? null;
  const groupCols = t.columns.filter((c) => c.key.startsWith('group_'));
  const levels = groupCols.map((c) => c.label);
  const heads = t.rows.filter((r) => r.variable !== null && r.variable !== 'n');
  const nRow = t.rows.find((r) => r.variable === 'n');
  const N = nRow?.overall ?? '';

  if (!groupName || levels.length < 2) {
    en.push(`Baseline characteristics of ${heads.length} variable${heads.length === 1 ? '' : 's'} in ${N} participants; numeric variables as mean (SD) or median [Q1, Q3], categories as n (%).`);
    zh.push(`共 ${N} 名研究对象 ${heads.length} 个变量的基线特征；数值变量报告均值（标准差）或中位数 [Q1, Q3]，分类变量报告 n (%)。`);
    return { en, zh };
  }
  const sizes = levels.map((l, j) => `${l} (n = ${nRow?.[`group_${j}`] ?? ''})`);
  en.push(`Baseline characteristics of ${N} participants by ${groupName}: ${sizes.join(', ')}.`);
  zh.push(`${N} 名研究对象按 ${groupName} 分组的基线特征：${sizes.join('，')}。`);

  const between = levels.length === 2 ? `between ${levels[0]} and ${levels[1]}` : `across the ${groupName} groups`;
  const betweenZh = levels.length === 2 ? `在 ${levels[0]} 与 ${levels[1]} 之间` : `在 ${groupName} 各组之间`;
  const hasP = t.columns.some((c) => c.key === 'p_value');
  let sig = 0;
  if (hasP) {
    for (const r of heads) {
      const p = num(r.p_value);
      if (p === null || p >= 0.05) continue;
      sig++;
      const test = String(r.test ?? '');
      const testZh = testNameZh(test);
      if (r.level === 'n (%)') {
        en.push(`The distribution of ${r.variable} differed ${between} (${test}, p ${fmtP(p)}).`);
        zh.push(`${r.variable} 的分布${betweenZh}存在差异（${testZh}，P ${fmtP(p)}）。`);
      } else {
        const what = r.level === 'mean (SD)' ? 'mean (SD)' : 'median [IQR]';
        const whatZh = r.level === 'mean (SD)' ? '均值（标准差）' : '中位数 [四分位距]';
        const cells = groupCols.map((c) => String(r[c.key] ?? ''));
        const listEn = levels.length === 2 ? `${cells[0]} vs ${cells[1]}` : levels.map((l, j) => `${l}: ${cells[j]}`).join('; ');
        const listZh = levels.length === 2 ? `${cells[0]} 对 ${cells[1]}` : levels.map((l, j) => `${l}：${cells[j]}`).join('；');
        en.push(`${r.variable} differed ${between} (${what} ${listEn}; ${test}, p ${fmtP(p)}).`);
        zh.push(`${r.variable} ${betweenZh}存在差异（${whatZh} ${listZh}；${testZh}，P ${fmtP(p)}）。`);
      }
    }
    if (sig === 0) {
      en.push(`No variable differed ${between} at p < 0.05.`);
      zh.push(`没有变量${betweenZh}存在 P < 0.05 的差异。`);
    }
  }
  if (t.columns.some((c) => c.key === 'smd')) {
    const imb = heads.filter((r) => {
      const s = num(r.smd);
      return s !== null && Math.abs(s) > 0.1;
    });
    if (imb.length) {
      const list = imb.map((r) => `${r.variable} (${fmt(Math.abs(num(r.smd)!), 2)})`);
      en.push(`|SMD| > 0.1 (imbalance) for ${list.join(', ')}.`);
      zh.push(`|SMD| > 0.1（不均衡）的变量：${list.join('、')}。`);
    } else {
      en.push('All |SMD| ≤ 0.1: the groups look balanced on these variables.');
      zh.push('所有 |SMD| ≤ 0.1：各组在这些变量上基本均衡。');
    }
  }
  en.push(
    'In observational data, baseline differences describe the sample and are not tests of a hypothesis; in randomized trials p-values in Table 1 are discouraged (any difference arose by chance), and a standardized mean difference above 0.1 is the usual flag for imbalance.',
  );
  zh.push('在观察性数据中，基线差异仅用于描述样本，并非对某一假设的检验；在随机对照试验中不建议在表 1 中报告 P 值（任何差异都源于随机），通常以标准化均数差 > 0.1 提示组间不均衡。');
  return { en, zh };
};
