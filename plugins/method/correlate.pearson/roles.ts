/**
 * Roles and options shared by the pairwise correlation manifests (pearson, spearman, kendall).
 * Plain data with type-only imports: manifests load eagerly in the UI and must pull no kernels.
 */
import type { OptionSpec, RoleSpec } from '$core/plugin/types';

export const XY_ROLES: RoleSpec[] = [
  { name: 'x', label: { en: 'Variable x', zh: '变量 x' }, help: { en: 'A numeric variable.', zh: '一个数值变量。' }, types: ['numeric', 'integer'], min: 1, max: 1 },
  { name: 'y', label: { en: 'Variable y', zh: '变量 y' }, help: { en: 'A second numeric variable.', zh: '另一个数值变量。' }, types: ['numeric', 'integer'], min: 1, max: 1 },
];

export const ALTERNATIVE_OPTION: OptionSpec = {
  name: 'alternative',
  type: 'enum',
  default: 'two.sided',
  label: { en: 'Alternative hypothesis', zh: '备择假设' },
  values: [
    { value: 'two.sided', label: { en: 'Two-sided (correlation ≠ 0)', zh: '双侧（相关系数 ≠ 0）' } },
    { value: 'less', label: { en: 'Less (negative correlation)', zh: '左侧（负相关）' } },
    { value: 'greater', label: { en: 'Greater (positive correlation)', zh: '右侧（正相关）' } },
  ],
};

export function rankOptions(exactHelp: { en: string; zh: string }): OptionSpec[] {
  return [
    ALTERNATIVE_OPTION,
    {
      name: 'exact',
      type: 'enum',
      default: 'auto',
      label: { en: 'Exact p-value', zh: '精确 P 值' },
      help: exactHelp,
      values: [
        { value: 'auto', label: { en: 'Automatic (as R)', zh: '自动（与 R 一致）' } },
        { value: 'true', label: { en: 'Exact (when there are no ties)', zh: '精确（无结时）' } },
        { value: 'false', label: { en: 'Approximate', zh: '近似' } },
      ],
    },
    {
      name: 'continuity',
      type: 'boolean',
      default: false,
      label: { en: 'Continuity correction (approximate p-value)', zh: '连续性校正（近似 P 值）' },
    },
  ];
}
