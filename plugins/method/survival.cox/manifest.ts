import type { PluginManifest } from '$core/plugin/types';
import { CONF_LEVEL } from '$core/plugin/common-options';
import { eventRole, eventValueOption, timeRole } from '$core/stats/survival/roles';

export const manifest: PluginManifest = {
  id: 'survival.cox',
  kind: 'method',
  version: '1.0.0',
  title: { en: 'Cox proportional hazards regression', zh: 'Cox 比例风险回归' },
  summary: {
    en: 'Hazard ratios for covariates with confidence intervals, likelihood-ratio, Wald and score tests, concordance and a proportional-hazards check, as R’s coxph and cox.zph.',
    zh: '协变量的风险比及置信区间、似然比/Wald/score 检验、一致性指数及比例风险假定检验，与 R 的 coxph 和 cox.zph 一致。',
  },
  help: {
    en: 'A categorical covariate gives one term per non-reference level (the first level in sorted order is the reference). Strata get separate baseline hazards without estimating their effect.',
    zh: '分类协变量的每个非参照水平各得一项（排序后的第一个水平为参照）。分层变量各层有各自的基线风险，不估计其效应。',
  },
  category: 'survival',
  keywords: ['Cox', 'coxph', 'hazard ratio', 'proportional hazards', 'survival regression', 'Cox回归', '风险比', '比例风险'],
  roles: [
    timeRole,
    eventRole,
    {
      name: 'covariates',
      label: { en: 'Covariates', zh: '协变量' },
      help: { en: 'Numeric, yes/no or categorical predictors.', zh: '数值、是/否或分类预测变量。' },
      types: ['numeric', 'integer', 'boolean', 'categorical'],
      min: 1,
      max: 50,
      as: 'auto',
    },
    {
      name: 'strata',
      label: { en: 'Strata', zh: '分层变量' },
      help: { en: 'Optional: a separate baseline hazard per level (R’s strata()).', zh: '可选：每层各自的基线风险（R 的 strata()）。' },
      types: ['categorical', 'integer', 'boolean'],
      min: 0,
      max: 1,
    },
  ],
  options: [
    {
      name: 'ties',
      type: 'enum',
      default: 'efron',
      label: { en: 'Tied event times', zh: '结（相同事件时间）处理' },
      values: [
        { value: 'efron', label: { en: 'Efron (R default)', zh: 'Efron（R 默认）' } },
        { value: 'breslow', label: { en: 'Breslow', zh: 'Breslow' } },
      ],
    },
    CONF_LEVEL,
    eventValueOption(),
  ],
  outline: ['tidy', 'glance', 'zph'],
  references: [
    'Cox DR (1972). Regression models and life-tables. J R Stat Soc B 34:187–220.',
    'Grambsch PM, Therneau TM (1994). Proportional hazards tests and diagnostics based on weighted residuals. Biometrika 81:515–526.',
    'Therneau T (2023). A Package for Survival Analysis in R. coxph, cox.zph, concordance {survival}.',
  ],
};
