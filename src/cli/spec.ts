/** Parses and shape-checks an analysis spec (RESULTS.md); plugin-specific checks come later. */
import { UserError } from '../core/errors';
import type { AnalysisSpec } from '../core/results/types';

function bad(en: string, zh: string): UserError {
  return new UserError('spec', 'bad_spec', { en, zh });
}

const KEYS = new Set(['plugin', 'data', 'filter', 'roles', 'options']);

export function parseSpec(text: string): AnalysisSpec {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw bad(`The spec is not valid JSON: ${(e as Error).message}`, `分析规格不是有效的 JSON：${(e as Error).message}`);
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw bad('The spec must be a JSON object.', '分析规格必须是 JSON 对象。');
  const s = raw as Record<string, unknown>;
  for (const k of Object.keys(s)) {
    if (!KEYS.has(k)) throw bad(`Unknown field "${k}" in the spec (allowed: ${[...KEYS].join(', ')}).`, `分析规格中有未知字段 "${k}"。`);
  }
  if (typeof s.plugin !== 'string' || !s.plugin) throw bad('The spec needs "plugin": the id of a plugin.', '分析规格需要 "plugin"：插件编号。');
  const data = s.data as Record<string, unknown> | undefined;
  const validData =
    data && typeof data === 'object' &&
    ((typeof data.file === 'string' && Object.keys(data).length === 1) ||
      (typeof data.dataset === 'string' && Object.keys(data).length === 1) ||
      (typeof data.table === 'string' && (Object.keys(data).length === 1 || typeof data.registry === 'string')));
  if (!validData) {
    throw bad('The spec needs "data": {"file": path}, {"registry": ..., "table": ...} or {"dataset": name}.', '分析规格需要 "data"：{"file": 路径}、{"registry": ..., "table": ...} 或 {"dataset": 名称}。');
  }
  if (s.filter !== undefined && typeof s.filter !== 'string') throw bad('"filter" must be an SQL expression in a string.', '"filter" 必须是字符串形式的 SQL 表达式。');
  if (!s.roles || typeof s.roles !== 'object' || Array.isArray(s.roles)) throw bad('The spec needs "roles": an object mapping roles to columns.', '分析规格需要 "roles"：角色到列名的映射。');
  if (s.options !== undefined && (typeof s.options !== 'object' || s.options === null || Array.isArray(s.options))) {
    throw bad('"options" must be an object.', '"options" 必须是对象。');
  }
  return s as unknown as AnalysisSpec;
}
