/** The analysis spec and result contract (shared/RESULTS.md). */

export type DataSource = { file: string } | { table: string } | { registry: string; table: string } | { dataset: string };

export interface AnalysisSpec {
  plugin: string;
  data: DataSource;
  filter?: string;
  roles: Record<string, string | string[]>;
  options?: Record<string, string | number | boolean>;
}

export type CellValue = string | number | boolean | null;

export type ColumnType = 'text' | 'number' | 'integer' | 'p_value' | 'percent' | 'ci';

export interface ResultColumn {
  key: string;
  label: string;
  /** Chinese label; falls back to `label`. */
  label_zh?: string;
  type: ColumnType;
}

export interface ResultTable {
  title: string;
  title_zh?: string;
  columns: ResultColumn[];
  rows: Record<string, CellValue>[];
  /** Footnotes, e.g. why a cell is null. */
  notes?: string[];
  /** The same footnotes in Chinese, one for one. */
  notes_zh?: string[];
}

export interface ResultFigure {
  id: string;
  title: string;
  title_zh?: string;
  /** A Vega-Lite spec with inline data. */
  spec: Record<string, unknown>;
}

export interface Assumption {
  name: string;
  name_zh?: string;
  statistic?: number | null;
  p_value?: number | null;
  ok: boolean | null;
  message: string;
  message_zh?: string;
}

export interface ResultWarning {
  code: string;
  message: string;
  message_zh?: string;
}

export interface Result {
  plugin: string;
  plugin_version: string;
  title: string;
  title_zh?: string;
  n: { rows: number; used: number; excluded: number };
  tables: Record<string, ResultTable>;
  figures: ResultFigure[];
  assumptions: Assumption[];
  interpretation: { en: string[]; zh: string[] };
  warnings: ResultWarning[];
  r_code: string;
}
