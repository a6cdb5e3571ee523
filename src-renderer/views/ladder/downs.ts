// A crashed host on the ladder (src-main/net/crash.ts): its column is shaded from the crash to the moment it
// is up again (or to now while it is still down), with a cross and "crashed" at the top and "up again" at the
// end. The geometry is shared with the exported ladder (src-main/contract/host-downs.ts downRects);
// draw-downs.ts paints it on the canvas.
export { downRects, type DownRect } from '../../../src-main/contract/index.js';

/** Half the shaded band's width, in CSS pixels. */
export const DOWN_HALF_PX = 6;
