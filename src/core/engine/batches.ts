/**
 * A SELECT's result as record batches plus the number of rows to expect, streamed where the
 * connector can (no second whole copy of a million-row result), else from query().
 */
import type { RecordBatch } from 'apache-arrow';
import type { Connector } from './connector';

export interface ResultBatches {
  /** Rows the result will have (readers allocate this much once). */
  rows: number;
  batches: AsyncIterable<RecordBatch> | Iterable<RecordBatch>;
}

/** `from`: the FROM clause (with any WHERE) the select list reads. */
export async function resultBatches(conn: Connector, select: string, from: string): Promise<ResultBatches> {
  if (conn.stream) {
    // Counting first is cheap (no column is read without a filter) and lets every column be
    // read into one array of the right size.
    const counted = await conn.query(`SELECT count(*)::DOUBLE AS n ${from}`);
    return { rows: Number(counted.getChildAt(0)?.get(0) ?? 0), batches: conn.stream(`SELECT ${select} ${from}`) };
  }
  const table = await conn.query(`SELECT ${select} ${from}`);
  return { rows: table.numRows, batches: table.batches };
}
