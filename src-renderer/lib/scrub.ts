// Keyboard seeking on the scrub bar (WCAG 2.2 SC 2.5.7: the drag has a keyboard equivalent).
export const SMALL_STEP_MS = 10;
export const LARGE_STEP_MS = 1000;

/** The time a key moves the cursor to, clamped to [0, maxMs]; null for keys the scrubber does not handle. */
export function scrubKeyTarget(key: string, shift: boolean, cursorMs: number, maxMs: number): number | null {
  const step = shift ? LARGE_STEP_MS : SMALL_STEP_MS;
  const page = Math.max(1, Math.round(maxMs / 10));
  let target: number;
  switch (key) {
    case 'ArrowLeft':
    case 'ArrowDown':
      target = cursorMs - step;
      break;
    case 'ArrowRight':
    case 'ArrowUp':
      target = cursorMs + step;
      break;
    case 'PageDown':
      target = cursorMs - page;
      break;
    case 'PageUp':
      target = cursorMs + page;
      break;
    case 'Home':
      target = 0;
      break;
    case 'End':
      target = maxMs;
      break;
    default:
      return null;
  }
  return Math.min(maxMs, Math.max(0, target));
}
