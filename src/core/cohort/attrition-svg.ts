/**
 * The attrition (CONSORT-style) flow diagram as a standalone SVG document: one box per step with
 * the patients remaining, arrows down, and a side box with how many each rule removed. Pure, so
 * the view shows exactly what the SVG/PNG download contains. Text is XML-escaped (rule labels are
 * user text); fonts are system fonts (nothing fetched).
 */
export interface AttritionBox {
  label: string;
  remaining: number;
  /** Patients this step removed (absent for the entry step). */
  removed?: number;
}

const W = 620;
const BOX_W = 360;
const BOX_H = 66;
const GAP = 34;
const SIDE_W = 170;
const PAD = 16;
const FONT = "system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif";

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/**
 * Breaks a label into at most `lines` lines that fit `px` (about 6.5 px per Latin char and 12 per
 * CJK char at 11.5 px), preferring spaces; the last line ends with … when text is left over.
 */
export function wrapLabel(s: string, px: number, lines = 2): string[] {
  const out: string[] = [];
  let rest = s.trim();
  while (rest && out.length < lines) {
    let width = 0;
    let cut = rest.length;
    let lastSpace = -1;
    let i = 0;
    for (const ch of rest) {
      width += /[\u2E80-\uFFFF]/.test(ch) ? 12 : 6.5;
      if (width > px) {
        cut = i;
        break;
      }
      if (ch === ' ') lastSpace = i;
      i += ch.length;
    }
    if (cut >= rest.length) {
      out.push(rest);
      rest = '';
    } else if (out.length === lines - 1) {
      out.push(rest.slice(0, Math.max(0, cut - 1)).trimEnd() + '…');
      rest = '';
    } else {
      const at = lastSpace > 0 ? lastSpace : cut;
      out.push(rest.slice(0, at).trimEnd());
      rest = rest.slice(at).trimStart();
    }
  }
  return out;
}

export function attritionSvg(boxes: AttritionBox[], opts: { title: string; patients: (n: number) => string; removed: (n: number) => string }): string {
  const height = PAD * 2 + 28 + boxes.length * BOX_H + (boxes.length - 1) * GAP;
  const x = PAD;
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${height}" viewBox="0 0 ${W} ${height}" font-family="${escapeXml(FONT)}">`);
  parts.push(`<rect width="${W}" height="${height}" fill="#ffffff"/>`);
  parts.push(`<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="#5c6877"/></marker></defs>`);
  parts.push(`<text x="${x}" y="${PAD + 14}" font-size="15" font-weight="600" fill="#1d2733">${escapeXml(opts.title)}</text>`);
  boxes.forEach((b, i) => {
    const y = PAD + 28 + i * (BOX_H + GAP);
    const last = i === boxes.length - 1;
    parts.push(`<g data-step="${i}">`);
    parts.push(`<rect x="${x}" y="${y}" width="${BOX_W}" height="${BOX_H}" rx="6" fill="${last ? '#e7f2f5' : '#f8f9fb'}" stroke="${last ? '#0b6e8a' : '#c5ccd4'}" stroke-width="${last ? 1.6 : 1}"/>`);
    wrapLabel(b.label, BOX_W - 24).forEach((line, k) => {
      parts.push(`<text x="${x + 12}" y="${y + 18 + k * 15}" font-size="11.5" fill="#1d2733">${escapeXml(line)}</text>`);
    });
    parts.push(`<text x="${x + 12}" y="${y + 56}" font-size="14" font-weight="600" fill="#0b6e8a">${escapeXml(opts.patients(b.remaining))}</text>`);
    if (i > 0) {
      const ay = y - GAP;
      parts.push(`<line x1="${x + BOX_W / 2}" y1="${ay}" x2="${x + BOX_W / 2}" y2="${y - 2}" stroke="#5c6877" stroke-width="1.4" marker-end="url(#arrow)"/>`);
      if (b.removed !== undefined) {
        const my = ay + GAP / 2;
        const sx = x + BOX_W + 40;
        parts.push(`<line x1="${x + BOX_W / 2}" y1="${my}" x2="${sx - 2}" y2="${my}" stroke="#5c6877" stroke-width="1" marker-end="url(#arrow)"/>`);
        parts.push(`<rect x="${sx}" y="${my - 13}" width="${SIDE_W}" height="26" rx="4" fill="#fef3f2" stroke="#f5c2bd"/>`);
        parts.push(`<text x="${sx + 10}" y="${my + 5}" font-size="12" fill="#b42318">${escapeXml(opts.removed(b.removed))}</text>`);
      }
    }
    parts.push('</g>');
  });
  parts.push('</svg>');
  return parts.join('\n');
}
