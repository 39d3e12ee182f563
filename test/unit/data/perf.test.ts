/**
 * Timing of a large CSV import; runs only with CLINSTAT_PERF_CSV=/path/to/file.csv
 * (e.g. 1,000,000 rows x 20 columns). Not part of the normal suite.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { CancelToken } from '$core/errors';
import { importFile } from '$core/data';
import { setChunkBytes } from '$core/data/csv';
import { newConn } from './helpers';

const file = process.env.CLINSTAT_PERF_CSV;

describe.skipIf(!file)('large CSV timing', () => {
  it('imports', async () => {
    const bytes = new Uint8Array(readFileSync(file!));
    if (process.env.CLINSTAT_PERF_CHUNK) setChunkBytes(Number(process.env.CLINSTAT_PERF_CHUNK) * 1024 * 1024);
    const conn = await newConn();
    const t0 = performance.now();
    const marks: string[] = [];
    const info = await importFile(conn, { name: 'perf.csv', bytes }, {}, (f, m) => marks.push(`${((performance.now() - t0) / 1000).toFixed(2)}s ${f.toFixed(2)} ${m}`), new CancelToken());
    const secs = (performance.now() - t0) / 1000;
    console.log(marks.join('\n'));
    console.log(`rows=${info.rows} cols=${info.columns.length} MB=${(bytes.length / 1e6).toFixed(0)} seconds=${secs.toFixed(2)}`);
    console.log(info.columns.map((c) => `${c.name}:${c.type}`).join(' '));
    expect(info.rows).toBeGreaterThan(0);
    await conn.close();
  }, 600_000);
});
