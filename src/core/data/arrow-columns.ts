/**
 * Arrow vectors built straight from decoded column values into their buffers (values, validity
 * bitmap, UTF-8 offsets), without Arrow's generic builders.
 *
 * Why: `vectorFromArray` goes through a per-value builder with type dispatch; on a 100,000-patient
 * registry (10M+ values per table) that, and the Date objects it needs, cost most of the load time.
 * Here every kind is one typed-array loop. Missing values are `null` or `undefined`.
 */
import { Bool, DateDay, Float64, Int32, Int64, TimestampMillisecond, Utf8, makeData, makeVector, type DataType, type Vector } from 'apache-arrow';

type Values = ArrayLike<unknown>;

/**
 * Validity bitmap (bit set = present), made only when a value is missing: a column without gaps
 * carries no bitmap at all.
 */
class Validity {
  private bitmap: Uint8Array | null = null;
  nullCount = 0;
  constructor(private readonly length: number) {}
  missing(i: number): void {
    if (!this.bitmap) this.bitmap = new Uint8Array((this.length + 7) >> 3).fill(0xff);
    this.bitmap[i >> 3] &= ~(1 << (i & 7));
    this.nullCount++;
  }
  get nullBitmap(): Uint8Array | undefined {
    return this.bitmap ?? undefined;
  }
}

function vector<T extends DataType>(type: T, length: number, valid: Validity, data: Float64Array | Int32Array | BigInt64Array | Uint8Array): Vector<T> {
  return makeVector(makeData({ type, length, nullCount: valid.nullCount, nullBitmap: valid.nullBitmap, data } as never)) as Vector<T>;
}

/** Numbers (or bigints) as Float64; non-finite values become missing. */
export function float64Column(values: Values): Vector<Float64> {
  const n = values.length;
  const data = new Float64Array(n);
  const valid = new Validity(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    const x = v == null ? NaN : Number(v);
    if (Number.isFinite(x)) data[i] = x;
    else valid.missing(i);
  }
  return vector(new Float64(), n, valid, data);
}

/** 32-bit integers (also day numbers for DateDay). */
function int32Of<T extends DataType>(type: T, values: Values): Vector<T> {
  const n = values.length;
  const data = new Int32Array(n);
  const valid = new Validity(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v == null) valid.missing(i);
    else data[i] = Number(v);
  }
  return vector(type, n, valid, data);
}

export function int32Column(values: Values): Vector<Int32> {
  return int32Of(new Int32(), values);
}

/** Days since 1970-01-01 (as hyparquet's dateFromDays gives them with the parser in parquet.ts). */
export function dateDayColumn(days: Values): Vector<DateDay> {
  return int32Of(new DateDay(), days);
}

function int64Of<T extends DataType>(type: T, values: Values): Vector<T> {
  const n = values.length;
  const data = new BigInt64Array(n);
  const valid = new Validity(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v == null) valid.missing(i);
    else data[i] = typeof v === 'bigint' ? v : BigInt(Math.trunc(Number(v)));
  }
  return vector(type, n, valid, data);
}

export function int64Column(values: Values): Vector<Int64> {
  return int64Of(new Int64(), values);
}

/** Milliseconds since the epoch. */
export function timestampMsColumn(ms: Values): Vector<TimestampMillisecond> {
  return int64Of(new TimestampMillisecond(), ms);
}

export function boolColumn(values: Values): Vector<Bool> {
  const n = values.length;
  const data = new Uint8Array((n + 7) >> 3);
  const valid = new Validity(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v == null) valid.missing(i);
    else if (v) data[i >> 3] |= 1 << (i & 7);
  }
  return vector(new Bool(), n, valid, data);
}

const encoder = new TextEncoder();

/**
 * Text from UTF-8 byte arrays (hyparquet with the identity string parser: no decode/encode round
 * trip) or strings; other values are written as their text.
 */
export function utf8Column(values: Values, toText: (v: unknown) => string | null): Vector<Utf8> {
  const n = values.length;
  const offsets = new Int32Array(n + 1);
  let bytes = new Uint8Array(Math.max(1024, n * 16));
  let at = 0;
  const valid = new Validity(n);
  const reserve = (extra: number) => {
    if (at + extra <= bytes.length) return;
    const grown = new Uint8Array(Math.max(bytes.length * 2, at + extra));
    grown.set(bytes.subarray(0, at));
    bytes = grown;
  };
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v instanceof Uint8Array) {
      reserve(v.length);
      bytes.set(v, at);
      at += v.length;
    } else if (v == null) {
      valid.missing(i);
    } else {
      const s = typeof v === 'string' ? v : toText(v);
      if (s === null) valid.missing(i);
      else {
        reserve(s.length * 3);
        at += encoder.encodeInto(s, bytes.subarray(at)).written;
      }
    }
    offsets[i + 1] = at;
  }
  return makeVector(
    makeData({ type: new Utf8(), length: n, nullCount: valid.nullCount, nullBitmap: valid.nullBitmap, valueOffsets: offsets, data: bytes.subarray(0, at) }),
  );
}
