import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createNodeConnector } from '../../src/core/engine/duckdb-node';
import { importFile } from '../../src/core/data';
import { runAnalysis } from '../../src/core/plugin/runner';
import { CancelToken } from '../../src/core/errors';

function line(name: string, value: string, unit: string) {
  console.log(`${name.padEnd(48)} ${value.padStart(10)} ${unit}`);
}

export async function bench(file: string): Promise<void> {
  const conn = await createNodeConnector();
  const bytes = new Uint8Array(readFileSync(file));
  let t = performance.now();
  const info = await importFile(conn, { name: path.basename(file), bytes }, {}, () => {}, new CancelToken());
  line(`import ${info.rows.toLocaleString('en-US')}-row CSV in Node`, ((performance.now() - t) / 1000).toFixed(1), 's');
  t = performance.now();
  await runAnalysis(conn, { plugin: 'compare.ttest_ind', data: { table: info.name }, roles: { outcome: 'sbp', group: 'sex' } }, {
    table: info.name,
    origin: { file, format: 'csv' },
  });
  line(`t-test over ${info.rows.toLocaleString('en-US')} rows (runner, Node)`, (performance.now() - t).toFixed(0), 'ms');
  t = performance.now();
  await runAnalysis(conn, { plugin: 'describe.descriptives', data: { table: info.name }, roles: { variables: ['age', 'sbp', 'dbp', 'hba1c', 'ldl', 'bmi'] } }, {
    table: info.name,
    origin: { file, format: 'csv' },
  });
  line(`descriptives of 6 variables over ${info.rows.toLocaleString('en-US')} rows`, (performance.now() - t).toFixed(0), 'ms');
  await conn.close();
}
