/**
 * A numeric outcome split by a grouping factor: the input of the one-way comparisons (ANOVA,
 * Tukey). Rows with a missing outcome are left out and groups left empty are dropped.
 */
import type { ColumnData, InputIssue, RunInput } from '../plugin/types';
import { asFactor, dropUnusedLevels, splitByLevel, type Factor } from './factor';
import { rLevelLabels } from './linear-model';

export interface GroupedOutcome {
  yName: string;
  gName: string;
  factor: Factor;
  samples: Float64Array[];
}

const single = (c: ColumnData | ColumnData[] | undefined) => (Array.isArray(c) ? c[0] : c);

export function outcomeByGroup(input: RunInput): GroupedOutcome | InputIssue {
  const y = single(input.roles.outcome);
  const g = single(input.roles.group);
  if (!y || !g) return { code: 'missing_role', message: { en: 'Choose an outcome and a group variable.', zh: '请选择结局变量和分组变量。' } };
  if (y.kind !== 'numeric') return { code: 'outcome_not_numeric', message: { en: `The outcome “${y.name}” must be numeric.`, zh: `结局变量“${y.name}”必须是数值型。` } };
  const values = y.values;
  const f0 = asFactor(g);
  const factor = dropUnusedLevels({ ...f0, levels: rLevelLabels(f0.levels, g.type) }, (i) => !Number.isNaN(values[i]));
  return { yName: y.name, gName: g.name, factor, samples: splitByLevel(values, factor) };
}
