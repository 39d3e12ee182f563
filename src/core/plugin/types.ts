/**
 * The plugin contract (DESIGN.md §4). A plugin is a folder plugins/<kind>/<id>/ with
 * manifest.ts (serialisable declaration, loaded eagerly by the UI) and run.ts
 * (computation, loaded lazily in the worker), plus interpret.ts and rcode.ts.
 */
import type { Result } from '../results/types';

/** Text shown to users, always in both languages. */
export interface I18nText {
  en: string;
  zh: string;
}

/** Measurement types, as inferred on import and editable by the user. */
export type MeasureType = 'numeric' | 'integer' | 'boolean' | 'categorical' | 'date' | 'datetime' | 'text';

export type PluginKind = 'method' | 'chart' | 'mining' | 'quality';

export interface RoleSpec {
  /** Role name from RESULTS.md: outcome, group, covariates, variables, x, y, time, event, ... */
  name: string;
  label: I18nText;
  help?: I18nText;
  /** Measurement types the role accepts. */
  types: MeasureType[];
  /** Minimum number of columns (0 = optional). */
  min: number;
  /** Maximum number of columns; 1 = a single column (roles value is a string). */
  max: number;
  /** Exact number of distinct non-missing values required (e.g. 2 for a t-test's group). */
  levels?: number;
  /**
   * How the plugin receives the column: 'categorical' (levels + codes, e.g. a group, even when
   * the column is integer or boolean), 'numeric' (Float64Array), or 'auto' (per column, as R's
   * model formulas treat them: numeric, integer, date and datetime columns as numbers; boolean,
   * categorical and text columns as factors). Default: 'categorical' when `types` includes
   * 'categorical', else 'numeric'.
   */
  as?: 'numeric' | 'categorical' | 'auto';
}

interface OptionBase {
  name: string;
  label: I18nText;
  help?: I18nText;
  /** Show/enable only when another option has one of these values. */
  enableWhen?: { option: string; values: (string | number | boolean)[] };
}
export interface EnumOption extends OptionBase {
  type: 'enum';
  values: { value: string; label: I18nText }[];
  default: string;
}
export interface NumberOption extends OptionBase {
  type: 'number';
  default: number;
  min?: number;
  max?: number;
  /** Exclusive bounds (e.g. conf_level in (0, 1)). */
  exclusiveMin?: boolean;
  exclusiveMax?: boolean;
  integer?: boolean;
}
export interface BooleanOption extends OptionBase {
  type: 'boolean';
  default: boolean;
}
export interface StringOption extends OptionBase {
  type: 'string';
  default: string;
}
export type OptionSpec = EnumOption | NumberOption | BooleanOption | StringOption;
export type OptionValue = string | number | boolean;

export interface PluginManifest {
  /** Dotted id, `<category>.<name>`, e.g. "compare.ttest_ind". Equals the folder path under plugins/<kind>/. */
  id: string;
  kind: PluginKind;
  version: string;
  title: I18nText;
  summary: I18nText;
  help?: I18nText;
  /** Menu category key (describe, compare, categorical, correlate, regress, survival, adjust, chart). */
  category: string;
  keywords: string[];
  roles: RoleSpec[];
  options: OptionSpec[];
  /** Names of the tables the result holds, in display order. */
  outline: string[];
  references: string[];
  /**
   * false: the runner does not drop rows with missing values across roles (e.g. descriptives
   * counts missing per variable); numeric columns then carry NaN and categorical codes -1 for
   * missing. Default true (listwise deletion, RESULTS.md).
   */
  listwise?: boolean;
}

/** One column handed to a plugin, after the filter and listwise deletion. */
export type ColumnData = NumericColumn | CategoricalColumn;

export interface NumericColumn {
  kind: 'numeric';
  name: string;
  type: MeasureType;
  /** numeric/integer as is; boolean as 0/1; date/datetime as epoch milliseconds. */
  values: Float64Array;
}
export interface CategoricalColumn {
  kind: 'categorical';
  name: string;
  type: MeasureType;
  /** Levels in sorted order (R's factor default); `codes[i]` indexes into it. */
  levels: string[];
  codes: Int32Array;
}

export interface RunInput {
  /** Role name -> column (single roles) or columns (multi roles, possibly empty). */
  roles: Record<string, ColumnData | ColumnData[] | undefined>;
  /** Options with defaults filled in and validated. */
  options: Record<string, OptionValue>;
  n: { rows: number; used: number; excluded: number };
}

export interface RunContext {
  /** Report progress in [0, 1] with an optional message. */
  progress(fraction: number, message?: string): void;
  /** Throws a CancelledError when the user cancelled. Call it in long loops. */
  checkCancelled(): void;
  /** Run SQL against the engine (for plugins that aggregate in DuckDB). */
  query?(sql: string): Promise<Record<string, unknown>[]>;
}

/** A problem with the user's input, shown in the UI and returned by the CLI (exit 3). */
export interface InputIssue {
  code: string;
  message: I18nText;
}

/** What run.ts exports. */
export interface PluginRunModule {
  /** Checks the prepared input; any issue stops the run with that message. */
  validate?(input: RunInput): InputIssue[];
  run(ctx: RunContext, input: RunInput): Promise<PluginOutput> | PluginOutput;
}

/** What run() returns: the result without the parts the runner fills in. */
export type PluginOutput = Omit<Result, 'plugin' | 'plugin_version' | 'title' | 'n' | 'interpretation' | 'r_code'> &
  Partial<Pick<Result, 'interpretation'>>;

/** What interpret.ts exports: plain-language sentences from the result. */
export type Interpreter = (result: Result, input: RunInput) => { en: string[]; zh: string[] };

/** What rcode.ts exports: R code reproducing the result from a data frame `d`. */
export type RCodeWriter = (spec: import('../results/types').AnalysisSpec) => string;
