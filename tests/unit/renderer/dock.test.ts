// Arrow keys, Home and End in a dock's tab strip (the narrow layout's side panels).
import { describe, expect, it } from 'vitest';
import { nextTabIndex } from '../../../src-renderer/lib/dock.js';

describe('nextTabIndex', () => {
  it('moves right and left, wrapping around', () => {
    expect(nextTabIndex('ArrowRight', 0, 2)).toBe(1);
    expect(nextTabIndex('ArrowRight', 1, 2)).toBe(0);
    expect(nextTabIndex('ArrowLeft', 0, 2)).toBe(1);
    expect(nextTabIndex('ArrowLeft', 2, 3)).toBe(1);
  });

  it('Home and End go to the ends; other keys do not move', () => {
    expect(nextTabIndex('Home', 2, 3)).toBe(0);
    expect(nextTabIndex('End', 0, 3)).toBe(2);
    expect(nextTabIndex('Enter', 0, 3)).toBeNull();
    expect(nextTabIndex('ArrowDown', 0, 3)).toBeNull();
  });

  it('treats an unknown current tab as the first, and no tabs as nothing to move to', () => {
    expect(nextTabIndex('ArrowRight', -1, 2)).toBe(1);
    expect(nextTabIndex('ArrowRight', 0, 0)).toBeNull();
  });
});
