/**
 * Runs one analysis spec against a table in the engine: checks the spec against the
 * manifest, pulls only the needed columns (filtered in SQL) into typed arrays, applies
 * listwise deletion, calls the plugin and assembles the Result of RESULTS.md.
 */
import type { Connector } from '../engine/connector';
import { ident } from '../engine/connector';
import { resultBatches } from '../engine/batches';
import { CancelToken, UserError } from '../errors';
import { preludeCode, type DataOrigin } from '../results/r-prelude';
import { finiteOrNull, sanitizeTable } from '../results/sanitize';
import type { AnalysisSpec, Result } from '../results/types';
import { readColumnTypes, sqlColumnTypes } from '../data/metadata';
import { CategoricalReader, completeRows, countKept, finishColumn, noneMissing, NumericReader, selectExpression, type ColumnType, type RawColumn, type Representation } from './columns';
import { loadPlugin } from './registry';
import { checkOptions, checkRoles } from './spec-check';
import type { ColumnData, MeasureType, PluginManifest, RoleSpec, RunContext, RunInput } from './types';

export interface RunOptions {
  /** The engine table holding the data (the caller resolves spec.data to it). */
  table: string;
  /** Where the table came from, for the R script's first lines. */
  origin: DataOrigin;
  progress?: (fraction: number, message: string) => void;
  cancel?: CancelToken;
}

const NUMERIC_TYPES = new Set(['numeric', 'integer', 'date', 'datetime']);

function representationOf(role: RoleSpec, type: MeasureType): Representation {
  const as = role.as ?? (role.types.includes('categorical') ? 'categorical' : 'numeric');
  if (as === 'auto') return NUMERIC_TYPES.has(type) ? 'numeric' : 'categorical';
  return as;
}

const TYPE_NAMES_ZH: Record<string, string> = {
  numeric: '数值', integer: '整数', boolean: '是/否', categorical: '分类', date: '日期', datetime: '日期时间', text: '文本',
};

async function fetchColumns(conn: Connector, manifest: PluginManifest, roles: Record<string, string[]>, table: string, filter?: string) {
  const [sql, measures] = await Promise.all([sqlColumnTypes(conn, table), readColumnTypes(conn, table)]);
  const types = new Map<string, ColumnType>([...sql].map(([name, sqlType]) => [name, { sqlType, type: measures.get(name)! }]));
  const wanted: { role: RoleSpec; column: string; as: Representation }[] = [];
  for (const role of manifest.roles) {
    for (const column of roles[role.name]) {
      const type = types.get(column);
      if (!type) {
        const available = [...types.keys()].slice(0, 30).join(', ');
        throw new UserError('spec', 'unknown_column', {
          en: `Column "${column}" (role "${role.name}") is not in the data. Columns are: ${available}.`,
          zh: `数据中没有列 "${column}"（角色 "${role.name}"）。现有列：${available}。`,
        });
      }
      if (!role.types.includes(type.type)) {
        throw new UserError('data', 'wrong_type', {
          en: `"${column}" is ${type.type}, but "${role.label.en}" needs ${role.types.join(' or ')}. Change the column's type or choose another column.`,
          zh: `"${column}" 的类型是${TYPE_NAMES_ZH[type.type]}，但"${role.label.zh}"需要${role.types.map((t) => TYPE_NAMES_ZH[t]).join('或')}。请修改该列类型或换一列。`,
        });
      }
      wanted.push({ role, column, as: representationOf(role, type.type) });
    }
  }
  const select = wanted.length
    ? wanted.map((w, i) => `${selectExpression(w.column, types.get(w.column)!, w.as)} AS c${i}`).join(', ')
    : '1 AS c0';
  const where = filter && filter.trim() ? ` WHERE (${filter})` : '';
  let rows = 0;
  let readers: (NumericReader | CategoricalReader)[] = [];
  try {
    const result = await resultBatches(conn, select, `FROM ${ident(table)}${where}`);
    readers = wanted.map((w) => (w.as === 'numeric' ? new NumericReader(result.rows) : new CategoricalReader(result.rows)));
    for await (const batch of result.batches) {
      for (let i = 0; i < readers.length; i++) readers[i].push(batch.data.children[i]);
      rows += batch.numRows;
    }
  } catch (e) {
    const detail = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new UserError('spec', 'bad_filter', {
      en: `The filter could not be applied: ${detail}`,
      zh: `筛选条件无法执行：${detail}`,
    });
  }
  const raw: RawColumn[] = readers.map((r) => (r instanceof NumericReader ? { kind: 'numeric', ...r.finish() } : { kind: 'coded', values: r.finish() }));
  return { wanted, raw, rows, types };
}

