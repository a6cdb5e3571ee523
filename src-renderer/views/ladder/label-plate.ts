// Drawing one ladder label: its text on a plate. Typed against the few canvas members it uses, so node tests
// can record the calls without a DOM.
import type { LabelBox } from './label-place.js';

/** The part of CanvasRenderingContext2D a label needs. */
export interface PlateContext {
  fillStyle: unknown;
  globalAlpha: number;
  fillRect(x: number, y: number, w: number, h: number): void;
  fillText(text: string, x: number, y: number): void;
}

export interface PlateColors {
  bg: string;
  text: string;
  accent: string;
}

/**
 * A label on a plate of the background colour: a sloped arrow runs under the whole width of its own label (and
 * a neighbour's may too), and a thin halo round the glyphs still left the line striking through the text.
 */
export function drawLabel(ctx: PlateContext, colors: PlateColors, text: string, box: LabelBox, chosen: boolean): void {
  ctx.fillStyle = colors.bg;
  // Not quite opaque: an arrow passing under the label stays faintly visible instead of seeming cut.
  ctx.globalAlpha = LABEL_PLATE_ALPHA;
  ctx.fillRect(box.left - LABEL_PLATE_PX, box.top, box.right - box.left + 2 * LABEL_PLATE_PX, box.bottom - box.top + 1);
  ctx.globalAlpha = 1;
  ctx.fillStyle = chosen ? colors.accent : colors.text;
  ctx.fillText(text, box.x, box.y);
}

/** Room the label's plate leaves either side of the text. */
const LABEL_PLATE_PX = 2;
const LABEL_PLATE_ALPHA = 0.8;
