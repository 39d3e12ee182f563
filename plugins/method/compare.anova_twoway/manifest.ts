import type { PluginManifest } from '$core/plugin/types';

export const manifest: PluginManifest = {
  id: 'compare.anova_twoway',
  kind: 'method',
  version: '1.0.0',
  title: { en: 'Two-way ANOVA', zh: '双因素方差分析' },
  summary: {
    en: 'Tests the main effects of two factors on a numeric outcome, and their interaction, with type II or III sums of squares, as car::Anova(lm(y ~ a * b)).',
    zh: '检验两个因素对数值型结局的主效应及其交互作用，采用 II 型或 III 型平方和，与 car::Anova(lm(y ~ a * b)) 一致。',
  },
  help: {
    en: 'Type II (default) tests each main effect after the other main effect, assuming no interaction; it is the more powerful choice when the interaction is absent. Type III tests each effect after all others, using sum-to-zero contrasts (R: options(contrasts = c("contr.sum", "contr.poly"))), as SPSS and SAS do. With a balanced design both agree.',
    zh: 'II 型（默认）在另一主效应之后检验每个主效应，假定无交互作用；无交互作用时检验效能更高。III 型在调整所有其他效应后检验每个效应，采用和为零对比（R：options(contrasts = c("contr.sum", "contr.poly"))），与 SPSS、SAS 相同。设计平衡时两者一致。',
  },
  category: 'compare',
  keywords: ['two-way ANOVA', 'factorial', 'interaction', 'type II', 'type III', 'car::Anova', '双因素方差分析', '析因设计', '交互作用'],
  roles: [
    { name: 'outcome', label: { en: 'Outcome', zh: '结局变量' }, help: { en: 'The numeric dependent variable.', zh: '数值型因变量。' }, types: ['numeric', 'integer'], min: 1, max: 1 },
    { name: 'factors', label: { en: 'Factors', zh: '因素' }, help: { en: 'Two categorical factors.', zh: '两个分类因素。' }, types: ['categorical', 'boolean', 'integer', 'numeric'], min: 2, max: 2, as: 'categorical' },
  ],
  options: [
    {
      name: 'type',
      type: 'enum',
      default: 'II',
      label: { en: 'Sums of squares', zh: '平方和类型' },
      values: [
        { value: 'II', label: { en: 'Type II', zh: 'II 型' } },
        { value: 'III', label: { en: 'Type III (sum-to-zero contrasts)', zh: 'III 型（和为零对比）' } },
      ],
    },
    { name: 'interaction', type: 'boolean', default: true, label: { en: 'Include the interaction', zh: '包含交互作用' } },
  ],
  outline: ['anova', 'cells'],
  references: [
    'Fox J, Weisberg S (2019). An R Companion to Applied Regression, 3rd ed. Sage (car::Anova).',
    'Langsrud Ø (2003). ANOVA for unbalanced data: use type II instead of type III sums of squares. Stat Comput 13:163–167.',
  ],
};
