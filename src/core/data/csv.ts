/**
 * Delimited text (CSV, TSV, semicolon, pipe) into a raw all-VARCHAR table.
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

/** Bytes per read_csv call; ~8-16 MB balances per-call overhead against progress granularity. */
export let CHUNK_BYTES = 16 * 1024 * 1024;
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
 * Loads delimited text into `raw` (created here): one VARCHAR column per header field, missing
 * tokens already NULL. `fraction` of the overall progress goes to this step.
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

  // Each chunk goes into its own staging table (CREATE TABLE AS is ~3x faster than INSERT INTO
  // in DuckDB-WASM); one final CREATE TABLE AS over their UNION ALL (in order) makes the raw table
  // and applies the trimmed missing tokens (read_csv's nullstr already catches the exact ones).
  const colDefs = columns.map((_, i) => `'c${i}': 'VARCHAR'`).join(', ');
  const nullstr = '[' + MISSING_TOKENS.map(literal).join(', ') + ']';
  const chunks = splitAtRecords(bytes, dataStart, CHUNK_BYTES);
  const total = bytes.length - dataStart;
  const stages: string[] = [];
  let done = 0;
  try {
    for (const [s, e] of chunks) {
      cancel.throwIfCancelled();
      const file = `__import_${++fileCounter}.csv`;
      const stage = `${raw}__part${stages.length}`;
      const piece = chunkEncoding === 'utf-8' ? bytes.subarray(s, e) : toUtf8(bytes.subarray(s, e), chunkEncoding);
      await conn.registerFile(file, piece);
      try {
        await conn.query(
          `CREATE TABLE ${ident(stage)} AS SELECT * FROM read_csv(${literal(file)}, delim=${literal(delimiter)}, quote='"', escape='"', ` +
            `header=false, auto_detect=false, strict_mode=true, null_padding=false, ignore_errors=false, ` +
            `nullstr=${nullstr}, columns={${colDefs}})`,
        );
        stages.push(stage);
      } catch (err) {
        throw translateCsvError(err, bytes, s, e, columns.length, delimiter, chunkEncoding, source.name);
      } finally {
        await conn.dropFile(file);
      }
      done += e - s;
      progress((share * 0.85 * done) / total, `Reading ${source.name}: ${Math.round((100 * done) / total)}%`);
    }
    cancel.throwIfCancelled();
    const select = columns.map((c, i) => `${missingToNull(`c${i}`)} AS ${ident(c)}`).join(', ');
    const union = stages.map((t) => `SELECT * FROM ${ident(t)}`).join(' UNION ALL ');
    await conn.query(`CREATE TABLE ${ident(raw)} AS SELECT ${select} FROM (${union})`);
    progress(share, `Read ${source.name}`);
  } finally {
    if (stages.length) await conn.query(stages.map((t) => `DROP TABLE IF EXISTS ${ident(t)}`).join('; '));
  }
  const n = Number((await conn.query(`SELECT count(*) AS n FROM ${ident(raw)}`)).get(0)!.toJSON().n);
  if (n === 0) throw noRowsError(source.name);
  return { columns, rows: n, encoding: enc.encoding, delimiter };
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
