import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '$core/engine/connector';
import { CancelledError, CancelToken } from '$core/errors';
import { importFile } from '$core/data';
import { setChunkBytes, CHUNK_BYTES } from '$core/data/csv';
import { bytesOf, newConn, tableNames } from './helpers';

let conn: Connector;
const saved = CHUNK_BYTES;
beforeAll(async () => {
  conn = await newConn();
  setChunkBytes(256 * 1024); // ~2.5 MB file -> about 10 chunks
});
afterAll(async () => {
  setChunkBytes(saved);
  await conn.close();
});

function bigCsv(n: number): Uint8Array {
  const parts = ['id,arm,age,sbp,visit,note\n'];
  for (let i = 1; i <= n; i++) {
    const note = i % 1000 === 0 ? `"multi\nline, ${i}"` : `n${i % 7}`;
    parts.push(`${i},${i % 2 ? 'A' : 'B'},${20 + (i % 60)},${(110 + (i % 50) / 3).toFixed(2)},2023-${String((i % 12) + 1).padStart(2, '0')}-15,${note}\n`);
  }
  return bytesOf(parts.join(''));
}

describe('a 50,000-row CSV', () => {
  const data = bigCsv(50_000);

  it('imports in chunks with increasing progress', async () => {
    const seen: number[] = [];
    const info = await importFile(conn, { name: 'big.csv', bytes: data }, {}, (f) => seen.push(f), new CancelToken());
    expect(info.rows).toBe(50_000);
    expect(info.columns.map((c) => c.type)).toEqual(['integer', 'categorical', 'integer', 'numeric', 'date', 'categorical']);
    expect(seen.length).toBeGreaterThan(8);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]);
    expect(seen[seen.length - 1]).toBe(1);
    const t = await conn.query(`SELECT count(*) FILTER (WHERE note LIKE 'multi%') AS m FROM big`);
    expect(Number(t.get(0)!.toJSON().m)).toBe(50);
    // Chunks keep file order (the raw table is positionally aligned with the typed one).
    const o = await conn.query(`SELECT bool_and(id = rowid + 1) AS ok FROM big`);
    expect(o.get(0)!.toJSON().ok).toBe(true);
    // The raw table keeps only the text columns, row-aligned with the typed table.
    const r = await conn.query(`SELECT bool_and(CAST(r.visit AS DATE) = b.visit) AS ok FROM big b POSITIONAL JOIN __raw_big r`);
    expect(r.get(0)!.toJSON().ok).toBe(true);
  });

  it('cancels between chunks and leaves no partial table', async () => {
    const before = await tableNames(conn);
    const token = new CancelToken();
    let calls = 0;
    const p = importFile(conn, { name: 'big.csv', bytes: data }, {}, () => {
      if (++calls === 3) token.cancel();
    }, token);
    await expect(p).rejects.toBeInstanceOf(CancelledError);
    expect(await tableNames(conn)).toEqual(before);
  });
});
