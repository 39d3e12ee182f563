import type { PluginManifest } from '$core/plugin/types';
import { CONF_LEVEL } from '$core/plugin/common-options';

export const manifest: PluginManifest = {
  id: 'regress.poisson',
  kind: 'method',
  version: '1.0.0',
  title: { en: 'Poisson regression', zh: 'Poisson 回归' },
  summary: {
    en: 'Models a count outcome on covariates (rate ratios with Wald CIs, likelihood-ratio test, overdispersion check), optionally per unit of exposure, as R’s glm(family = poisson).',
    zh: '以自变量对计数结局建模（率比及 Wald 置信区间、似然比检验、过度离散检查），可按暴露量计算率，与 R 的 glm(family = poisson) 一致。',
  },
  help: {
    en: 'The outcome is a non-negative count. The optional “Exposure” role (person-time, population at risk, number of policy holders, …) enters as offset(log(exposure)), so exp(estimate) is a rate ratio per unit of exposure; exposure must be positive. Categorical covariates are coded against their first level in sorted order (treatment contrasts). When the Pearson χ² / df exceeds 1.5 the counts are overdispersed and the standard errors too small: use quasi-Poisson or negative binomial regression.',
    zh: '结局为非负计数。可选的“暴露量”角色（人时、风险人群数、保单持有人数等）以 offset(log(暴露量)) 进入模型，exp(估计值) 即为单位暴露的率比；暴露量必须为正。分类自变量以排序后的第一个水平为参照（处理对照）。当 Pearson χ²/自由度 > 1.5 时存在过度离散，标准误偏小：请改用拟泊松或负二项回归。',
  },
  category: 'regress',
  keywords: ['poisson', 'count', 'rate ratio', 'incidence rate ratio', 'IRR', 'RR', 'glm', 'offset', 'exposure', 'Poisson回归', '率比', '计数'],
  roles: [
    {
      name: 'outcome',
      label: { en: 'Outcome (count)', zh: '结局变量（计数）' },
      help: { en: 'A non-negative count.', zh: '非负计数。' },
      types: ['numeric', 'integer'],
      min: 1,
      max: 1,
    },
    {
      name: 'covariates',
      label: { en: 'Covariates', zh: '自变量' },
      help: { en: 'Numeric, TRUE/FALSE or categorical predictors.', zh: '数值、TRUE/FALSE 或分类预测变量。' },
      types: ['numeric', 'integer', 'boolean', 'categorical'],
      min: 1,
      max: 100,
      as: 'auto',
    },
    {
      name: 'exposure',
      label: { en: 'Exposure (optional)', zh: '暴露量（可选）' },
      help: {
        en: 'Positive person-time or population at risk; the model uses offset(log(exposure)) and estimates rates per unit of exposure.',
        zh: '正的人时或风险人群数；模型使用 offset(log(暴露量))，估计单位暴露的率。',
      },
      types: ['numeric', 'integer'],
      min: 0,
      max: 1,
    },
  ],
  options: [
    CONF_LEVEL,
  ],
  outline: ['tidy', 'glance'],
  references: [
    'R Core Team. glm {stats}; summary.glm; confint.default.',
    'Cameron AC, Trivedi PK (2013). Regression Analysis of Count Data, 2nd ed. Cambridge University Press.',
  ],
};
