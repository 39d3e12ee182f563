/**
 * The analysis being set up (plugin, role assignments, options, filter), the run in
 * progress, and the results produced so far.
 */
import type { ColumnInfo, TableInfo } from '../../core/data/types';
import type { MessageKey, Params } from '../../core/i18n';
import { getManifest, manifests } from '../../core/plugin/registry';
import type { NumberOption, OptionSpec, OptionValue, PluginManifest, RoleSpec } from '../../core/plugin/types';
import type { AnalysisSpec, Result } from '../../core/results/types';
import { engine } from './engine.svelte';
import { toUiError, type UiError } from './errors';
import { t, tlist, tx } from './lang.svelte';

export interface Refusal {
  key: MessageKey;
  params?: Params;
}

export interface RunRecord {
  id: number;
  spec: AnalysisSpec;
  result: Result;
}

/** Why a number option's text is invalid, or null when it is fine. */
export function numberProblem(opt: NumberOption, text: string): Refusal | null {
  const s = text.trim();
  const x = s === '' ? NaN : Number(s);
  if (!Number.isFinite(x)) return { key: 'option.number.invalid' };
  if (opt.integer && !Number.isInteger(x)) return { key: 'option.number.integer' };
  if (opt.min !== undefined) {
    if (opt.exclusiveMin && x <= opt.min) return { key: 'option.number.gt', params: { min: opt.min } };
    if (!opt.exclusiveMin && x < opt.min) return { key: 'option.number.min', params: { min: opt.min } };
  }
  if (opt.max !== undefined) {
    if (opt.exclusiveMax && x >= opt.max) return { key: 'option.number.lt', params: { max: opt.max } };
    if (!opt.exclusiveMax && x > opt.max) return { key: 'option.number.max', params: { max: opt.max } };
  }
  return null;
}

export function typeList(types: readonly string[]): string {
  return tlist(types.map((ty) => t(`type.${ty}` as MessageKey)));
}

class AnalysisStore {
  pluginId = $state<string | null>(null);
  manifest = $derived<PluginManifest | null>(manifests.find((m) => m.id === this.pluginId) ?? null);
  /** Role name -> assigned column names. */
  roles = $state<Record<string, string[]>>({});
  /** Option values as edited; numbers are kept as text until valid. */
  values = $state<Record<string, OptionValue>>({});
  numberText = $state<Record<string, string>>({});
  filter = $state('');
  /** Per-role explanation of the last refused drop or selection. */
  refusals = $state<Record<string, Refusal | undefined>>({});
  running = $state<{ fraction: number; message: string } | null>(null);
  error = $state<UiError | null>(null);
  runs = $state.raw<RunRecord[]>([]);
  currentRun = $state<number | null>(null);
  #nextId = 1;

  choose(id: string): void {
    if (id === this.pluginId) return;
    let m: PluginManifest;
    try {
      m = getManifest(id);
    } catch {
      return;
    }
    this.pluginId = id;
    this.roles = Object.fromEntries(m.roles.map((r) => [r.name, []]));
    this.values = Object.fromEntries(m.options.map((o) => [o.name, o.default]));
    this.numberText = Object.fromEntries(
      m.options.filter((o) => o.type === 'number').map((o) => [o.name, String(o.default)]),
    );
    this.refusals = {};
    this.error = null;
  }

  /** Why `column` cannot go into `role`, or null if it can. */
  refusal(role: RoleSpec, column: ColumnInfo | undefined, name: string): Refusal | null {
    if (!column) return { key: 'analysis.refuseUnknown', params: { column: name } };
    const assigned = this.roles[role.name] ?? [];
    if (assigned.includes(column.name)) return { key: 'analysis.refuseDuplicate', params: { column: column.name } };
    if (!role.types.includes(column.type)) {
      return {
        key: 'analysis.refuseType',
        params: { column: column.name, type: t(`type.${column.type}` as MessageKey), types: typeList(role.types) },
      };
    }
    if (role.levels !== undefined && column.distinct !== role.levels) {
      return { key: 'analysis.refuseLevels', params: { column: column.name, distinct: column.distinct, levels: role.levels } };
    }
    if (role.max !== 1 && assigned.length >= role.max) return { key: 'analysis.refuseFull', params: { max: role.max } };
    return null;
  }

