// Keyboard movement in a dock's tab strip (components/chrome/DockTabs.svelte), as the WAI-ARIA tabs pattern
// has it: Left/Right move to the previous/next tab and wrap around, Home/End go to the first/last.

/** The tab index a key moves to from `from` among `count` tabs, or null when the key does not move. */
export function nextTabIndex(key: string, from: number, count: number): number | null {
  if (count <= 0) return null;
  const at = from >= 0 && from < count ? from : 0;
  switch (key) {
    case 'ArrowRight':
      return (at + 1) % count;
    case 'ArrowLeft':
      return (at - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
