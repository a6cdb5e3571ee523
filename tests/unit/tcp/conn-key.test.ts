// connKey memoises its "localIp:localPort>" prefix: the key must not depend on what was built before it.
import { describe, expect, it } from 'vitest';
import { connKey } from '../../../src-main/tcp/conn.js';

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
