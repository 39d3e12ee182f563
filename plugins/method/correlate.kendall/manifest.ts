import type { PluginManifest } from '$core/plugin/types';
import { rankOptions, XY_ROLES } from '../correlate.pearson/roles';

export const manifest: PluginManifest = {
  id: 'correlate.kendall',
  kind: 'method',
  version: '1.0.0',
  title: { en: 'Kendall rank correlation', zh: 'Kendall 秩相关分析' },
  summary: {
    en: 'Kendall’s rank correlation tau-b between two numeric variables with its test, as R’s cor.test(method = "kendall").',
    zh: '两个数值变量的 Kendall 秩相关系数 tau-b 及其检验，与 R 的 cor.test(method = "kendall") 一致。',
  },
  help: {
    en: 'tau-b counts concordant minus discordant pairs, adjusted for ties. Without ties and n < 50 the p-value is exact (statistic T, the number of concordant pairs); otherwise a normal approximation with tie-corrected variance (statistic z).',
    zh: 'tau-b 为一致对数减不一致对数（经结校正）。无结且 n < 50 时给出精确 P 值（统计量 T 为一致对数）；否则用结校正方差的正态近似（统计量 z）。',
  },
  category: 'correlate',
  keywords: ['correlation', 'Kendall', 'tau', 'tau-b', 'rank correlation', 'nonparametric', 'cor.test', '秩相关', '肯德尔', '等级相关'],
  roles: XY_ROLES,
  options: rankOptions({
    en: 'Automatic: exact when there are no ties and n < 50, as R’s default. Exact is never used with ties.',
    zh: '自动：无结且 n < 50 时计算精确 P 值，与 R 默认一致。有结时不计算精确 P 值。',
  }),
  outline: ['tidy'],
  references: ['R Core Team. cor.test {stats}.', 'Knight WR (1966). A computer method for calculating Kendall’s tau with ungrouped data. JASA 61:436–439.', 'Kendall MG (1938). A new measure of rank correlation. Biometrika 30:81–93.'],
};
