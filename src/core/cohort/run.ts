/**
 * Runs a compiled definition against DuckDB: the checks that need data (codes that match no
 * row), the attrition counts (one query) and the issue at the rule that leaves nobody.
 */
import type { Connector } from '../engine/connector';
import { ident, literal } from '../engine/connector';
import { CancelToken, UserError } from '../errors';
import type { RegistryManifest } from '../registry/types';
import { compileCohort } from './compile';
import { findTable } from './lookup';
import { validateCohort } from './validate';
import { eachEventQuery } from './walk';
import type { CohortCount, CohortDefinition, CohortIssue, EventQuery } from './types';

/**
 * Whether a code matches any row, remembered per connection: registry tables do not change once
 * loaded, and a live recount after each edit would otherwise rescan every code column (millions of
 * rows in a large registry) for codes that were already checked.
 */
const codeMatches = new WeakMap<Connector, Map<string, boolean>>();

function codeCache(conn: Connector): Map<string, boolean> {
  let c = codeMatches.get(conn);
  if (!c) codeMatches.set(conn, (c = new Map()));
  return c;
}

/** Codes that match no row of their table's code column: an issue at that criterion's codes. */
export async function checkCodes(conn: Connector, m: RegistryManifest, def: CohortDefinition): Promise<CohortIssue[]> {
  const cache = codeCache(conn);
  const out: CohortIssue[] = [];
  const jobs: { q: EventQuery; path: string }[] = [];
  eachEventQuery(def, (q, path) => {
    if (q.codeColumn && q.codes?.length && findTable(m, q.table)) jobs.push({ q, path });
  });
  for (const { q, path } of jobs) {
    const codes = q.codes!.map((c) => c.trim()).filter(Boolean);
    if (!codes.length) continue;
    const keyOf = (c: string) => [m.id, q.table, q.codeColumn, q.codeMatch, c].join('\u0000');
    const unknown = codes.filter((c) => !cache.has(keyOf(c)));
    if (unknown.length) {
      const col = `CAST(${ident(q.codeColumn!)} AS VARCHAR)`;
      const found = unknown.map((c, i) => `bool_or(${q.codeMatch === 'exact' ? `${col} = ${literal(c)}` : `starts_with(${col}, ${literal(c)})`}) AS n${i}`);
      const row = (await conn.query(`SELECT ${found.join(', ')} FROM ${ident(q.table)}`)).get(0)?.toJSON() ?? {};
      unknown.forEach((c, i) => cache.set(keyOf(c), row[`n${i}`] === true));
    }
    codes.forEach((c) => {
      if (!cache.get(keyOf(c))) {
        out.push({
          path: `${path}.codes`,
          message: {
            en: `The code "${c}" matches no row of ${q.table}.${q.codeColumn}: check the spelling (e.g. I63 for ischaemic stroke).`,
            zh: `代码"${c}"在 ${q.table}.${q.codeColumn} 中没有匹配的记录：请检查拼写（例如缺血性卒中为 I63）。`,
          },
        });
      }
    });
  }
  return out;
}

/** Throws a UserError listing the issues (the API also returns them per rule). */
export function assertValid(def: CohortDefinition, m: RegistryManifest): void {
  const issues = validateCohort(def, m);
  if (issues.length) throw invalidDefinition(issues);
}

export function invalidDefinition(issues: CohortIssue[]): UserError {
  const first = issues[0];
  return new UserError('spec', 'invalid_cohort', {
    en: `The cohort definition has ${issues.length} problem(s); first at ${first.path || 'the top'}: ${first.message.en}`,
    zh: `队列定义有 ${issues.length} 个问题；第一个位于 ${first.path || '顶层'}：${first.message.zh}`,
  });
}

/**
 * Attrition counts. Validation issues come back instead of counts (steps empty) so the UI can show
 * them at their rules; a rule that leaves nobody gets an issue too.
 */
export async function countCohort(conn: Connector, m: RegistryManifest, def: CohortDefinition, token: CancelToken = new CancelToken()): Promise<CohortCount> {
  const issues = validateCohort(def, m);
  if (issues.length) return { steps: [], count: 0, issues };
  token.throwIfCancelled();
  const codeIssues = await checkCodes(conn, m, def);
  token.throwIfCancelled();
  const compiled = compileCohort(def, m);
  const rows = (await conn.query(compiled.attritionSql)).toArray().map((r) => r.toJSON() as { step: number; remaining: number });
  token.throwIfCancelled();
  const remaining = new Map(rows.map((r) => [Number(r.step), Number(r.remaining)]));
  const steps = compiled.steps.map((s, i) => ({ path: s.path, label: s.label, remaining: remaining.get(i) ?? 0 }));
  const out = [...codeIssues];
  const empty = steps.findIndex((s, i) => s.remaining === 0 && (i === 0 || steps[i - 1].remaining > 0));
  if (empty >= 0 && !codeIssues.some((c) => c.path.startsWith(steps[empty].path))) {
    const before = empty > 0 ? steps[empty - 1].remaining : 0;
    out.push(
      empty === 0
        ? { path: 'entry', message: { en: 'No patient has this entry event: widen the codes or dates.', zh: '没有患者发生此入组事件：请放宽代码或日期范围。' } }
        : {
            path: steps[empty].path,
            message: {
              en: `No patient is left after this rule (${before} before it): it contradicts the rules above or matches nobody.`,
              zh: `此规则之后没有剩余患者（之前有 ${before} 人）：它与上面的规则矛盾，或没有人满足。`,
            },
          },
    );
  }
  return { steps, count: steps.at(-1)?.remaining ?? 0, issues: out };
}
