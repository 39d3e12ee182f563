// The method benchmark cases, shared by methods-core.ts (Node) and methods-browser.mjs
// (Chromium): each names its CSV (a key of the files made by methods-data.mjs), the analysis
// spec without its data source, and the R expression timed beside it (over the data frame d).
import { execFileSync } from 'node:child_process';

const xs = (p) => Array.from({ length: p }, (_, j) => `x${j + 1}`);

/** @param {{ regression: string, survival: string, cox: string }} files */
export function methodCases(files) {
  return [
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
}

/** R packages the expressions need. */
export const R_PACKAGES = ['survival'];

export function hasRscript() {
  try {
    execFileSync('Rscript', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Both sides are timed alike: after one warm-up run, the fastest of up to TIMED_RUNS runs,
 * stopping once the runs have taken TIMED_BUDGET_S (one slow run is then enough), as timeit
 * reports the minimum of its repeats. A single timed run let a garbage collection or a late
 * JIT decide a ratio (Cox 100,000 x 10, eight runs in one process: 0.34 0.29 0.20 0.24 0.23
 * 0.26 0.27 0.24 s; R's coxph varies less, 0.43-0.54 s).
 */
export const TIMED_RUNS = 5;
export const TIMED_BUDGET_S = 10;

/** Seconds R takes for `expr` over d <- read.csv(file) (see TIMED_RUNS); null if R fails. */
export function rTime(file, expr, packages = R_PACKAGES) {
  const script = [
    ...packages.map((p) => `suppressPackageStartupMessages(library(${p}))`),
    `d <- read.csv(${JSON.stringify(file)})`,
    `invisible(${expr})`, // warm-up so both sides are measured warm
    'ts <- c()',
    `repeat { ts <- c(ts, system.time(invisible(${expr}))[["elapsed"]]); if (length(ts) >= ${TIMED_RUNS} || sum(ts) >= ${TIMED_BUDGET_S}) break }`,
    'cat(min(ts))',
  ].join('\n');
  try {
    return Number(execFileSync('Rscript', ['-e', script], { encoding: 'utf8', maxBuffer: 1 << 24 }).trim());
  } catch {
    return null;
  }
}
