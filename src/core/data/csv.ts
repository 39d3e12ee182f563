/**
 * Delimited text (CSV, TSV, semicolon, pipe) into a staging table: numbers (DOUBLE) and
 * true/false columns (BOOLEAN) parsed natively by DuckDB, everything else as text (VARCHAR).
 *
 * The header is read in JavaScript; the data goes through DuckDB's read_csv in chunks of about
 * CHUNK_BYTES cut at record boundaries (quote-aware), so progress is reported and Cancel honoured
 * between chunks. read_csv runs strict (strict_mode=true, null_padding=false, ignore_errors=false,
 * auto_detect=false), so a row with too many or too few fields is an error, translated into a
 * UserError naming the physical line. Non-UTF-8 text (GB18030) is transcoded chunk by chunk.
 */
import { ident, literal, type Connector } from '../engine/connector';
import { UserError, type CancelToken } from '../errors';
import { MISSING_TOKENS, missingToNull } from './casts';
import { countNewlines, detectDelimiter, isBlank, parseRecords, recordStart, splitAtRecords } from './csv-scan';
import { assertLooksLikeText, decodeText, detectEncoding, toUtf8, type TextEncoding } from './encoding';
import { extensionOf, fixColumnNames } from './names';
import type { ImportOptions, ProgressFn } from './types';

/** Bytes per read_csv call: larger chunks cost less per call, smaller ones report progress more often. */
export let CHUNK_BYTES = 24 * 1024 * 1024;
/** For tests and tuning. */
export function setChunkBytes(n: number): void {
  CHUNK_BYTES = n;
}

export interface CsvResult {
  columns: string[];
  rows: number;
  encoding: TextEncoding;
  delimiter: string;
}

const LF = 0x0a;
const CR = 0x0d;

let fileCounter = 0;

export function emptyFileError(fileName: string): UserError {
  return new UserError('data', 'empty_file', {
    en: `The file "${fileName}" is empty.`,
    zh: `文件"${fileName}"是空的。`,
  });
}

function noRowsError(fileName: string): UserError {
  return new UserError('data', 'no_rows', {
    en: `The file "${fileName}" has a header but no data rows.`,
    zh: `文件"${fileName}"只有表头，没有数据行。`,
  });
}

/**
 * Loads delimited text into the table `raw`: one column per header field (DOUBLE, BOOLEAN or
 * VARCHAR), missing tokens already NULL. `share` of the overall progress goes to this step.
 */
