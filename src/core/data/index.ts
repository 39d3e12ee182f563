/** Data import and table management (runs in the engine worker, the CLI and tests). */
export { importFile } from './import';
export { describeTable, tableSource, listTables, previewRows, setColumnType, dropTable } from './tables';
export { readColumnTypes, COLUMNS_META, TABLES_META } from './metadata';
export { MISSING_TOKENS, TRUE_TOKENS, FALSE_TOKENS } from './casts';
export { isCategorical } from './infer';
export type { ColumnInfo, TableInfo, ImportOptions, ProgressFn, FileFormat } from './types';
