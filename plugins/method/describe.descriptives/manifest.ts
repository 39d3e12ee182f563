import type { PluginManifest } from '$core/plugin/types';

/**
 * `listwise: false` asks the runner not to drop rows across roles: each column arrives with
 * NaN (numeric) or code -1 (categorical) for missing values, so that every variable reports
 * its own n and missing count.
 */
export const manifest: PluginManifest = {
  id: 'describe.descriptives',
  kind: 'method',
  version: '1.0.0',
  listwise: false,
  title: { en: 'Descriptive statistics', zh: '描述性统计' },
  summary: {
    en: 'n, missing, mean, SD, median, quartiles, range, skewness and kurtosis of numeric variables, optionally by group.',
    zh: '数值变量的例数、缺失数、均值、标准差、中位数、四分位数、范围、偏度和峰度，可按组计算。',
  },
  help: {
    en: 'Quartiles are R’s default (type 7). Skewness and kurtosis are the sample-adjusted G1 and excess G2 reported by SAS and SPSS (e1071 type 2). Missing values are counted per variable.',
    zh: '四分位数采用 R 默认算法（type 7）。偏度和峰度为 SAS、SPSS 报告的样本校正 G1 与超额峰度 G2（e1071 type 2）。缺失值按变量分别计数。',
  },
  category: 'describe',
  keywords: ['descriptive', 'summary', 'mean', 'median', 'sd', 'IQR', 'skewness', 'kurtosis', '描述统计', '均值', '中位数', '标准差'],
  roles: [
    {
      name: 'variables',
      label: { en: 'Variables', zh: '变量' },
      types: ['numeric', 'integer'],
      min: 1,
      // "many": a large finite bound keeps the manifest JSON-serialisable (Infinity is not)
      max: 1000,
    },
    {
      name: 'group',
      label: { en: 'Group by', zh: '分组变量' },
      types: ['categorical', 'boolean', 'integer'],
      min: 0,
      max: 1,
    },
  ],
  options: [],
  outline: ['descriptives'],
  references: [
    'Joanes DN, Gill CA (1998). Comparing measures of sample skewness and kurtosis. The Statistician 47:183–189.',
    'Hyndman RJ, Fan Y (1996). Sample quantiles in statistical packages. The American Statistician 50:361–365.',
  ],
};
