import type { PluginManifest } from '$core/plugin/types';
import { CONF_LEVEL } from '$core/plugin/common-options';
import { ALTERNATIVE_OPTION, XY_ROLES } from './roles';

export const manifest: PluginManifest = {
  id: 'correlate.pearson',
  kind: 'method',
  version: '1.0.0',
  title: { en: 'Pearson correlation', zh: 'Pearson 相关分析' },
  summary: {
    en: 'Pearson’s product-moment correlation r between two numeric variables, with its t test and Fisher-z confidence interval, as R’s cor.test().',
    zh: '两个数值变量的 Pearson 积矩相关系数 r，含 t 检验和 Fisher z 置信区间，与 R 的 cor.test() 一致。',
  },
  help: {
    en: 'Rows missing either variable are dropped. The confidence interval (Fisher’s z transformation) needs at least 4 rows. r measures linear association; for skewed data or outliers use Spearman or Kendall.',
    zh: '任一变量缺失的行被删除。置信区间（Fisher z 变换）至少需要 4 行。r 衡量线性关系；数据偏态或有离群值时请用 Spearman 或 Kendall 相关。',
  },
  category: 'correlate',
  keywords: ['correlation', 'Pearson', 'r', 'cor.test', 'linear association', '相关', '相关系数', '皮尔逊'],
  roles: XY_ROLES,
  options: [
    ALTERNATIVE_OPTION,
    CONF_LEVEL,
  ],
  outline: ['tidy'],
  references: ['R Core Team. cor.test {stats}.', 'Fisher RA (1921). On the “probable error” of a coefficient of correlation deduced from a small sample. Metron 1:3–32.'],
};
