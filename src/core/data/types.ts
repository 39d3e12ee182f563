import type { MeasureType } from '../plugin/types';

/** 'dataset': an analysis dataset built in the workbench (`file` is its name, the base of its export files). */
export type FileFormat = 'csv' | 'xlsx' | 'parquet' | 'arrow' | 'json' | 'dataset';

export interface ColumnInfo {
  name: string;
  /** Measurement type (inferred on import, changeable by the user). */
  type: MeasureType;
  /** DuckDB type of the stored column, e.g. DOUBLE, BIGINT, VARCHAR, DATE. */
  sqlType: string;
  /** Count of missing values (NULL after missing-token handling). */
  missing: number;
  /** Count of distinct non-missing values. */
  distinct: number;
}

export interface TableInfo {
  /** SQL table name (unique in the engine, derived from the file name). */
  name: string;
  rows: number;
  columns: ColumnInfo[];
  source: {
    file: string;
    format: FileFormat;
    /** Text encoding detected for CSV/TSV/JSON: "utf-8", "gb18030", ... */
    encoding?: string;
    delimiter?: string;
    /** Excel: the sheet read, and all sheets in the workbook (for the sheet picker). */
    sheet?: string;
    sheets?: string[];
  };
}

export interface ImportOptions {
  /** Name for the SQL table; defaults to one derived from the file name. */
  tableName?: string;
  /** Excel sheet to read (default: the first). */
  sheet?: string;
  /** Override detection. */
  delimiter?: string;
  encoding?: string;
}

export type ProgressFn = (fraction: number, message: string) => void;
