// Text helpers for the SVG and HTML builders: escaping (every piece of text that reaches markup goes
// through escapeXml) and a width estimate, since there is no DOM to measure text headlessly.

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Safe in element content and in quoted attributes, for XML (SVG) and HTML alike. Characters XML 1.0
 * forbids (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF) become U+FFFD: trace details can
 * carry payload text, and one bad character would make the whole SVG unreadable.
 */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/** East Asian wide characters (CJK, kana, Hangul, full-width forms) take a full em. */
export function isWide(code: number): boolean {
  return (code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) || code >= 0x20000;
}

/** Estimated width in px of text in the export's monospace font: 0.6 em per narrow character, 1 em per wide one. */
export function textWidthPx(text: string, fontPx: number): number {
  let ems = 0;
  for (const ch of text) ems += isWide(ch.codePointAt(0)!) ? 1 : 0.6;
  return ems * fontPx;
}

/** Coordinates with at most two decimals, so the output is short and stable. */
export function num(v: number): string {
  return String(Math.round(v * 100) / 100);
}

/** `<text>` with escaped content; extra attributes are written as given (values escaped). */
export function svgText(x: number, y: number, text: string, attrs: Record<string, string | number> = {}): string {
  const extra = Object.entries(attrs).map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`).join('');
  return `<text x="${num(x)}" y="${num(y)}"${extra}>${escapeXml(text)}</text>`;
}

/** Cuts text to at most maxPx wide (estimated), ending in "…". */
export function ellipsize(text: string, maxPx: number, fontPx: number): string {
  if (textWidthPx(text, fontPx) <= maxPx) return text;
  let out = '', widthPx = textWidthPx('…', fontPx);
  for (const ch of text) {
    widthPx += textWidthPx(ch, fontPx);
    if (widthPx > maxPx) break;
    out += ch;
  }
  return `${out}…`;
}

/** The font stack of every export: monospace for aligned labels, then CJK fallbacks for Chinese text. */
export const FONT_FAMILY = "'DejaVu Sans Mono', 'Noto Sans Mono CJK SC', Menlo, Consolas, monospace";

export interface Box { x0: number; y0: number; x1: number; y1: number }

/** Padding around a text box: the white halo labels are drawn with (stroke-width 3) and rounding. */
const BOX_PAD_PX = 1.5;

/**
 * The box a one-line <text> covers (estimated: no DOM headlessly): textWidthPx wide, from the ascent of a
 * CJK glyph above the baseline to the descent below it. The ladder's layout and its tests use this one.
 */
export function textBox(x: number, baselineY: number, anchor: 'start' | 'middle' | 'end', text: string, fontPx: number): Box {
  const w = textWidthPx(text, fontPx);
  const x0 = anchor === 'start' ? x : anchor === 'end' ? x - w : x - w / 2;
  return { x0: x0 - BOX_PAD_PX, x1: x0 + w + BOX_PAD_PX, y0: baselineY - fontPx * 0.92 - BOX_PAD_PX, y1: baselineY + fontPx * 0.26 + BOX_PAD_PX };
}

export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}
