// resvg-js 2.6 reads a font file again for every glyph it draws from it: with the 19 MB Noto CJK collection
// that is 10-20 ms per Chinese character (strace: 131 opens of the file for 100 glyphs), so a Chinese
// ladder PNG took tens of seconds. Before rasterizing, each CJK character of a <text> becomes a <path>
// outlined once per process by resvg itself (Resvg.toString() turns text into paths): one font read per
// distinct character instead of one per character drawn. Latin runs stay text (DejaVu is small and quick).
import { isWide, textWidthPx } from '../export/svg-text.js';

/** Outlines of characters at 1000 px on a baseline at y = 0: path data, or null without a font for one. */
export interface Outliner {
  /** Called once per picture with every character it needs, so the outliner can fetch them in one go. */
  prepare(chars: ReadonlySet<string>, bold: boolean): void;
  get(ch: string, bold: boolean): string | null;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const unescape = (s: string): string => s.replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]!);
const escape = (s: string): string => s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));

function hasWide(text: string): boolean {
  for (const ch of text) if (isWide(ch.codePointAt(0)!)) return true;
  return false;
}

/** The style sheet's default text size and the classes that make text bold (the exports' own <style>). */
function styleFacts(svg: string): { fontPx: number; boldClasses: Set<string> } {
  const css = /<style>([\s\S]*?)<\/style>/.exec(svg)?.[1] ?? '';
  const fontPx = Number(/(?:^|\})\s*(?:svg|text)\s*\{[^}]*font-size:\s*([\d.]+)px/.exec(css)?.[1] ?? 12);
  const boldClasses = new Set([...css.matchAll(/\.([\w-]+)\s*\{[^}]*font-weight:\s*bold/g)].map((m) => m[1]!));
  return { fontPx, boldClasses };
}

/** Path data scaled from 1000 px to fontPx (resvg writes absolute commands with plain numbers). */
function scaled(d: string, fontPx: number): string {
  const k = fontPx / 1000;
  return d.replace(/-?\d+(?:\.\d+)?(?:e-?\d+)?/g, (n) => String(Math.round(Number(n) * k * 100) / 100));
}

/** "<text a b>…<tspan fill="x">…</tspan>…</text>" → its pieces; null for any other markup inside. */
function segments(inner: string): Array<{ text: string; fill: string | null }> | null {
  const out: Array<{ text: string; fill: string | null }> = [];
  for (const m of inner.matchAll(/<tspan fill="([^"]*)">([^<]*)<\/tspan>|([^<]+)|(<)/g)) {
    if (m[4] !== undefined) return null;
    out.push(m[3] !== undefined ? { text: unescape(m[3]), fill: null } : { text: unescape(m[2]!), fill: m[1]! });
  }
  return out;
}

function attrOf(attrs: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(attrs)?.[1];
}

function withoutAttrs(attrs: string, names: readonly string[]): string {
  return names.reduce((a, n) => a.replace(new RegExp(`\\s${n}="[^"]*"`), ''), attrs);
}

function isBold(attrs: string, facts: ReturnType<typeof styleFacts>): boolean {
  return attrOf(attrs, 'font-weight') === 'bold' || (attrOf(attrs, 'class') ?? '').split(/\s+/).some((c) => facts.boldClasses.has(c));
}

/** One <text> with CJK in it → a <g> of Latin <text> runs and one <path> per CJK character. */
function outlineText(attrs: string, inner: string, facts: ReturnType<typeof styleFacts>, outline: Outliner): string | null {
  const segs = segments(inner);
  if (segs === null) return null;
  const fontPx = Number(attrOf(attrs, 'font-size') ?? facts.fontPx);
  const bold = isBold(attrs, facts);
  const anchor = attrOf(attrs, 'text-anchor') ?? 'start';
  const widthPx = segs.reduce((w, s) => w + textWidthPx(s.text, fontPx), 0);
  let x = Number(attrOf(attrs, 'x')) - (anchor === 'end' ? widthPx : anchor === 'middle' ? widthPx / 2 : 0);
  const y = attrOf(attrs, 'y') ?? '0';
  const textAttrs = withoutAttrs(attrs, ['x', 'y', 'text-anchor']);
  const paintAttrs = ['fill', 'stroke', 'stroke-width', 'stroke-linejoin', 'paint-order', 'class'].map((n) => (attrOf(attrs, n) === undefined ? '' : ` ${n}="${attrOf(attrs, n)}"`)).join('');
  const out: string[] = [];
  for (const seg of segs) {
    const fill = seg.fill === null ? '' : ` fill="${seg.fill}"`;
    let run = '', runX = x;
    const flush = (): void => {
      // resvg drops a text's leading spaces; the run is placed by x, so they become an offset instead.
      const lead = run.length - run.trimStart().length;
      runX += textWidthPx(run.slice(0, lead), fontPx);
      run = run.slice(lead);
      if (run !== '') out.push(`<text${withoutAttrs(textAttrs, seg.fill === null ? [] : ['fill'])} x="${Math.round(runX * 100) / 100}" y="${y}"${fill}>${escape(run)}</text>`);
      run = '';
    };
    for (const ch of seg.text) {
      if (!isWide(ch.codePointAt(0)!)) {
        if (run === '') runX = x;
        run += ch;
      } else {
        flush();
        const d = outline.get(ch, bold);
        if (d === null) return null; // (no CJK font: leave the text to resvg, slow but drawn)
        out.push(`<path d="${scaled(d, fontPx)}" transform="translate(${Math.round(x * 100) / 100} ${y})"${withoutAttrs(paintAttrs, seg.fill === null ? [] : ['fill'])}${fill}/>`);
      }
      x += textWidthPx(ch, fontPx);
    }
    flush();
  }
  return `<g>${out.join('')}</g>`;
}

/** The SVG with every CJK character of its <text> elements drawn as a path from `outline`. */
export function outlineCjk(svg: string, outline: Outliner): string {
  if (!hasWide(svg)) return svg;
  const facts = styleFacts(svg);
  const TEXT = /<text(\s[^>]*)?>([\s\S]*?)<\/text>/g;
  const needs = { regular: new Set<string>(), bold: new Set<string>() };
  for (const m of svg.matchAll(TEXT)) {
    if (!hasWide(m[2]!)) continue;
    const set = isBold(m[1] ?? '', facts) ? needs.bold : needs.regular;
    for (const ch of unescape(m[2]!)) if (isWide(ch.codePointAt(0)!)) set.add(ch);
  }
  if (needs.regular.size > 0) outline.prepare(needs.regular, false);
  if (needs.bold.size > 0) outline.prepare(needs.bold, true);
  return svg.replace(TEXT, (whole, attrs: string | undefined, inner: string) => {
    if (!hasWide(inner) || /\stransform="/.test(attrs ?? '')) return whole;
    return outlineText(attrs ?? '', inner, facts, outline) ?? whole;
  });
}