  /** Assigns a column to a role (a single-column role replaces its column). Returns false and records why when refused. */
  assign(role: RoleSpec, table: TableInfo | null, name: string): boolean {
    const column = table?.columns.find((c) => c.name === name);
    const why = this.refusal(role, column, name);
    if (why) {
      this.refusals = { ...this.refusals, [role.name]: why };
      return false;
    }
    const current = this.roles[role.name] ?? [];
    this.roles[role.name] = role.max === 1 ? [name] : [...current, name];
    this.refusals = { ...this.refusals, [role.name]: undefined };
    return true;
  }

  unassign(role: string, name: string): void {
    this.roles[role] = (this.roles[role] ?? []).filter((c) => c !== name);
    this.refusals = { ...this.refusals, [role]: undefined };
  }

  /** Drops assignments to columns the table no longer has or whose type no longer fits. */
  prune(table: TableInfo | null): void {
    const m = this.manifest;
    if (!m) return;
    for (const role of m.roles) {
      const cur = this.roles[role.name] ?? [];
      const kept = cur.filter((n) => {
        const c = table?.columns.find((col) => col.name === n);
        return !!c && role.types.includes(c.type);
      });
      if (kept.length !== cur.length) this.roles[role.name] = kept;
    }
  }

  isEnabled(opt: OptionSpec): boolean {
    if (!opt.enableWhen) return true;
    const v = this.values[opt.enableWhen.option];
    return opt.enableWhen.values.some((x) => x === v);
  }

  setNumber(opt: NumberOption, text: string): void {
    this.numberText[opt.name] = text;
    if (!numberProblem(opt, text)) this.values[opt.name] = Number(text);
  }

  optionProblem(opt: OptionSpec): Refusal | null {
    if (opt.type !== 'number' || !this.isEnabled(opt)) return null;
    return numberProblem(opt, this.numberText[opt.name] ?? String(opt.default));
  }

  /** Labels of required roles that are not filled yet. */
  missingRoles = $derived.by(() => {
    const m = this.manifest;
    if (!m) return [] as RoleSpec[];
    return m.roles.filter((r) => (this.roles[r.name]?.length ?? 0) < r.min);
  });

  optionsValid = $derived.by(() => !this.manifest || this.manifest.options.every((o) => !this.optionProblem(o)));

  /** The spec for `table`, as plain JSON (safe to post to the worker). */
  buildSpec(table: string): AnalysisSpec | null {
    const m = this.manifest;
    if (!m) return null;
    const roles: Record<string, string | string[]> = {};
    for (const r of m.roles) {
      const cols = $state.snapshot(this.roles[r.name] ?? []);
      if (cols.length === 0) continue;
      roles[r.name] = r.max === 1 ? cols[0]! : cols;
    }
    const options: Record<string, OptionValue> = {};
    for (const o of m.options) {
      if (!this.isEnabled(o)) continue;
      const v = this.values[o.name];
      if (v !== undefined) options[o.name] = v;
    }
    const spec: AnalysisSpec = { plugin: m.id, data: { table }, roles, options };
    const filter = this.filter.trim();
    if (filter) spec.filter = filter;
    return spec;
  }

  async run(table: string): Promise<void> {
    const spec = this.buildSpec(table);
    const m = this.manifest;
    if (!spec || !m || this.running) return;
    this.error = null;
    this.running = { fraction: 0, message: t('analysis.running', { title: tx(m.title) }) };
    try {
      const onProgress = engine.progress((p) => {
        if (this.running) this.running = { fraction: p.fraction, message: p.message || this.running.message };
      });
      const result = await engine.call((api) => api.runAnalysis(spec, onProgress));
      const id = this.#nextId++;
      this.runs = [{ id, spec, result }, ...this.runs].slice(0, 20);
      this.currentRun = id;
    } catch (e) {
      const err = toUiError(e);
      if (!err.cancelled) this.error = err;
    } finally {
      this.running = null;
    }
  }

  async cancel(): Promise<void> {
    await engine.cancel();
  }

  get current(): RunRecord | null {
    return this.runs.find((r) => r.id === this.currentRun) ?? this.runs[0] ?? null;
  }
}

export const analysis = new AnalysisStore();
