/**
 * Data-quality benchmark in Node: the full check suite (generic checks + the manifest's rules)
 * over a registry already loaded into DuckDB, with progress printed per step. Reports figures
 * only; the target is under 30 s for 100,000 patients.
 */
import { createNodeConnector } from '../../src/core/engine/duckdb-node';
import { CancelToken } from '../../src/core/errors';
import { runQuality } from '../../src/core/quality/runner';
import { folderSession } from './folder-session';

function line(name: string, value: string, unit: string) {
  console.log(`${name.padEnd(48)} ${value.padStart(10)} ${unit}`);
}

export async function bench(folder: string, label: string): Promise<void> {
  const { session, root, id } = folderSession(folder);
  const conn = await createNodeConnector();
  try {
    const manifest = await session.open(root, id);
    let t = performance.now();
    await session.ensureTables(conn, id, undefined, () => {}, new CancelToken());
    line(`quality ${label}: load tables`, ((performance.now() - t) / 1000).toFixed(1), 's');
    // QUALITY_PROFILE=1: the slowest queries, to see where a step's time goes.
    const timings: { ms: number; sql: string }[] = [];
    if (process.env.QUALITY_PROFILE) {
      const query = conn.query.bind(conn);
      conn.query = async (sql: string) => {
        const t0 = performance.now();
        try {
          return await query(sql);
        } finally {
          timings.push({ ms: performance.now() - t0, sql: sql.replace(/\s+/g, ' ') });
        }
      };
    }
    t = performance.now();
    // Progress per step, with the time the previous step took (where the time goes).
    let prev = t;
    let prevMessage = '';
    const report = await runQuality({
      conn, manifest, registryId: id, config: { disabled: [], thresholds: {}, userRules: [] },
      progress: (f, m) => {
        const now = performance.now();
        if (prevMessage) console.log(`  ${String(Math.round(f * 100)).padStart(3)}%  ${((now - prev) / 1000).toFixed(2).padStart(6)} s  ${prevMessage}`);
        prev = now;
        prevMessage = m;
      },
    });
    const s = (performance.now() - t) / 1000;
    const failed = report.summaries.filter((x) => !x.passed).length;
    for (const q of timings.sort((a, b) => b.ms - a.ms).slice(0, 40)) console.log(`  ${q.ms.toFixed(0).padStart(6)} ms  ${q.sql.slice(0, 400)}`);
    line(`quality ${label}: full check suite`, s.toFixed(1), `s (${report.summaries.length} verdicts, ${failed} failed, ${report.findings.length} findings kept)`);
  } finally {
    await conn.close();
  }
}
