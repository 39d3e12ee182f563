// Parquet values of every physical/logical kind, with gaps, through the buffer-level Arrow
// builders (arrow-columns.ts) into DuckDB: what goes in comes out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { Connector } from '$core/engine/connector';
import { imp, newConn, rows, typesOf } from './helpers';

let conn: Connector;
beforeAll(async () => {
  conn = await newConn();
});
afterAll(async () => {
  await conn.close();
});

function parquet(): Uint8Array {
  const day = (iso: string) => Math.round(Date.parse(iso + 'T00:00:00Z') / 86_400_000);
  // An explicit schema, as the registry generator writes it (logical annotations for DATE/TIMESTAMP).
  const cols: [string, Record<string, string>, unknown[]][] = [
    ['id', { type: 'INT32' }, [1, 2, 3, 4]],
    ['big', { type: 'INT64' }, [9007199254740993n, null, -5n, 0n]],
    ['score', { type: 'DOUBLE' }, [1.5, null, -2.25, 1e-300]],
    ['name', { type: 'BYTE_ARRAY', converted_type: 'UTF8' }, ['张三', null, 'O\'Brien, "Jr"', '']],
    ['ok', { type: 'BOOLEAN' }, [true, false, null, true]],
    ['born', { type: 'INT32', converted_type: 'DATE' }, [day('1931-05-04'), day('2024-02-29'), null, day('1970-01-01')]],
    ['seen', { type: 'INT64', converted_type: 'TIMESTAMP_MILLIS' }, [Date.parse('2023-01-05T08:30:00.250Z'), null, Date.parse('1969-12-31T23:59:59Z'), 0].map((v) => (v === null ? null : BigInt(v)))],
  ];
  const buf = parquetWriteBuffer({
    schema: [{ name: 'root', num_children: cols.length }, ...cols.map(([name, t]) => ({ name, ...t, repetition_type: 'OPTIONAL' }))],
    columnData: cols.map(([name, , data]) => ({ name, data })),
  } as never);
  return new Uint8Array(buf);
}

describe('Parquet value kinds through typed Arrow buffers', () => {
  it('keeps types, values and gaps', async () => {
    const info = await imp(conn, 'kinds.parquet', parquet());
    expect(typesOf(info)).toMatchObject({ id: 'integer', score: 'numeric', ok: 'boolean', born: 'date', seen: 'datetime' });
    const r = await rows(
      conn,
      `SELECT id, CAST(big AS VARCHAR) AS big, score, name, ok, CAST(born AS VARCHAR) AS born, CAST(seen AS VARCHAR) AS seen FROM ${info.name} ORDER BY id`,
    );
    expect(r).toEqual([
      { id: 1, big: '9007199254740993', score: 1.5, name: '张三', ok: true, born: '1931-05-04', seen: '2023-01-05 08:30:00.25' },
      { id: 2, big: null, score: null, name: null, ok: false, born: '2024-02-29', seen: null },
      { id: 3, big: '-5', score: -2.25, name: 'O\'Brien, "Jr"', ok: null, born: null, seen: '1969-12-31 23:59:59' },
      { id: 4, big: '0', score: 1e-300, name: '', ok: true, born: '1970-01-01', seen: '1970-01-01 00:00:00' },
    ]);
  });
});
