/**
 * Method benchmarks, end to end from a DuckDB table to the Result (the runner: SQL, typed
 * arrays, the plugin, interpretation and R code), beside R's own call on the same CSV when
 * Rscript is on the machine. Prints figures and ratios; asserts nothing.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createNodeConnector } from '../../src/core/engine/duckdb-node';
import { importFile } from '../../src/core/data';
import { runAnalysis } from '../../src/core/plugin/runner';
import { manifests } from '../../src/core/plugin/registry';
import { CancelToken } from '../../src/core/errors';
import type { AnalysisSpec } from '../../src/core/results/types';

interface Case {
  name: string;
  file: string;
  spec: Omit<AnalysisSpec, 'data'>;
  /** R expression timed with system.time, over the data frame d. */
  r: string;
}

function hasRscript(): boolean {
  try {
    execFileSync('Rscript', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function rTime(file: string, expr: string, packages: string[]): number | null {
  const script = [
    ...packages.map((p) => `suppressPackageStartupMessages(library(${p}))`),
    `d <- read.csv(${JSON.stringify(file)})`,
    `invisible(${expr})`, // warm-up so both sides are measured warm
    `t <- system.time(invisible(${expr}))[["elapsed"]]`,
    'cat(t)',
  ].join('\n');
  try {
    return Number(execFileSync('Rscript', ['-e', script], { encoding: 'utf8', maxBuffer: 1 << 24 }).trim());
  } catch {
    return null;
  }
}

export async function bench(files: Record<string, string>): Promise<void> {
  const xs = (p: number) => Array.from({ length: p }, (_, j) => `x${j + 1}`);
  const cases: Case[] = [
    { name: 'Cox (Efron) 100,000 x 10', file: files.cox, spec: { plugin: 'survival.cox', roles: { time: 'time', event: 'status', covariates: xs(10) } },
      r: `coxph(Surv(time, status) ~ ${xs(10).join(' + ')}, data = d, ties = "efron")` },
    { name: 'Logistic 1,000,000 x 20', file: files.regression, spec: { plugin: 'regress.logistic', roles: { outcome: 'yb', covariates: xs(20) } },
      r: `glm(yb ~ ${xs(20).join(' + ')}, data = d, family = binomial)` },
    { name: 'Linear 1,000,000 x 20', file: files.regression, spec: { plugin: 'regress.linear', roles: { outcome: 'y', covariates: xs(20) } },
      r: `summary(lm(y ~ ${xs(20).join(' + ')}, data = d))` },
    { name: 'Kaplan-Meier + log-rank 1,000,000', file: files.survival, spec: { plugin: 'survival.km', roles: { time: 'time', event: 'status', strata: 'group' } },
      r: 'list(survfit(Surv(time, status) ~ group, data = d), survdiff(Surv(time, status) ~ group, data = d))' },
    { name: 'Wilcoxon rank-sum 1,000,000', file: files.regression, spec: { plugin: 'compare.mann_whitney', roles: { outcome: 'y', group: 'yb' } },
      r: 'wilcox.test(y ~ yb, data = d, conf.int = TRUE)' },
    { name: 'Spearman 1,000,000', file: files.regression, spec: { plugin: 'correlate.spearman', roles: { x: 'x1', y: 'y' } },
      r: 'cor.test(d$x1, d$y, method = "spearman", exact = FALSE)' },
  ];
  const known = new Set(manifests.map((m) => m.id));
  const withR = hasRscript();
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
    const t0 = performance.now();
    await runAnalysis(conn, spec, { table, origin });
    const secs = (performance.now() - t0) / 1000;
    let line = `${c.name.padEnd(40)} ${secs.toFixed(2).padStart(9)}s`;
    if (withR) {
      const r = rTime(c.file, c.r, ['survival']);
      line += r === null ? '   R failed' : ` ${r.toFixed(2).padStart(9)}s ${(secs / r).toFixed(2).padStart(7)}x`;
    }
    console.log(line);
  }
  await conn.close();
}
