/**
 * Registry benchmarks in Node: open (manifest + every table into DuckDB), the catalogue
 * completeness scan over all variables, and one patient's timeline.
 */
import { createNodeConnector } from '../../src/core/engine/duckdb-node';
import { CancelToken } from '../../src/core/errors';
import { folderSession } from './folder-session';

function line(name: string, value: string, unit: string) {
  console.log(`${name.padEnd(48)} ${value.padStart(10)} ${unit}`);
}

export async function bench(folder: string, label: string): Promise<void> {
  // A one-entry index pointing at the folder, as a site's index.json would.
  const { session, root, id } = folderSession(folder);
  const conn = await createNodeConnector();
  let t = performance.now();
  await session.open(root, id);
  await session.ensureTables(conn, id, undefined, () => {}, new CancelToken());
  line(`registry ${label}: open (all tables) in Node`, ((performance.now() - t) / 1000).toFixed(1), 's');
  t = performance.now();
  const s = await session.summary(conn, id);
  line(`registry ${label}: catalogue scan (${s.length} variables)`, ((performance.now() - t) / 1000).toFixed(1), 's');
  const [p] = await session.patients(conn, id, '', 1);
  await session.timeline(conn, id, p.patient_id as number); // warm
  t = performance.now();
  const tl = await session.timeline(conn, id, p.patient_id as number);
  line(`registry ${label}: one patient's timeline (${tl.events.length} events)`, (performance.now() - t).toFixed(0), 'ms');
  await conn.close();
}
