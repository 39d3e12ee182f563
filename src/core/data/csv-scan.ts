/**
 * Byte-level scanning of delimited text (RFC 4180 quoting with `"`): record boundaries for
 * chunked loading, the header record, delimiter detection. Works on UTF-8 and GB18030 bytes
 * alike, since `"`, `\n` and the delimiters never occur inside a multi-byte character there.
 */

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Splits `bytes` into pieces of about `target` bytes that end just after a record's newline.
 * A newline inside a quoted field is not a boundary (quote parity is tracked from the start;
 * an escaped quote `""` counts twice and so keeps the parity).
 */
export function splitAtRecords(bytes: Uint8Array, start: number, target: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const n = bytes.length;
  let chunkStart = start;
  let scanned = start; // quote parity is known up to here
  let inQuote = false;
  while (chunkStart < n) {
    let pos = chunkStart + target;
    if (pos >= n) {
      out.push([chunkStart, n]);
      break;
    }
    let end = n;
    for (;;) {
      const nl = bytes.indexOf(LF, pos);
      if (nl < 0) break;
      inQuote = parityTo(bytes, scanned, nl, inQuote);
      scanned = nl;
      if (!inQuote) {
        end = nl + 1;
        break;
      }
      pos = nl + 1;
    }
    inQuote = parityTo(bytes, scanned, end, inQuote);
    scanned = end;
    out.push([chunkStart, end]);
    chunkStart = end;
  }
  return out;
}

function parityTo(bytes: Uint8Array, from: number, to: number, inQuote: boolean): boolean {
  let i = from;
  for (;;) {
    const q = bytes.indexOf(QUOTE, i);
    if (q < 0 || q >= to) return inQuote;
    inQuote = !inQuote;
    i = q + 1;
  }
}

/** Parses records from text (for the header and delimiter sniffing on a small sample). */
export function parseRecords(text: string, delimiter: string, maxRecords: number): { fields: string[]; end: number }[] {
  const out: { fields: string[]; end: number }[] = [];
  let i = 0;
  const n = text.length;
  while (i < n && out.length < maxRecords) {
    const fields: string[] = [];
    let field = '';
    let inQ = false;
    let done = false;
    while (i < n) {
      const c = text[i];
      if (inQ) {
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          inQ = false;
          i++;
          continue;
        }
        field += c;
        i++;
        continue;
      }
      if (c === '"') {
        inQ = true;
        i++;
      } else if (c === delimiter) {
        fields.push(field);
        field = '';
        i++;
      } else if (c === '\n' || c === '\r') {
        i++;
        if (c === '\r' && text[i] === '\n') i++;
        done = true;
        break;
      } else {
        field += c;
        i++;
      }
    }
    fields.push(field);
    // A record that runs off the end of a sample may be cut; keep it only when the text ended there.
    if (!done && i >= n && inQ) break;
    out.push({ fields, end: i });
  }
  return out;
}

export const DELIMITERS = [',', '\t', ';', '|'];

/**
 * Picks the delimiter whose field count is most consistent over the first records of the sample
 * (at least 2 fields); ties go to more fields, then to list order (comma, tab, semicolon, pipe).
 * `preferTab` (for .tsv) tries tab first.
 */
export function detectDelimiter(sample: string, preferTab: boolean): string {
  const cands = preferTab ? ['\t', ',', ';', '|'] : DELIMITERS;
  let best = cands[0];
  let bestScore = -1;
  for (const d of cands) {
    if (!sample.includes(d)) continue;
    const recs = parseRecords(sample, d, 50).filter((r) => !(r.fields.length === 1 && r.fields[0] === ''));
    if (recs.length === 0) continue;
    const headerCount = recs[0].fields.length;
    if (headerCount < 2) continue;
    const same = recs.filter((r) => r.fields.length === headerCount).length / recs.length;
    const score = same * 1000 + Math.min(headerCount, 999);
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

/** Number of LF bytes in [from, to). */
export function countNewlines(bytes: Uint8Array, from: number, to: number): number {
  let k = 0;
  let i = from;
  for (;;) {
    const p = bytes.indexOf(LF, i);
    if (p < 0 || p >= to) return k;
    k++;
    i = p + 1;
  }
}

/**
 * Byte offset where record `k` (1-based) of `bytes[from, to)` starts, counting every unquoted
 * newline as a record end (blank lines included). Returns -1 if there are fewer records.
 */
export function recordStart(bytes: Uint8Array, from: number, to: number, k: number): number {
  let rec = 1;
  let inQ = false;
  if (k === 1) return from;
  for (let i = from; i < to; i++) {
    const c = bytes[i];
    if (c === QUOTE) inQ = !inQ;
    else if (c === LF && !inQ) {
      rec++;
      if (rec === k) return i + 1;
    }
  }
  return -1;
}

/** True if the bytes hold nothing but whitespace. */
export function isBlank(bytes: Uint8Array, from = 0): boolean {
  for (let i = from; i < bytes.length; i++) {
    const c = bytes[i];
    if (c !== 0x20 && c !== 0x09 && c !== LF && c !== CR) return false;
  }
  return true;
}
