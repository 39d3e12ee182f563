/**
 * Checks an analysis spec's roles and options against a plugin's manifest and returns them
 * normalised (defaults filled in). Every problem is a UserError('spec') that says what to fix.
 */
import { UserError } from '../errors';
import type { OptionSpec, OptionValue, PluginManifest } from './types';

export interface NormalisedSpec {
  /** Role name -> column names (always an array; single roles hold at most one). */
  roles: Record<string, string[]>;
  options: Record<string, OptionValue>;
}

function specError(code: string, en: string, zh: string): UserError {
  return new UserError('spec', code, { en, zh });
}

export function checkRoles(manifest: PluginManifest, roles: Record<string, unknown>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const known = new Set(manifest.roles.map((r) => r.name));
  for (const name of Object.keys(roles ?? {})) {
    if (!known.has(name)) {
      throw specError(
        'unknown_role',
        `"${manifest.id}" has no role "${name}". Its roles are: ${[...known].join(', ')}.`,
        `"${manifest.id}" 没有名为 "${name}" 的变量角色。可用角色：${[...known].join(', ')}。`,
      );
    }
  }
  for (const role of manifest.roles) {
    const raw = roles?.[role.name];
    const cols = raw === undefined || raw === null ? [] : Array.isArray(raw) ? raw : [raw];
    if (!cols.every((c) => typeof c === 'string' && c.length > 0)) {
      throw specError(
        'bad_role',
        `Role "${role.name}" must name columns as text.`,
        `变量角色 "${role.name}" 必须用文本填写列名。`,
      );
    }
    if (cols.length < role.min) {
      throw specError(
        'missing_role',
        `"${role.label.en}" needs ${role.min === 1 ? 'a column' : `at least ${role.min} columns`} (role "${role.name}").`,
        `"${role.label.zh}" 需要${role.min === 1 ? '一列' : `至少 ${role.min} 列`}（角色 "${role.name}"）。`,
      );
    }
    if (cols.length > role.max) {
      throw specError(
        'too_many_columns',
        `"${role.label.en}" takes at most ${role.max} column${role.max === 1 ? '' : 's'}; ${cols.length} were given.`,
        `"${role.label.zh}" 最多只能放 ${role.max} 列，当前为 ${cols.length} 列。`,
      );
    }
    out[role.name] = cols as string[];
  }
  return out;
}

function checkOption(spec: OptionSpec, value: unknown): OptionValue {
  const bad = (en: string, zh: string) => specError('bad_option', `Option "${spec.name}": ${en}`, `选项 "${spec.name}"：${zh}`);
  switch (spec.type) {
    case 'boolean':
      if (typeof value !== 'boolean') throw bad('must be true or false.', '必须为 true 或 false。');
      return value;
    case 'string':
      if (typeof value !== 'string') throw bad('must be text.', '必须为文本。');
      return value;
    case 'enum': {
      const allowed = spec.values.map((v) => v.value);
      if (typeof value !== 'string' || !allowed.includes(value)) {
        throw bad(`must be one of ${allowed.map((a) => `"${a}"`).join(', ')}.`, `必须是 ${allowed.join('、')} 之一。`);
      }
      return value;
    }
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) throw bad('must be a number.', '必须为数字。');
      if (spec.integer && !Number.isInteger(value)) throw bad('must be a whole number.', '必须为整数。');
      const lowOk = spec.min === undefined || (spec.exclusiveMin ? value > spec.min : value >= spec.min);
      const highOk = spec.max === undefined || (spec.exclusiveMax ? value < spec.max : value <= spec.max);
      if (!lowOk || !highOk) {
        const lo = spec.min === undefined ? '' : `${spec.exclusiveMin ? '>' : '≥'} ${spec.min}`;
        const hi = spec.max === undefined ? '' : `${spec.exclusiveMax ? '<' : '≤'} ${spec.max}`;
        const range = [lo, hi].filter(Boolean).join(' and ');
        throw bad(`${value} is out of range (must be ${range}).`, `${value} 超出范围（应 ${range.replace(' and ', ' 且 ')}）。`);
      }
      return value;
    }
  }
}

export function checkOptions(manifest: PluginManifest, options: Record<string, unknown> | undefined): Record<string, OptionValue> {
  const out: Record<string, OptionValue> = {};
  const known = new Map(manifest.options.map((o) => [o.name, o]));
  for (const name of Object.keys(options ?? {})) {
    if (!known.has(name)) {
      const list = [...known.keys()].join(', ') || '(none)';
      throw specError(
        'unknown_option',
        `"${manifest.id}" has no option "${name}". Its options are: ${list}.`,
        `"${manifest.id}" 没有选项 "${name}"。可用选项：${list}。`,
      );
    }
  }
  for (const spec of manifest.options) {
    const value = options?.[spec.name];
    out[spec.name] = value === undefined ? spec.default : checkOption(spec, value);
  }
  return out;
}
