// The inspector's History list for a packet (session-views.ts packetDetailOf): one line per thing that happened.
import { describe, expect, it } from 'vitest';
import { packetDetailOf } from '../../../src-main/lab/session-views.js';
import { firstSendAfter, openLesson } from './session-helpers.js';

describe('packet history', () => {
  it('an edited packet says once that its edit replaced it, with the time', () => {
    const lab = openLesson('three-way-handshake');
    const syn = firstSendAfter(lab, 0, 'S');
    lab.seekMs(5);
    lab.intervene({ op: 'edit', id: syn.id, fields: { window: 1000 } });
    const d = packetDetailOf(lab.stateAtCursor().network, syn.id, lab.timeline.packetNumbers);
    const replaced = d.history.filter((line) => line.startsWith('replaced by its edit'));
    expect(replaced).toEqual([`replaced by its edit #${syn.id + 1} at 5 ms`]);
    expect(d.history[0]).toBe('sent by A at 0 ms (original)');
  });
});
