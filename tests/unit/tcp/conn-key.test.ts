// connKey memoises its "localIp:localPort>" prefix: the key must not depend on what was built before it.
// portText (the table of port numbers as text that keys are built from) must spell each port as String does,
// and windowFactor (a window-scale shift as a factor) must be exactly 2 ** shift.
import { describe, expect, it } from 'vitest';
import { connKey, windowFactor } from '../../../src-main/tcp/conn.js';
import { portText } from '../../../src-main/tcp/port-text.js';

describe('connKey', () => {
  it('spells "localIp:localPort>remoteIp:remotePort" whatever key came before', () => {
    const cases: Array<[string, number, string, number]> = [
      ['10.0.0.2', 80, '198.18.0.1', 1024],
      ['10.0.0.2', 80, '10.0.0.1', 40000],
      ['10.0.0.2', 81, '10.0.0.1', 40000], // same address, another port
      ['10.0.0.20', 81, '10.0.0.1', 40000], // another address, same port
      ['10.0.0.2', 80, '198.18.0.1', 1024], // back to the first prefix
      ['', 0, '', 0],
    ];
    for (let round = 0; round < 2; round++) {
      for (const [li, lp, ri, rp] of cases) expect(connKey(li, lp, ri, rp)).toBe(`${li}:${lp}>${ri}:${rp}`);
    }
  });
});

describe('portText', () => {
  it('spells every port as String does, from the table and again from it', () => {
    for (let round = 0; round < 2; round++) {
      for (let port = 0; port <= 65535; port++) {
        const text = portText(port);
        if (text !== String(port)) expect(text).toBe(String(port)); // one expect per miss, not 65,536
      }
    }
    expect([portText(0), portText(80), portText(65535)]).toEqual(['0', '80', '65535']);
  });

  it('converts numbers that are not ports without touching the table', () => {
    for (const n of [-1, 65536, 1.5, Number.NaN, 1e21, -0]) expect(portText(n)).toBe(String(n));
  });
});

describe('windowFactor', () => {
  it('is exactly 2 ** shift for every window-scale shift and anything else', () => {
    for (let shift = -3; shift <= 40; shift++) expect(windowFactor(shift)).toBe(2 ** shift);
    for (const shift of [0.5, 14.5, -0, Number.NaN, Infinity]) expect(windowFactor(shift)).toBe(2 ** shift);
    expect([windowFactor(0), windowFactor(7), windowFactor(14)]).toEqual([1, 128, 16384]);
  });
});
