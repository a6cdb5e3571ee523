import { describe, expect, it } from 'vitest';
import { cappedDots, DOTS_PER_LINK, layoutTopology, PARKED_DOTS, packetDots } from '../../../src-renderer/views/topology/layout.js';

const HOSTS = [{ name: 'A', ip: '10.0.0.1' }, { name: 'B', ip: '10.0.0.2' }];

describe('topology layout', () => {
  it('puts the router in the middle and two hosts left and right of it', () => {
    const l = layoutTopology(HOSTS, 320, 130);
    expect(l.router).toEqual({ x: 160, y: 65 });
    const [a, b] = l.hosts;
    expect(a!.x).toBeLessThan(l.router.x);
    expect(b!.x).toBeGreaterThan(l.router.x);
    expect(Math.abs(a!.y - l.router.y)).toBeLessThan(1);
    for (const h of l.hosts) {
      expect(h.x).toBeGreaterThanOrEqual(0);
      expect(h.x).toBeLessThanOrEqual(320);
    }
  });

  it('spreads many hosts so no two share a place', () => {
    const many = Array.from({ length: 6 }, (_, i) => ({ name: `H${i}`, ip: `10.0.0.${i + 1}` }));
    const l = layoutTopology(many, 320, 130);
    const keys = new Set(l.hosts.map((h) => `${Math.round(h.x)},${Math.round(h.y)}`));
    expect(keys.size).toBe(6);
  });
});

describe('packet dots', () => {
  const l = layoutTopology(HOSTS, 320, 130);
  const a = l.hosts[0]!;
  const b = l.hosts[1]!;

  it('puts a packet on its sender\'s link, or on its receiver\'s link, between host and router', () => {
    const [out, back] = packetDots(l, [
      { id: 1, from: 'A', to: 'B', where: 'link-in' },
      { id: 2, from: 'A', to: 'B', where: 'link-out' },
    ]);
    expect(out!.x).toBeGreaterThan(a.x);
    expect(out!.x).toBeLessThan(l.router.x);
    expect(back!.x).toBeGreaterThan(l.router.x);
    expect(back!.x).toBeLessThan(b.x);
    expect(out!.parked || back!.parked).toBe(false);
  });

  it('parks held, queued and delayed packets at the router, in a row, and spreads packets sharing a link', () => {
    const dots = packetDots(l, [
      { id: 1, from: 'A', to: 'B', where: 'held' },
      { id: 2, from: 'B', to: 'A', where: 'queued' },
      { id: 3, from: 'A', to: 'B', where: 'link-in' },
      { id: 4, from: 'A', to: 'B', where: 'link-in' },
    ]);
    expect(dots.filter((d) => d.parked).map((d) => d.id)).toEqual([1, 2]);
    expect(dots[0]!.x).not.toBe(dots[1]!.x);
    expect(dots[2]!.x).not.toBe(dots[3]!.x);
  });

  it('skips a packet whose host is unknown (a spoofed source) instead of drawing it anywhere', () => {
    expect(packetDots(l, [{ id: 9, from: 'ghost', to: 'B', where: 'link-in' }])).toEqual([]);
  });
});

describe('capped dots (a live queue of hundreds)', () => {
  const l = layoutTopology(HOSTS, 320, 130);
  const many = (n: number, where: string, from = 'A') => Array.from({ length: n }, (_, i) => ({ id: i + 1, from, to: 'B', where }));

  it('draws a lesson\'s handful of packets exactly as packetDots does, with nothing "+N"', () => {
    const few = [...many(5, 'link-in'), { id: 20, from: 'A', to: 'B', where: 'queued' }, { id: 21, from: 'B', to: 'A', where: 'link-out' }];
    const c = cappedDots(l, few);
    expect(c.dots).toEqual(packetDots(l, few));
    expect(c.more).toEqual([]);
    expect([c.onLinks, c.parked]).toEqual([6, 1]);
  });

  it('draws at most DOTS_PER_LINK per link and PARKED_DOTS at the router, and counts the rest', () => {
    const c = cappedDots(l, [...many(300, 'queued'), ...many(50, 'link-in').map((p) => ({ ...p, id: p.id + 1000 }))]);
    expect(c.dots.filter((d) => d.parked).map((d) => d.id)).toEqual(Array.from({ length: PARKED_DOTS }, (_, i) => i + 1));
    expect(c.dots.filter((d) => !d.parked).map((d) => d.id)).toEqual(Array.from({ length: DOTS_PER_LINK }, (_, i) => i + 1001));
    expect(c.more.map((m) => m.count)).toEqual([300 - PARKED_DOTS, 50 - DOTS_PER_LINK]);
    expect([c.onLinks, c.parked]).toEqual([50, 300]);
    // The link's "+N" sits just above its last drawn dot; the parked one right of the router's rows.
    const lastLink = c.dots[c.dots.length - 1]!;
    expect(c.more[1]).toEqual({ count: 42, x: lastLink.x, y: lastLink.y - 7 });
    expect(c.more[0]).toEqual({ count: 279, x: l.router.x + 40, y: l.router.y + 28 });
  });

  it('keeps the selected packet\'s dot past the cap, on top of the others at its spot', () => {
    const c = cappedDots(l, many(20, 'link-in'), 15);
    expect(c.dots.map((d) => d.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 15]);
    expect(c.dots[8]).toEqual(packetDots(l, many(20, 'link-in'))[14]);
    expect(c.more.map((m) => m.count)).toEqual([11]);
  });
});