export async function loadCsv(
  conn: Connector,
  source: { name: string; bytes: Uint8Array },
  raw: string,
  options: ImportOptions,
  progress: ProgressFn,
  cancel: CancelToken,
  share = 0.85,
): Promise<CsvResult> {
  const enc = detectEncoding(source.bytes, options.encoding);
  let bytes = source.bytes;
  assertLooksLikeText(bytes.subarray(enc.bom), source.name, enc);
  let start = enc.bom;
  let chunkEncoding: TextEncoding = enc.encoding;
  if (enc.encoding === 'utf-16le' || enc.encoding === 'utf-16be') {
    // '\n' is not a safe cut point in UTF-16: convert the whole file first.
    bytes = toUtf8(bytes.subarray(enc.bom), enc.encoding);
    start = 0;
    chunkEncoding = 'utf-8';
  }
  // Skip leading blank lines.
  while (start < bytes.length && (bytes[start] === LF || bytes[start] === CR)) start++;
  if (isBlank(bytes, start)) throw emptyFileError(source.name);

  // Header: the first record.
  let dataStart = recordStart(bytes, start, bytes.length, 2);
  if (dataStart < 0) dataStart = bytes.length;
  const headerText = decodeText(bytes.subarray(start, dataStart), chunkEncoding);
  const sampleEnd = Math.min(bytes.length, dataStart + 64 * 1024);
  const sample = headerText + decodeText(bytes.subarray(dataStart, sampleEnd), chunkEncoding);
  const delimiter = options.delimiter ?? detectDelimiter(sample, extensionOf(source.name) === 'tsv');
  const header = parseRecords(headerText, delimiter, 1)[0]?.fields ?? [''];
  const columns = fixColumnNames(header);
  if (isBlank(bytes, dataStart)) throw noRowsError(source.name);

  // Column storage types come from DuckDB's sniffer on the first chunk, then each chunk is read
  // with those types fixed (native parsing is ~4x faster than casting text afterwards). A value
  // that does not fit its column's type widens that column (DOUBLE -> VARCHAR, BOOLEAN -> VARCHAR)
  // in the chunks read so far and the chunk is read again. Integers are read as DOUBLE, because
  // DuckDB's CSV reader silently rounds "2.5" in a BIGINT column; import.ts turns all-integral
  // DOUBLE columns into integers afterwards.
  const nullstr = '[' + MISSING_TOKENS.map(literal).join(', ') + ']';
  const chunks = splitAtRecords(bytes, dataStart, CHUNK_BYTES);
  const total = bytes.length - dataStart;
  const readOptions = `delim=${literal(delimiter)}, quote='"', escape='"', header=false, nullstr=${nullstr}`;
  const readChunks = async (types: StorageType[] | null, stages: string[]): Promise<StorageType[]> => {
    let done = 0;
    for (const [s, e] of chunks) {
      cancel.throwIfCancelled();
      const file = `__import_${++fileCounter}.csv`;
      const stage = `${raw}__part${stages.length}`;
      const piece = chunkEncoding === 'utf-8' ? bytes.subarray(s, e) : toUtf8(bytes.subarray(s, e), chunkEncoding);
      await conn.registerFile(file, piece);
      try {
        types ??= await sniffTypes(conn, file, columns.length, readOptions);
        for (;;) {
          const colDefs = types.map((t, i) => `'c${i}': '${t}'`).join(', ');
          try {
            await conn.query(
              `CREATE TABLE ${ident(stage)} AS SELECT * FROM read_csv(${literal(file)}, ${readOptions}, ` +
                `auto_detect=false, strict_mode=true, null_padding=false, ignore_errors=false, columns={${colDefs}})`,
            );
            break;
          } catch (err) {
            const widened = widenFor(err, types);
            if (!widened) throw err;
            for (const prev of stages) await conn.query(`ALTER TABLE ${ident(prev)} ALTER ${ident(`c${widened.index}`)} TYPE VARCHAR`);
            types = widened.types;
          }
        }
        stages.push(stage);
      } catch (err) {
        throw translateCsvError(err, bytes, s, e, columns.length, delimiter, chunkEncoding, source.name);
      } finally {
        await conn.dropFile(file);
      }
      done += e - s;
      progress((share * 0.85 * done) / total, `Reading ${source.name}: ${Math.round((100 * done) / total)}%`);
    }
    return types ?? Array(columns.length).fill('VARCHAR');
  };
  const stages: string[] = [];
  const dropStages = async () => {
    if (stages.length) await conn.query(stages.splice(0).map((t) => `DROP TABLE IF EXISTS ${ident(t)}`).join('; '));
  };
  try {
    let types = await readChunks(null, stages);
    // Whole numbers beyond 2^53 (18-digit IDs) do not survive DOUBLE: read those columns as text.
    const huge = await hugeNumberColumns(conn, stages, types);
    if (huge.length) {
      await dropStages();
      types = await readChunks(types.map((t, i) => (huge.includes(i) ? 'VARCHAR' : t)), stages);
    }
    cancel.throwIfCancelled();
    // Text columns get the trimmed missing tokens (read_csv's nullstr catches the exact ones).
    const select = columns
      .map((c, i) => `${types[i] === 'VARCHAR' ? missingToNull(`c${i}`) : `c${i}`} AS ${ident(c)}`)
      .join(', ');
    // One materialised copy: inference and the typed table read it several times (a view over
    // the chunks would redo the missing-token work on every read; measured slower).
    const union = stages.map((t) => `SELECT * FROM ${ident(t)}`).join(' UNION ALL ');
    await conn.query(`CREATE TABLE ${ident(raw)} AS SELECT ${select} FROM (${union})`);
    progress(share, `Read ${source.name}`);
  } finally {
    await dropStages();
  }
  const n = Number((await conn.query(`SELECT count(*) AS n FROM ${ident(raw)}`)).get(0)!.toJSON().n);
  if (n === 0) throw noRowsError(source.name);
  return { columns, rows: n, encoding: enc.encoding, delimiter };
}

/** Indexes of DOUBLE columns holding a magnitude of 2^53 or more (no longer exact in a double). */
async function hugeNumberColumns(conn: Connector, stages: string[], types: StorageType[]): Promise<number[]> {
  const doubles = types.flatMap((t, i) => (t === 'DOUBLE' ? [i] : []));
  if (!doubles.length || !stages.length) return [];
  const union = stages.map((t) => `SELECT * FROM ${ident(t)}`).join(' UNION ALL ');
  const exprs = doubles.map((i) => `coalesce(max(abs(c${i})) >= 9007199254740992, false) AS h${i}`).join(', ');
  const row = (await conn.query(`SELECT ${exprs} FROM (${union})`)).get(0)!.toJSON();
  return doubles.filter((i) => row[`h${i}`] === true);
}

