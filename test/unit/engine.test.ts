import { describe, expect, it } from 'vitest';
import { createNodeConnector } from '$core/engine/duckdb-node';

describe('Node connector (real DuckDB-WASM)', () => {
  it('runs SQL and reads a registered CSV', async () => {
    const c = await createNodeConnector();
    await c.registerFile('t.csv', new TextEncoder().encode('a,b\n1,x\n2,y\n'));
    const t = await c.query("SELECT sum(a)::DOUBLE AS s, string_agg(b, '') AS b FROM read_csv('t.csv')");
    expect(t.get(0)?.toJSON()).toEqual({ s: 3, b: 'xy' });
    const s = await c.query("SELECT current_setting('autoload_known_extensions') AS v");
    expect(s.get(0)?.toJSON().v).toBe(false);
    await c.close();
  });
});
