// The clinstat command end to end (in-process): list, run, and the exit codes of RESULTS.md.
import { describe, expect, it } from 'vitest';
import { mkdtemp, writeFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main';

async function call(argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

async function specDir(spec: unknown, data = 'public/samples/ToothGrowth.csv') {
  const dir = await mkdtemp(path.join(tmpdir(), 'clinstat-cli-'));
  await copyFile(data, path.join(dir, path.basename(data)));
  const file = path.join(dir, 'spec.json');
  await writeFile(file, typeof spec === 'string' ? spec : JSON.stringify(spec));
  return file;
}

describe('clinstat CLI', () => {
  it('lists plugins with roles and options', async () => {
    const r = await call(['list']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.out);
    const t = list.find((p: { id: string }) => p.id === 'compare.ttest_ind');
    expect(t.roles.map((x: { name: string }) => x.name)).toEqual(['outcome', 'group']);
  });
  it('refuses a group with other than two levels', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'clinstat-cli-'));
    await writeFile(path.join(dir, 'three.csv'), 'y,arm\n1,a\n2,b\n3,c\n4,a\n5,b\n6,c\n');
    await writeFile(path.join(dir, 'spec.json'), JSON.stringify({ plugin: 'compare.ttest_ind', data: { file: 'three.csv' }, roles: { outcome: 'y', group: 'arm' } }));
    const r = await call(['run', path.join(dir, 'spec.json')]);
    expect([r.code, r.err]).toEqual([3, expect.stringMatching(/exactly 2 groups, but "arm" has 3 \(a, b, c\)/)]);
  });
  it('runs a spec with a path relative to the spec file', async () => {
    const file = await specDir({ plugin: 'compare.ttest_ind', data: { file: 'ToothGrowth.csv' }, roles: { outcome: 'len', group: 'supp' } });
    const r = await call(['run', file]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const result = JSON.parse(r.out);
    expect(result.plugin).toBe('compare.ttest_ind');
    expect(result.n).toEqual({ rows: 60, used: 60, excluded: 0 });
    // R 4.x: t.test(len ~ supp, data = ToothGrowth)$statistic
    expect(result.tables.tidy.rows[0].statistic).toBeCloseTo(1.91526826869527, 10);
    expect(result.r_code).toMatch(/read\.csv\("ToothGrowth\.csv"/);
  });
  it('exits 2 on an invalid spec and 3 on a data problem, with one clear message', async () => {
    let r = await call(['run', await specDir('{ not json')]);
    expect([r.code, r.err]).toEqual([2, expect.stringMatching(/not valid JSON/)]);
    r = await call(['run', await specDir({ plugin: 'compare.ttest_ind', data: { file: 'ToothGrowth.csv' }, roles: { outcome: 'len', group: 'supp' }, options: { paired: true } })]);
    expect([r.code, r.err]).toEqual([2, expect.stringMatching(/no option "paired"/)]);
    r = await call(['run', await specDir({ plugin: 'nope.nothing', data: { file: 'ToothGrowth.csv' }, roles: {} })]);
    expect([r.code, r.err]).toEqual([2, expect.stringMatching(/Unknown plugin/)]);
    r = await call(['run', await specDir({ plugin: 'compare.ttest_ind', data: { file: 'ToothGrowth.csv' }, roles: { outcome: 'len', group: 'dose' } })]);
    expect([r.code, r.err]).toEqual([3, expect.stringMatching(/"dose" is numeric, but "Group" needs categorical/)]);
    r = await call(['run', await specDir({ plugin: 'compare.ttest_ind', data: { file: 'ToothGrowth.csv' }, filter: 'dose <> 2', roles: { outcome: 'len', group: 'supp' } })]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).n).toEqual({ rows: 40, used: 40, excluded: 0 });
    r = await call(['run', await specDir({ plugin: 'compare.ttest_ind', data: { file: 'ToothGrowth.csv' }, filter: 'dose <> 2', roles: { outcome: 'len', group: 'supp' }, options: { conf_level: 95 } })]);
    expect([r.code, r.err]).toEqual([2, expect.stringMatching(/conf_level.*out of range/)]);
    r = await call(['run', await specDir({ plugin: 'compare.ttest_ind', data: { file: 'ToothGrowth.csv' }, roles: { outcome: 'supp', group: 'dose' } })]);
    expect(r.code).toBe(3);
    r = await call(['run', await specDir({ plugin: 'compare.ttest_ind', data: { file: 'missing.csv' }, roles: { outcome: 'len', group: 'supp' } })]);
    expect([r.code, r.err]).toEqual([3, expect.stringMatching(/Cannot read the data file/)]);
    expect(r.out).toBe('');
  });
  it('malformed data files exit 3 with one specific message; GB18030 and odd headers work', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'clinstat-cli-bad-'));
    const runOn = async (name: string, content: Uint8Array | string, roles = { outcome: 'y', group: 'g' }) => {
      await writeFile(path.join(dir, name), content);
      const spec = path.join(dir, `${name}.spec.json`);
      await writeFile(spec, JSON.stringify({ plugin: 'compare.ttest_ind', data: { file: name }, roles }));
      return call(['run', spec]);
    };
    const cases: [string, Uint8Array | string, RegExp][] = [
      ['empty.csv', '', /is empty/],
      ['ragged.csv', 'y,g\n1,a\n2,b,3\n', /Line 3 has 3 fields; the header has 2/],
      ['photo.csv', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0, 1, 2]), /does not look like a text file/],
      ['empty.xlsx', '', /is empty/],
      ['broken.xlsx', 'PK\u0003\u0004 not a workbook', /Excel/],
    ];
    for (const [name, content, message] of cases) {
      const r = await runOn(name, content);
      expect([name, r.code, r.err]).toEqual([name, 3, expect.stringMatching(message)]);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.out).toBe('');
    }
    const iconv = (await import('iconv-lite')).default;
    const gb = await runOn('中文.csv', iconv.encode('值,组别\n1.5,男\n2.5,女\n3.5,男\n4.0,女\n', 'gb18030'), { outcome: '值', group: '组别' } as never);
    expect(gb.code).toBe(0);
    expect(JSON.parse(gb.out).tables.groups.rows.map((r: { group: string }) => r.group)).toEqual(['女', '男']);
    const xss = await runOn('xss.csv', '<script>alert(1)</script>,g\n1,a\n2,b\n3,a\n4,b\n', { outcome: '<script>alert(1)</script>', group: 'g' } as never);
    expect(xss.code).toBe(0);
  });
  it('runs on a registry table, by bundled id or by folder', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'clinstat-cli-reg-'));
    const spec = path.join(dir, 'spec.json');
    await writeFile(spec, JSON.stringify({ plugin: 'compare.ttest_ind', data: { registry: 'stroke-demo', table: 'patient' }, roles: { outcome: 'age_at_index', group: 'sex' } }));
    let r = await call(['run', spec]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const result = JSON.parse(r.out);
    expect(result.n.rows).toBe(2000);
    expect(result.r_code).toMatch(/arrow::read_parquet\(.*patient\.parquet"\)/);
    await writeFile(spec, JSON.stringify({ plugin: 'describe.descriptives', data: { registry: path.resolve('public/registries/stroke-demo'), table: 'lab_result' }, roles: { variables: ['value'] } }));
    r = await call(['run', spec]);
    expect(r.code).toBe(0);
    await writeFile(spec, JSON.stringify({ plugin: 'describe.descriptives', data: { registry: 'stroke-demo', table: 'labs' }, roles: { variables: ['value'] } }));
    r = await call(['run', spec]);
    expect([r.code, r.err]).toEqual([2, expect.stringMatching(/has no table "labs"\. Its tables are: patient, visit/)]);
    await writeFile(spec, JSON.stringify({ plugin: 'describe.descriptives', data: { registry: 'no-such-registry', table: 'x' }, roles: { variables: ['value'] } }));
    r = await call(['run', spec]);
    expect([r.code, r.err]).toEqual([2, expect.stringMatching(/neither a folder with a registry.json nor the id/)]);
  });

  it('runs a spec on an analysis dataset built from its saved definition, as the workbench does', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'clinstat-cli-'));
    const definition = {
      format: '1',
      name: 'af_recurrence',
      registryId: 'stroke-demo',
      cohort: { kind: 'all-patients' },
      features: [
        { kind: 'window', name: 'af', source: { kind: 'variable', id: 'comorbidities.atrial_fibrillation' }, window: { start: -3650, end: 0 }, aggregate: 'last' },
        { kind: 'window', name: 'age', source: { kind: 'variable', id: 'demographics.age' }, window: { start: 0, end: 0 }, aggregate: 'last' },
        { kind: 'outcome', name: 'recur', source: { kind: 'variable', id: 'outcomes.recurrence_events' }, horizon: 365, type: 'time-to-event' },
      ],
    };
    await writeFile(path.join(dir, 'af.dataset.json'), JSON.stringify(definition));
    await writeFile(path.join(dir, 'spec.json'), JSON.stringify({
      plugin: 'survival.cox', data: { dataset: 'af.dataset.json' },
      roles: { time: 'recur_time', event: 'recur_status', covariates: ['af', 'age'] },
    }));
    const r = await call(['run', path.join(dir, 'spec.json')]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const result = JSON.parse(r.out);
    expect(result.n.rows).toBe(2000);
    // The demo plants HR 1.8 for atrial fibrillation on 1-year recurrence (ground_truth.json).
    const af = result.tables.tidy.rows.find((x: { term: string }) => x.term.startsWith('af'));
    expect(Math.exp(af.estimate)).toBeGreaterThan(1.3);
    expect(Math.exp(af.estimate)).toBeLessThan(2.6);
    expect(result.r_code).toMatch(/source\("read_af_recurrence\.R", encoding = "UTF-8"\)\nd <- af_recurrence/);

    await writeFile(path.join(dir, 'bad.json'), JSON.stringify({ plugin: 'survival.cox', data: { dataset: 'missing.json' }, roles: { time: 't', event: 'e' } }));
    const bad = await call(['run', path.join(dir, 'bad.json')]);
    expect([bad.code, bad.err]).toEqual([2, expect.stringMatching(/Cannot read the dataset definition/)]);
  });
});
