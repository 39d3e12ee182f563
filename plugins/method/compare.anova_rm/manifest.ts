import type { PluginManifest } from '$core/plugin/types';

export const manifest: PluginManifest = {
  id: 'compare.anova_rm',
  kind: 'method',
  version: '1.0.0',
  title: { en: 'Repeated-measures ANOVA (one within factor)', zh: '重复测量方差分析（单个组内因素）' },
  summary: {
    en: 'Compares the means of a numeric outcome measured repeatedly on the same subjects (long data: one row per subject and condition), with Mauchly’s sphericity test and Greenhouse–Geisser / Huynh–Feldt corrections, as car::Anova on the wide data with idata/idesign.',
    zh: '比较同一受试者多次测量的数值型结局均值（长格式数据：每个受试者每个条件一行），给出 Mauchly 球形检验以及 Greenhouse–Geisser / Huynh–Feldt 校正，与 car::Anova 对宽格式数据使用 idata/idesign 的结果一致。',
  },
  help: {
    en: 'Subjects without a value at every level of the within factor are dropped (with a warning), as the classic repeated-measures ANOVA needs complete data; a mixed model can use incomplete subjects. Several rows for the same subject and level are averaged. When sphericity is doubtful, report the Greenhouse–Geisser corrected p-value.',
    zh: '在组内因素的某些水平上缺少数据的受试者将被剔除（并给出警告），因为经典的重复测量方差分析需要完整数据；混合效应模型可利用不完整的受试者。同一受试者同一水平的多行取平均。若球形假设可疑，请报告 Greenhouse–Geisser 校正后的 P 值。',
  },
  category: 'compare',
  keywords: ['repeated measures', 'within-subject', 'sphericity', 'Mauchly', 'Greenhouse-Geisser', 'Huynh-Feldt', '重复测量', '球形检验', '组内设计'],
  roles: [
    { name: 'outcome', label: { en: 'Outcome', zh: '结局变量' }, help: { en: 'The repeatedly measured numeric variable.', zh: '重复测量的数值变量。' }, types: ['numeric', 'integer'], min: 1, max: 1 },
    { name: 'within', label: { en: 'Within-subject factor', zh: '组内因素' }, help: { en: 'The condition or time point of each measurement.', zh: '每次测量的条件或时间点。' }, types: ['categorical', 'boolean', 'integer', 'numeric', 'date'], min: 1, max: 1, as: 'categorical' },
    { name: 'id', label: { en: 'Subject', zh: '受试者编号' }, help: { en: 'Identifies the subject each row belongs to.', zh: '标识每一行所属的受试者。' }, types: ['categorical', 'integer', 'numeric', 'text'], min: 1, max: 1, as: 'categorical' },
  ],
  options: [],
  outline: ['tidy', 'anova', 'sphericity', 'means'],
  references: [
    'Mauchly JW (1940). Significance test for sphericity of a normal n-variate distribution. Ann Math Stat 11:204–209.',
    'Greenhouse SW, Geisser S (1959). On methods in the analysis of profile data. Psychometrika 24:95–112.',
    'Huynh H, Feldt LS (1976). Estimation of the Box correction for degrees of freedom from sample data. J Educ Stat 1:69–82.',
    'Fox J, Weisberg S (2019). An R Companion to Applied Regression, 3rd ed. Sage (car::Anova for multivariate linear models).',
  ],
};
