import type { PluginManifest } from '$core/plugin/types';
import { CONF_LEVEL } from '$core/plugin/common-options';

export const manifest: PluginManifest = {
  id: 'regress.linear',
  kind: 'method',
  version: '1.0.0',
  title: { en: 'Linear regression', zh: '线性回归' },
  summary: {
    en: 'Ordinary least-squares regression of a numeric outcome on one or more covariates, as R’s lm().',
    zh: '数值型结局对一个或多个协变量的普通最小二乘回归，与 R 的 lm() 一致。',
  },
  help: {
    en: 'Categorical covariates are coded by treatment contrasts (the first level in sorted order is the reference), as R’s model.matrix. A covariate that is an exact linear combination of earlier ones is aliased: its coefficient is reported as missing, as R does. The ANOVA table holds sequential (type I) sums of squares, as anova(lm).',
    zh: '分类协变量按处理对比编码（排序后的第一个水平为参照），与 R 的 model.matrix 一致。若某协变量是前面协变量的精确线性组合（共线），其系数报告为缺失（NA），与 R 相同。方差分析表为序贯（I 型）平方和，与 anova(lm) 相同。',
  },
  category: 'regress',
  keywords: ['linear regression', 'lm', 'OLS', 'least squares', 'multiple regression', 'VIF', '线性回归', '多元回归', '最小二乘'],
  roles: [
    {
      name: 'outcome',
      label: { en: 'Outcome', zh: '结局变量' },
      help: { en: 'The numeric dependent variable.', zh: '数值型因变量。' },
      types: ['numeric', 'integer'],
      min: 1,
      max: 1,
    },
    {
      name: 'covariates',
      label: { en: 'Covariates', zh: '协变量' },
      help: { en: 'Predictors: numeric variables enter as slopes, categorical ones as indicator terms.', zh: '自变量：数值变量以斜率进入模型，分类变量以哑变量进入模型。' },
      types: ['numeric', 'integer', 'categorical', 'boolean'],
      min: 1,
      max: 100,
      as: 'auto',
    },
  ],
  options: [
    CONF_LEVEL,
  ],
  outline: ['tidy', 'glance', 'anova', 'vif'],
  references: [
    'Chambers JM (1992). Linear models. Chapter 4 of Statistical Models in S, Wadsworth & Brooks/Cole.',
    'Fox J, Monette G (1992). Generalized collinearity diagnostics. JASA 87:178–183.',
    'R Core Team. lm, anova.lm {stats}; Fox J, Weisberg S. vif {car}.',
  ],
};
