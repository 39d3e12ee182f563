/** The demo registry generator is deterministic: same seed -> byte-identical files. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without type declarations
import { generate } from '../../../scripts/registry/generate.mjs';

const dirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'registry-gen-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('generate.mjs', () => {
  it('gives byte-identical files for the same seed, and different data for another seed', async () => {
    const a = tmp(), b = tmp(), c = tmp();
    await generate({ patients: 300, seed: 7, out: a });
    await generate({ patients: 300, seed: 7, out: b });
    await generate({ patients: 300, seed: 8, out: c });
    const files = fs.readdirSync(a).sort();
    expect(files).toContain('registry.json');
    expect(files).toContain('ground_truth.json');
    expect(files.filter((f) => f.endsWith('.parquet')).length).toBe(15);
    expect(fs.readdirSync(b).sort()).toEqual(files);
    for (const f of files) expect(Buffer.compare(fs.readFileSync(path.join(a, f)), fs.readFileSync(path.join(b, f))), f).toBe(0);
    expect(Buffer.compare(fs.readFileSync(path.join(a, 'lab_result.parquet')), fs.readFileSync(path.join(c, 'lab_result.parquet')))).not.toBe(0);
  });

  it('plants every defect kind even in a small registry', async () => {
    const d = tmp();
    await generate({ patients: 200, seed: 1, out: d });
    const truth = JSON.parse(fs.readFileSync(path.join(d, 'ground_truth.json'), 'utf8'));
    expect(new Set(truth.defects.map((x: { kind: string }) => x.kind)).size).toBe(9);
  });
});