export async function runAnalysis(conn: Connector, spec: AnalysisSpec, opts: RunOptions): Promise<Result> {
  const cancel = opts.cancel ?? new CancelToken();
  const progress = opts.progress ?? (() => {});
  const plugin = await loadPlugin(spec.plugin);
  const { manifest } = plugin;
  const roles = checkRoles(manifest, spec.roles as Record<string, unknown>);
  const options = checkOptions(manifest, spec.options);
  progress(0, 'Reading data');

  const { wanted, raw, rows, types } = await fetchColumns(conn, manifest, roles, opts.table, spec.filter);
  cancel.throwIfCancelled();
  const listwise = manifest.listwise !== false;
  // (no mask at all when every column is known to be complete: nothing to drop)
  const keep = listwise && !noneMissing(raw) ? completeRows(raw, rows) : undefined;
  const used = keep ? countKept(keep) : rows;
  if (used === 0) {
    throw new UserError('data', 'no_rows', {
      en: rows === 0
        ? 'No rows to analyse: the data (after the filter) is empty.'
        : `No complete rows to analyse: all ${rows} rows have a missing value in at least one chosen column.`,
      zh: rows === 0 ? '没有可分析的行：数据（经筛选后）为空。' : `没有完整的行可分析：全部 ${rows} 行在所选列中至少有一个缺失值。`,
    });
  }

  const input: RunInput = { roles: {}, options, n: { rows, used, excluded: rows - used } };
  // When listwise deletion drops nothing, the columns are used as read: filtering through an
  // all-ones mask would only copy every value (hundreds of MB for a wide million-row model).
  const mask = keep && used < rows ? keep : undefined;
  const columns: ColumnData[] = wanted.map((w, i) => finishColumn(w.column, types.get(w.column)!.type, raw[i], mask));
  for (const role of manifest.roles) {
    const mine = columns.filter((_, i) => wanted[i].role === role);
    input.roles[role.name] = role.max === 1 ? mine[0] : mine;
    if (role.levels !== undefined) {
      for (const col of mine) {
        if (col.kind !== 'categorical' || col.levels.length === role.levels) continue;
        const shown = col.levels.slice(0, 8).join(', ') + (col.levels.length > 8 ? ', …' : '');
        throw new UserError('data', 'wrong_levels', {
          en: `"${role.label.en}" needs exactly ${role.levels} groups, but "${col.name}" has ${col.levels.length}${col.levels.length ? ` (${shown})` : ''}. Use a filter to keep ${role.levels} of them, or choose another column.`,
          zh: `"${role.label.zh}"需要恰好 ${role.levels} 组，但 "${col.name}" 有 ${col.levels.length} 组${col.levels.length ? `（${shown}）` : ''}。请用筛选条件保留其中 ${role.levels} 组，或换一列。`,
        });
      }
    }
  }

  const issues = plugin.run.validate?.(input) ?? [];
  if (issues.length > 0) {
    const first = issues[0];
    throw new UserError('data', first.code, {
      en: issues.map((i) => i.message.en).join(' '),
      zh: issues.map((i) => i.message.zh).join(' '),
    });
  }

  const ctx: RunContext = {
    progress: (f, m) => progress(0.1 + 0.85 * f, m ?? ''),
    checkCancelled: () => cancel.throwIfCancelled(),
    query: async (sql) => (await conn.query(sql)).toArray().map((r) => r.toJSON()),
  };
  progress(0.1, 'Computing');
  const output = await plugin.run.run(ctx, input);
  cancel.throwIfCancelled();

  const tables = Object.fromEntries(Object.entries(output.tables).map(([k, t]) => [k, sanitizeTable(t)]));
  const result: Result = {
    plugin: manifest.id,
    plugin_version: manifest.version,
    title: manifest.title.en,
    title_zh: manifest.title.zh,
    n: input.n,
    tables,
    figures: output.figures ?? [],
    assumptions: finiteOrNull(output.assumptions ?? []),
    interpretation: output.interpretation ?? { en: [], zh: [] },
    warnings: output.warnings ?? [],
    r_code: '',
  };
  if (!output.interpretation && plugin.interpret) result.interpretation = plugin.interpret(result, input);
  const normalisedSpec: AnalysisSpec = { ...spec, roles: Object.fromEntries(Object.entries(roles).map(([k, v]) => {
    const role = manifest.roles.find((r) => r.name === k)!;
    return [k, role.max === 1 ? v[0] ?? '' : v];
  }).filter(([, v]) => v !== '' && !(Array.isArray(v) && v.length === 0))), options };
  result.r_code = [preludeCode(opts.origin, spec.filter), plugin.rCode?.(normalisedSpec) ?? ''].filter(Boolean).join('\n');
  progress(1, 'Done');
  return result;
}
