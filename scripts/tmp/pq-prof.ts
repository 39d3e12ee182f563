import { readFile } from 'node:fs/promises';
import { readParquet } from '../../src/core/data/parquet';
import { createNodeConnector } from '../../src/core/engine/duckdb-node';
export async function main(files: string[]) {
  const conn = await createNodeConnector();
  for (const f of files) {
    const bytes = new Uint8Array(await readFile(f));
    let ins = 0; let n = 0;
    const t = performance.now();
    await readParquet(bytes, f, async (ipc, first) => {
      const t1 = performance.now();
      await conn.insertArrowIPC('x', ipc, first);
      ins += performance.now() - t1; n++;
    });
    const total = performance.now() - t;
    console.log(f.split('/').pop(), 'total', total.toFixed(0), 'ms, insert', ins.toFixed(0), 'batches', n);
    await conn.query('DROP TABLE IF EXISTS x');
  }
  await conn.close();
}
