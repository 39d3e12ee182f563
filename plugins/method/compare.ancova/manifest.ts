import type { PluginManifest } from '$core/plugin/types';

export const manifest: PluginManifest = {
  id: 'compare.ancova',
  kind: 'method',
  version: '1.0.0',
  title: { en: 'Analysis of covariance (ANCOVA)', zh: '协方差分析（ANCOVA）' },
  summary: {
    en: 'Compares group means of a numeric outcome adjusted for one or more numeric covariates (e.g., baseline), with type II tests and adjusted means, as car::Anova(lm(y ~ group + covariates)) and emmeans.',
    zh: '比较经一个或多个数值协变量（如基线值）调整后的各组结局均值，给出 II 型检验和调整均值，与 car::Anova(lm(y ~ group + covariates)) 及 emmeans 一致。',
  },
  help: {
    en: 'Adjusted means are the model’s predictions for each group with every covariate at its overall mean (as emmeans). ANCOVA assumes the outcome–covariate slope is the same in every group; this is checked by testing the group × covariate interaction.',
    zh: '调整均值为各组在所有协变量取总体均值时的模型预测值（与 emmeans 相同）。协方差分析假定各组结局与协变量的斜率相同；通过检验组别 × 协变量交互作用进行检查。',
  },
  category: 'compare',
  keywords: ['ANCOVA', 'covariance', 'adjusted means', 'baseline adjustment', 'emmeans', '协方差分析', '调整均值', '基线调整'],
  roles: [
    { name: 'outcome', label: { en: 'Outcome', zh: '结局变量' }, help: { en: 'The numeric dependent variable.', zh: '数值型因变量。' }, types: ['numeric', 'integer'], min: 1, max: 1 },
    { name: 'group', label: { en: 'Group', zh: '分组变量' }, help: { en: 'The factor whose adjusted means are compared.', zh: '要比较调整均值的因素。' }, types: ['categorical', 'boolean', 'integer', 'numeric'], min: 1, max: 1, as: 'categorical' },
    { name: 'covariates', label: { en: 'Covariates', zh: '协变量' }, help: { en: 'Numeric covariates to adjust for (e.g., the baseline value).', zh: '需要调整的数值协变量（如基线值）。' }, types: ['numeric', 'integer'], min: 1, max: 20 },
  ],
  options: [],
  outline: ['anova', 'adjusted_means', 'tidy'],
  references: [
    'Fox J, Weisberg S (2019). An R Companion to Applied Regression, 3rd ed. Sage (car::Anova).',
    'Searle SR, Speed FM, Milliken GA (1980). Population marginal means in the linear model. Am Stat 34:216–221.',
    'Vickers AJ, Altman DG (2001). Analysing controlled trials with baseline and follow up measurements. BMJ 323:1123–1124.',
  ],
};