/** Storage types a CSV column is read as. */
type StorageType = 'DOUBLE' | 'BOOLEAN' | 'VARCHAR';

/** DuckDB's sniffer on one chunk, mapped to the storage types this loader reads with. */
async function sniffTypes(conn: Connector, file: string, count: number, readOptions: string): Promise<StorageType[]> {
  const names = '[' + Array.from({ length: count }, (_, i) => `'c${i}'`).join(', ') + ']';
  try {
    const described = await conn.query(
      `DESCRIBE SELECT * FROM read_csv(${literal(file)}, ${readOptions}, auto_detect=true, names=${names}, ` +
        `auto_type_candidates=['BOOLEAN', 'BIGINT', 'DOUBLE', 'VARCHAR'])`,
    );
    const types = described.toArray().map((r) => String(r.toJSON().column_type));
    if (types.length !== count) return Array(count).fill('VARCHAR');
    return types.map((t) => (t === 'BIGINT' || t === 'DOUBLE' ? 'DOUBLE' : t === 'BOOLEAN' ? 'BOOLEAN' : 'VARCHAR'));
  } catch {
    // The strict read below reports what is wrong with the file; here, fall back to text.
    return Array(count).fill('VARCHAR');
  }
}

/** For a conversion error, the same types with the offending column widened to VARCHAR. */
function widenFor(err: unknown, types: StorageType[]): { index: number; types: StorageType[] } | null {
  const msg = err instanceof Error ? err.message : String(err);
  const m = /Error when converting column "c(\d+)"/.exec(msg);
  if (!m) return null;
  const index = Number(m[1]);
  if (!(index < types.length) || types[index] === 'VARCHAR') return null;
  const next = [...types];
  next[index] = 'VARCHAR';
  return { index, types: next };
}

/** Turns a read_csv error into a UserError that names the physical line of the file. */
function translateCsvError(
  err: unknown,
  bytes: Uint8Array,
  s: number,
  e: number,
  headerCount: number,
  delimiter: string,
  encoding: TextEncoding,
  fileName: string,
): unknown {
  const msg = err instanceof Error ? err.message : String(err);
  const m = /CSV Error on Line: (\d+)/.exec(msg);
  if (!m) return err;
  const record = Number(m[1]);
  const off = recordStart(bytes, s, e, record);
  // Physical line: lines before the record, plus one (the header is line 1 of the file).
  const line = off >= 0 ? countNewlines(bytes, 0, off) + 1 : undefined;
  const where = line ? { en: `Line ${line}`, zh: `第 ${line} 行` } : { en: 'A line', zh: '某一行' };
  if (/unterminated quote/i.test(msg)) {
    return new UserError('data', 'csv_quote', {
      en: `${where.en} of "${fileName}" has a quote (") that is never closed.`,
      zh: `文件"${fileName}"${where.zh}有未闭合的引号（"）。`,
    });
  }
  if (/Expected Number of Columns/i.test(msg)) {
    let found: number | undefined;
    if (off >= 0) {
      const text = decodeText(bytes.subarray(off, Math.min(e, off + 1024 * 1024)), encoding);
      found = parseRecords(text, delimiter, 1)[0]?.fields.length;
    }
    const f = found ?? Number(/Found: (\d+)/.exec(msg)?.[1] ?? NaN);
    const delimName = delimiter === '\t' ? 'tab' : `"${delimiter}"`;
    return new UserError('data', 'csv_ragged', {
      en: `${where.en} has ${f} field${f === 1 ? '' : 's'}; the header has ${headerCount}. Check for a missing or extra ${delimName} on that line in "${fileName}".`,
      zh: `${where.zh}有 ${f} 个字段，而表头有 ${headerCount} 个。请检查文件"${fileName}"该行是否缺少或多出分隔符（${delimiter === '\t' ? '制表符' : delimiter}）。`,
    });
  }
  const first = msg.split('\n')[0].replace(/^Invalid Input Error:\s*/, '');
  return new UserError('data', 'csv_error', {
    en: `${where.en} of "${fileName}" could not be read: ${first}`,
    zh: `无法读取文件"${fileName}"${where.zh}：${first}`,
  });
}
