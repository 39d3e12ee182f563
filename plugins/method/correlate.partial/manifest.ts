import type { PluginManifest } from '$core/plugin/types';

export const manifest: PluginManifest = {
  id: 'correlate.partial',
  kind: 'method',
  version: '1.0.0',
  title: { en: 'Partial correlation', zh: '偏相关分析' },
  summary: {
    en: 'Correlation between x and y after removing the linear effect of one or more covariates (Pearson, or Spearman on ranks), as ppcor::pcor.test.',
    zh: '扣除一个或多个协变量的线性影响后 x 与 y 的相关（Pearson，或基于秩的 Spearman），与 ppcor::pcor.test 一致。',
  },
  help: {
    en: 'The estimate is the correlation of the residuals of x and y regressed on the covariates. t = r √((n − 2 − k)/(1 − r²)) with n − 2 − k df, k = number of covariates (two-sided). Rows missing any variable are dropped.',
    zh: '估计值为 x、y 分别对协变量回归后残差的相关系数。t = r √((n − 2 − k)/(1 − r²))，自由度 n − 2 − k，k 为协变量个数（双侧检验）。任一变量缺失的行被删除。',
  },
  category: 'correlate',
  keywords: ['partial correlation', 'pcor', 'ppcor', 'adjusted correlation', 'covariates', '偏相关', '控制变量'],
  roles: [
    { name: 'x', label: { en: 'Variable x', zh: '变量 x' }, types: ['numeric', 'integer'], min: 1, max: 1 },
    { name: 'y', label: { en: 'Variable y', zh: '变量 y' }, types: ['numeric', 'integer'], min: 1, max: 1 },
    { name: 'covariates', label: { en: 'Control for', zh: '控制变量' }, help: { en: 'Numeric covariates whose effect is removed (0/1 for a two-level factor).', zh: '需扣除其影响的数值协变量（二分类因素用 0/1 编码）。' }, types: ['numeric', 'integer', 'boolean'], min: 1, max: 100 },
  ],
  options: [
    {
      name: 'method',
      type: 'enum',
      default: 'pearson',
      label: { en: 'Correlation', zh: '相关系数' },
      values: [
        { value: 'pearson', label: { en: 'Pearson', zh: 'Pearson' } },
        { value: 'spearman', label: { en: 'Spearman (ranks)', zh: 'Spearman（秩）' } },
      ],
    },
  ],
  outline: ['tidy'],
  references: ['Kim S (2015). ppcor: An R package for a fast calculation to semi-partial correlation coefficients. Commun Stat Appl Methods 22:665–674.'],
};
