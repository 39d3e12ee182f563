import type { PluginManifest } from '$core/plugin/types';
import { CONF_LEVEL } from '$core/plugin/common-options';

export const manifest: PluginManifest = {
  id: 'regress.logistic',
  kind: 'method',
  version: '1.0.0',
  title: { en: 'Logistic regression', zh: 'Logistic 回归' },
  summary: {
    en: 'Models a binary outcome on covariates (odds ratios with Wald CIs, likelihood-ratio test, Hosmer–Lemeshow test, AUC), as R’s glm(family = binomial).',
    zh: '以自变量对二分类结局建模（比值比及 Wald 置信区间、似然比检验、Hosmer–Lemeshow 检验、AUC），与 R 的 glm(family = binomial) 一致。',
  },
  help: {
    en: 'The outcome may be 0/1, TRUE/FALSE or any two categories; the category modelled as the event (1) is the second in sorted order unless “Event value” names it. Categorical covariates are coded against their first level in sorted order (treatment contrasts, as R’s model.matrix); a TRUE/FALSE covariate gives a term named column + TRUE. exp(estimate) is the odds ratio per unit of a numeric covariate, or versus the reference level.',
    zh: '结局可以是 0/1、TRUE/FALSE 或任意两个类别；除非在“事件取值”中指定，否则按排序后的第二个类别作为事件（1）。分类自变量以排序后的第一个水平为参照（处理对照，与 R 的 model.matrix 一致）；TRUE/FALSE 自变量的项名为列名 + TRUE。exp(估计值) 为数值自变量每增加一个单位、或相对参照水平的比值比。',
  },
  category: 'regress',
  keywords: ['logistic', 'logit', 'binary', 'odds ratio', 'OR', 'glm', 'binomial', 'AUC', 'ROC', 'Hosmer-Lemeshow', 'Logistic回归', '比值比', '二分类'],
  roles: [
    {
      name: 'outcome',
      label: { en: 'Outcome (binary)', zh: '结局变量（二分类）' },
      help: { en: 'A variable with exactly two values (0/1, TRUE/FALSE, or two categories).', zh: '恰好有两个取值的变量（0/1、TRUE/FALSE 或两个类别）。' },
      types: ['numeric', 'integer', 'boolean', 'categorical'],
      min: 1,
      max: 1,
      levels: 2,
      as: 'categorical',
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
  ],
  options: [
    {
      name: 'event_value',
      type: 'string',
      default: '',
      label: { en: 'Event value (modelled as 1)', zh: '事件取值（记为 1）' },
      help: { en: 'Empty: the second value in sorted order (1, TRUE, or the later category), as R’s factor coding.', zh: '留空：按排序后的第二个取值（1、TRUE 或排序靠后的类别），与 R 的因子编码一致。' },
    },
    CONF_LEVEL,
  ],
  outline: ['tidy', 'glance', 'auc', 'hosmer_lemeshow'],
  references: [
    'R Core Team. glm {stats}; summary.glm; confint.default.',
    'Hosmer DW, Lemeshow S, Sturdivant RX (2013). Applied Logistic Regression, 3rd ed. Wiley.',
    'Lele SR, Keim JL, Solymos P. ResourceSelection: hoslem.test.',
    'Hanley JA, McNeil BJ (1982). The meaning and use of the area under a receiver operating characteristic (ROC) curve. Radiology 143:29–36.',
  ],
};
