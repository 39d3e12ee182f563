import type { PluginManifest } from '$core/plugin/types';
import { rankOptions, XY_ROLES } from '../correlate.pearson/roles';

export const manifest: PluginManifest = {
  id: 'correlate.spearman',
  kind: 'method',
  version: '1.0.0',
  title: { en: 'Spearman rank correlation', zh: 'Spearman 秩相关分析' },
  summary: {
    en: 'Spearman’s rank correlation rho between two numeric variables with its test, as R’s cor.test(method = "spearman").',
    zh: '两个数值变量的 Spearman 秩相关系数 rho 及其检验，与 R 的 cor.test(method = "spearman") 一致。',
  },
  help: {
    en: 'rho is Pearson’s r of the ranks (ties averaged). Without ties the p-value is exact for n ≤ 9 and from the AS 89 Edgeworth series up to n = 1290; with ties, or when “approximate” is chosen, it uses the t distribution.',
    zh: 'rho 是秩（结取平均秩）的 Pearson 相关系数。无结时，n ≤ 9 给出精确 P 值，n ≤ 1290 用 AS 89 Edgeworth 级数；有结或选择“近似”时用 t 分布近似。',
  },
  category: 'correlate',
  keywords: ['correlation', 'Spearman', 'rho', 'rank correlation', 'nonparametric', 'cor.test', '秩相关', '斯皮尔曼', '等级相关'],
  roles: XY_ROLES,
  options: rankOptions({
    en: 'Automatic: exact (AS 89) when there are no ties and n ≤ 1290, as R’s default.',
    zh: '自动：无结且 n ≤ 1290 时计算精确（AS 89）P 值，与 R 默认一致。',
  }),
  outline: ['tidy'],
  references: ['R Core Team. cor.test {stats}.', 'Best DJ, Roberts DE (1975). Algorithm AS 89: The upper tail probabilities of Spearman’s rho. Applied Statistics 24:377–379.'],
};
