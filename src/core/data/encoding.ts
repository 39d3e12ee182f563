/**
 * Text encoding detection for delimited text and JSON: a BOM wins; otherwise the bytes are
 * validated as UTF-8 (fatal decoder) and, failing that, read as GB18030 (a superset of GBK/GB2312,
 * what Chinese Excel and hospital systems export).
 */
import { UserError } from '../errors';

export type TextEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

export interface EncodingInfo {
  encoding: TextEncoding;
  /** Bytes of byte-order mark to skip. */
  bom: number;
}

const PIECE = 16 * 1024 * 1024;

export function detectEncoding(bytes: Uint8Array, override?: string): EncodingInfo {
  const b = bytes;
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  if (override) {
    const o = override.toLowerCase().replace(/_/g, '-');
    if (o === 'utf8' || o === 'utf-8') return { encoding: 'utf-8', bom: 0 };
    if (['gb18030', 'gbk', 'gb2312', 'cp936'].includes(o)) return { encoding: 'gb18030', bom: 0 };
    if (o === 'utf-16le' || o === 'utf-16') return { encoding: 'utf-16le', bom: 0 };
    if (o === 'utf-16be') return { encoding: 'utf-16be', bom: 0 };
    throw new UserError('data', 'unsupported_encoding', {
      en: `The text encoding "${override}" is not supported; use UTF-8 or GB18030.`,
      zh: `不支持文本编码"${override}"，请使用 UTF-8 或 GB18030。`,
    });
  }
  return { encoding: isValidUtf8(b) ? 'utf-8' : 'gb18030', bom: 0 };
}

/** True if the bytes are valid UTF-8 (checked in pieces; a piece may end inside a character). */
export function isValidUtf8(bytes: Uint8Array): boolean {
  // Pure ASCII is common and cheap to rule in.
  let ascii = true;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return true;
  const dec = new TextDecoder('utf-8', { fatal: true });
  try {
    for (let off = 0; off < bytes.length; off += PIECE) {
      dec.decode(bytes.subarray(off, Math.min(bytes.length, off + PIECE)), { stream: true });
    }
    dec.decode();
    return true;
  } catch {
    return false;
  }
}

/** Decodes bytes (without BOM) to a string. */
export function decodeText(bytes: Uint8Array, encoding: TextEncoding): string {
  return new TextDecoder(encoding).decode(bytes);
}

/** Converts bytes in `encoding` to UTF-8 bytes (identity for UTF-8). */
export function toUtf8(bytes: Uint8Array, encoding: TextEncoding): Uint8Array {
  if (encoding === 'utf-8') return bytes;
  return new TextEncoder().encode(new TextDecoder(encoding).decode(bytes));
}

/**
 * Rejects files that are not text: any NUL byte or more than 10% control characters
 * (other than tab, CR, LF, FF, ESC-free text) in the first 64 KB. UTF-16 (with BOM) is exempt.
 */
export function assertLooksLikeText(bytes: Uint8Array, fileName: string, enc: EncodingInfo): void {
  if (enc.encoding.startsWith('utf-16')) return;
  const n = Math.min(bytes.length, 64 * 1024);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = bytes[i];
    if (c === 0) {
      control = n;
      break;
    }
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) control++;
  }
  if (n > 0 && control / n > 0.1) {
    throw new UserError('data', 'not_text', {
      en: `"${fileName}" does not look like a text file (it contains binary data). Export it as CSV, or import it with its own format (Excel, Parquet, Arrow).`,
      zh: `"${fileName}"看起来不是文本文件（含有二进制数据）。请导出为 CSV，或按其原始格式（Excel、Parquet、Arrow）导入。`,
    });
  }
}
