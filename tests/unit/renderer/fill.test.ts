import { describe, expect, it } from 'vitest';
import { fill, formatValue } from '../../../src-renderer/views/model/fill.js';

describe('template filling', () => {
  it('prints fractional virtual times with at most one decimal', () => {
    expect(fill('At the router at {t} ms', { t: 2564.2772569999997 })).toBe('At the router at 2564.3 ms');
    expect(formatValue(40)).toBe('40');
    expect(formatValue(0.04)).toBe('0');
    expect(formatValue('SYN')).toBe('SYN');
  });
  it('leaves unknown placeholders as they are', () => {
    expect(fill('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });
});
