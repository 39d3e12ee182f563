/**
 * Small, dependency-free helpers for the demo registry generator: a seeded PRNG, dates as day
 * numbers, and a column-oriented table buffer that streams to Parquet (hyparquet-writer).
 * Everything here is deterministic: no clocks, no Math.random, fixed Parquet metadata.
 */
import { ParquetWriter, fileWriter } from 'hyparquet-writer';

/** sfc32 seeded through splitmix32: fast, good enough statistically, reproducible. */
export function makeRng(seed, stream = 0) {
  let s = (seed >>> 0) ^ Math.imul(stream + 1, 0x9e3779b9);
  const split = () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split(), b = split(), c = split(), d = split();
  const next = () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  let spare = null;
  const rng = {
    u: () => {
      let x = next();
      while (x === 0) x = next();
      return x;
    },
    normal(mean = 0, sd = 1) {
      if (spare !== null) {
        const v = spare;
        spare = null;
        return mean + sd * v;
      }
      const u1 = rng.u(), u2 = next();
      const r = Math.sqrt(-2 * Math.log(u1));
      spare = r * Math.sin(2 * Math.PI * u2);
      return mean + sd * r * Math.cos(2 * Math.PI * u2);
    },
    bern: (p) => next() < p,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (arr) => arr[Math.floor(next() * arr.length)],
    /** Index drawn with the given (unnormalised) weights. */
    weighted(weights) {
      let tot = 0;
      for (const w of weights) tot += w;
      let x = next() * tot;
      for (let i = 0; i < weights.length; i++) {
        x -= weights[i];
        if (x < 0) return i;
      }
      return weights.length - 1;
    },
    exp: (rate) => -Math.log(rng.u()) / rate,
  };
  return rng;
}

export const clamp = (x, lo, hi) => (x < lo ? lo : x > hi ? hi : x);
export const round = (x, d = 0) => {
  const f = 10 ** d;
  return Math.round(x * f) / f;
};
export const logistic = (x) => 1 / (1 + Math.exp(-x));

const DAY_MS = 86_400_000;
/** Day number (days since 1970-01-01) of a calendar date. */
export const day = (y, m, d) => Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
export const isoDate = (dn) => new Date(dn * DAY_MS).toISOString().slice(0, 10);
/** Milliseconds since the epoch of a day number plus hours. */
export const ts = (dn, hours = 0) => Math.round(dn * DAY_MS + hours * 3_600_000);
/** Day of year 0..365 of a day number. */
export const doy = (dn) => {
  const d = new Date(dn * DAY_MS);
  return Math.floor((dn * DAY_MS - Date.UTC(d.getUTCFullYear(), 0, 1)) / DAY_MS);
};

/** Parquet schema elements of the column kinds the generator uses. */
const KIND = {
  int: { type: 'INT32' },
  double: { type: 'DOUBLE' },
  string: { type: 'BYTE_ARRAY', converted_type: 'UTF8' },
  date: { type: 'INT32', converted_type: 'DATE' },
  timestamp: { type: 'INT64', converted_type: 'TIMESTAMP_MILLIS' },
  bool: { type: 'BOOLEAN' },
};

/**
 * A table being generated: columns as plain arrays, flushed to one Parquet file in row groups.
 * `cols` is [{name, kind}] (kind: int, double, string, date, timestamp, bool).
 */
export class TableBuffer {
  constructor(name, cols) {
    this.name = name;
    this.cols = cols;
    this.data = Object.fromEntries(cols.map((c) => [c.name, []]));
    this.length = 0;
    this.total = 0;
    this.nextId = 1;
    this.writer = null;
  }
  /** Appends a row given as an array in column order. */
  push(row) {
    const cols = this.cols;
    for (let i = 0; i < cols.length; i++) {
      const v = row[i];
      this.data[cols[i].name].push(v === undefined ? null : v);
    }
    this.length++;
  }
  id() {
    return this.nextId++;
  }
  get(col, i) {
    return this.data[col][i];
  }
  set(col, i, v) {
    this.data[col][i] = v;
  }
  row(i) {
    return this.cols.map((c) => this.data[c.name][i]);
  }
  open(file) {
    const schema = [{ name: 'root', num_children: this.cols.length }];
    for (const c of this.cols) schema.push({ name: c.name, ...KIND[c.kind], repetition_type: 'OPTIONAL' });
    this.writer = new ParquetWriter({ writer: fileWriter(file), schema, codec: 'SNAPPY', statistics: true, createdBy: 'clinstat registry generator' });
  }
  /** Writes the buffered rows as row group(s) and clears the buffer. */
  flush() {
    if (this.length === 0) return;
    const columnData = this.cols.map((c) => {
      let data = this.data[c.name];
      if (c.kind === 'timestamp') data = data.map((v) => (v === null ? null : BigInt(v)));
      return { name: c.name, data };
    });
    this.writer.write({ columnData, rowGroupSize: 250_000 });
    this.total += this.length;
    this.data = Object.fromEntries(this.cols.map((c) => [c.name, []]));
    this.length = 0;
  }
  close() {
    this.flush();
    this.writer.finish();
  }
}
