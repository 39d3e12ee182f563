// `npx clinstat run` as a user runs it (a real process through bin/clinstat.mjs) reproduces
// R's t.test to 1e-6 relative on the sleep and ToothGrowth data sets (the acceptance).
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expectClose, loadFixture } from '../reference/compare';

const run = promisify(execFile);
const BIN = path.resolve('bin/clinstat.mjs');

interface Case {
  data: string;
  roles: Record<string, string>;
  options: Record<string, string | number | boolean>;
  tidy: Record<string, number | string>;
}

describe('clinstat run (process)', () => {
  const cases = loadFixture<{ cases: Case[] }>('compare.ttest_ind').cases.filter((c) => c.data === 'sleep' || c.data === 'ToothGrowth');
  it('has cases for both data sets', () => {
    expect(new Set(cases.map((c) => c.data))).toEqual(new Set(['sleep', 'ToothGrowth']));
  });
  for (const c of cases) {
    it(`${c.data}: ${JSON.stringify(c.options)}`, async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'clinstat-bin-'));
      const spec = { plugin: 'compare.ttest_ind', data: { file: path.resolve(`test/reference/data/${c.data}.csv`) }, roles: c.roles, options: c.options };
      await writeFile(path.join(dir, 'spec.json'), JSON.stringify(spec));
      const { stdout } = await run(process.execPath, [BIN, 'run', path.join(dir, 'spec.json')]);
      const result = JSON.parse(stdout);
      expectClose(result.tables.tidy.rows[0], c.tidy, 1e-6);
    });
  }
  it('exits 2 with a message on stderr for a bad spec', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'clinstat-bin-'));
    await writeFile(path.join(dir, 'spec.json'), '{"plugin": 1}');
    const err = await run(process.execPath, [BIN, 'run', path.join(dir, 'spec.json')]).catch((e) => e);
    expect(err.code).toBe(2);
    expect(err.stderr).toMatch(/needs "plugin"/);
    expect(err.stdout).toBe('');
  });
});
