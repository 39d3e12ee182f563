/**
 * Method benchmarks, end to end from a DuckDB table to the Result (the runner: SQL, typed
 * arrays, the plugin, interpretation and R code), beside R's own call on the same CSV when
 * Rscript is on the machine. Prints figures and ratios; asserts nothing.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { createNodeConnector } from '../../src/core/engine/duckdb-node';
import { importFile } from '../../src/core/data';
import { runAnalysis } from '../../src/core/plugin/runner';
import { manifests } from '../../src/core/plugin/registry';
import { CancelToken } from '../../src/core/errors';
import type { AnalysisSpec } from '../../src/core/results/types';
// Plain JavaScript, shared with methods-browser.mjs.
import { hasRscript, methodCases, rTime, TIMED_BUDGET_S, TIMED_RUNS } from './method-cases.mjs';

interface Case {
  name: string;
  file: string;
  spec: Omit<AnalysisSpec, 'data'>;
  /** R expression timed with system.time, over the data frame d. */
  r: string;
}

/**
 * Environment knobs (for profiling; the defaults are the full benchmark):
 * METHODS_ONLY=cox,linear (cases whose name contains any of these, case-insensitive),
 * METHODS_NO_R=1 (skip R), METHODS_REPEAT=5 (timed runs per case, default as R's: TIMED_RUNS within
 * TIMED_BUDGET_S; the fastest is shown),
 * METHODS_PROFILE=dir (a V8 CPU profile of each case's last timed run, written to dir),
 * METHODS_CPU=1 (also print the process CPU time of the fastest run: less sensitive to load),
 * METHODS_EACH=1 (print every timed run: how much a case varies).
 */
export async function bench(files: Record<string, string>): Promise<void> {
  const only = (process.env.METHODS_ONLY ?? '').toLowerCase().split(',').map((s) => s.trim()).filter(Boolean);
  const cases: Case[] = methodCases(files).filter((c: Case) => !only.length || only.some((o) => c.name.toLowerCase().includes(o)));
  const known = new Set(manifests.map((m) => m.id));
  const withR = hasRscript() && !process.env.METHODS_NO_R;
  const repeat = Math.max(1, Number(process.env.METHODS_REPEAT ?? TIMED_RUNS) || TIMED_RUNS);
  const conn = await createNodeConnector();
  const tables = new Map<string, string>();
  console.log(`\n${'method'.padEnd(40)} ${'workbench'.padStart(10)} ${withR ? 'R'.padStart(10) + ' ' + 'ratio'.padStart(7) : '(Rscript not found: no R comparison)'}`);
  for (const c of cases) {
    if (!known.has(c.spec.plugin)) {
      console.log(`${c.name.padEnd(40)} (plugin ${c.spec.plugin} not available)`);
      continue;
    }
    if (!tables.has(c.file)) {
      const info = await importFile(conn, { name: path.basename(c.file), bytes: new Uint8Array(readFileSync(c.file)) }, {}, () => {}, new CancelToken());
      tables.set(c.file, info.name);
    }
    const table = tables.get(c.file)!;
    const spec = { ...c.spec, data: { table } } as AnalysisSpec;
    const origin = { file: c.file, format: 'csv' };
    await runAnalysis(conn, spec, { table, origin }); // warm-up
    let secs = Infinity;
    let cpu = Infinity;
    const profileDir = process.env.METHODS_PROFILE;
    let spent = 0;
    for (let k = 0; k < repeat && spent < TIMED_BUDGET_S; k++) {
      const session = profileDir && k === repeat - 1 ? new Session() : null;
      if (session) {
        session.connect();
        await session.post('Profiler.enable');
        await session.post('Profiler.start');
      }
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      await runAnalysis(conn, spec, { table, origin });
      const took = (performance.now() - t0) / 1000;
      if (process.env.METHODS_EACH) console.log(`  run ${k + 1}: ${took.toFixed(3)} s`);
      secs = Math.min(secs, took);
      spent += took;
      const c1 = process.cpuUsage(c0);
      cpu = Math.min(cpu, (c1.user + c1.system) / 1e6);
      if (session) {
        const { profile } = await session.post('Profiler.stop');
        mkdirSync(profileDir!, { recursive: true });
        writeFileSync(path.join(profileDir!, `${c.spec.plugin}.cpuprofile`), JSON.stringify(profile));
        session.disconnect();
      }
    }
    let line = `${c.name.padEnd(40)} ${secs.toFixed(2).padStart(9)}s`;
    if (process.env.METHODS_CPU) line += ` (cpu ${cpu.toFixed(2)}s)`;
    if (withR) {
      const r = rTime(c.file, c.r, ['survival']);
      line += r === null ? '   R failed' : ` ${r.toFixed(2).padStart(9)}s ${(secs / r).toFixed(2).padStart(7)}x`;
    }
    console.log(line);
  }
  await conn.close();
}
