// Ladder layout constants, in CSS pixels.
/** Band at the top holding the column headers (host name and address). */
export const HEADER_PX = 38;
/** Left margin holding the time axis. */
export const AXIS_PX = 64;
export const RIGHT_PX = 56;
export const BOTTOM_PX = 14;
/** Pointer distance within which an arrow counts as hovered. */
export const HIT_TOLERANCE_PX = 5;
/** Labels need this much vertical room each, or they are skipped (greedy, top to bottom). */
export const LABEL_GAP_PX = 14;
/** Above this many packets in view no label can be legible, so none is attempted. */
export const LABEL_MAX_VISIBLE = 1500;
/**
 * Arrowheads are left out when more than this many packets are in view: on a ladder a few hundred pixels tall
 * that is more than one arrow per pixel row, and the 7 px heads overlap into a smear. (4,000 until session 23:
 * live play in Show all spent its first 4 s of a 1,000-packet-a-second run drawing thousands of smeared heads,
 * where most of its late frames were; docs/PERFORMANCE.md "Live play, session 23".)
 */
export const ARROWHEAD_MAX_VISIBLE = 1000;
/**
 * Arrows are stroked (and their heads filled) this many at a time. Chromium's software rasterizer takes
 * far longer for one path of thousands of sub-paths than for the same lines in paths of a few hundred:
 * 4,800 arrows took 32–38 ms as one path and 5–7 ms in paths of 300 (docs/PERFORMANCE.md, "Live play,
 * session 23"). Dashes restart at each sub-path either way, so the lines are the same.
 */
export const ARROWS_PER_STROKE = 256;
/**
 * Above this many packets in view, arrows that land on the same pixels are drawn once (lod.ts). Below it every
 * arrow is drawn even where they coincide; 3,000 until session 23 (see ARROWHEAD_MAX_VISIBLE).
 */
export const LOD_ABOVE_VISIBLE = 1000;
/** At most this many packets are listed in the hidden accessible table. */
export const TABLE_MAX_ROWS = 60;
/**
 * The hidden table follows the view at most this often: faster than anyone reads it, and rebuilding its rows
 * on every frame of a zoom or of live play took ~9 ms of each 16.7 ms frame.
 */
export const TABLE_EVERY_MS = 250;
/** Deepest zoom: this many pixels per millisecond. */
export const MAX_PX_PER_MS = 60;
