import { describe, expect, it } from 'vitest';
import { layoutTopology, packetDots } from '../../../src-renderer/views/topology/layout.js';

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
