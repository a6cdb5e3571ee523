// The ladder's hidden table for screen readers (views/ladder/table-text.ts) reads in words, in both languages:
// a packet still in flight read "20–—" (send time, a range dash, and an em dash for "no arrival"), a packet
// dropped at the router had "—" as its receiver, and a router copy came "from router" in Chinese too.
import { describe, expect, it } from 'vitest';
import { en, type StringKey } from '../../../src-renderer/i18n/en.js';
import { zhCN } from '../../../src-renderer/i18n/zh-CN.js';
import { columnLayout } from '../../../src-renderer/views/ladder/geometry.js';
import { buildLadder, type LadderPacket } from '../../../src-renderer/views/ladder/model.js';
import { fromCell, timeCell, toCell } from '../../../src-renderer/views/ladder/table-text.js';
import { loadFixture } from './fixture.js';

const fixture = loadFixture();
const cols = columnLayout(fixture.hosts, 640, 88, 56);
const EN = (key: StringKey) => en[key];
const ZH = (key: StringKey) => zhCN[key];
const byId = (packets: LadderPacket[], id: number) => packets.find((p) => p.id === id)!;

// The whole fixture, and the same trace cut at 1200 ms: the SYN at 0 ms is then also cut before it arrives.
const done = buildLadder(fixture.events);
const at1200 = buildLadder(fixture.events.filter((e) => e.t < 1200));
const at5 = buildLadder(fixture.events.filter((e) => e.t < 5));

describe('the hidden table\'s cells', () => {
  it('time: when it was sent and what became of it, never a dash for "not yet"', () => {
    const cells = (t: (key: StringKey) => string) => [timeCell(byId(done, 1), t), timeCell(byId(done, 2), t), timeCell(byId(at5, 1), t), timeCell(byId(at1200, 5), t)];
    expect(cells(EN)).toEqual(['sent 0 ms, arrived 10 ms', 'sent 10 ms, dropped 15 ms', 'sent 0 ms, in flight', 'sent 1040 ms, held at the router']);
    expect(cells(ZH)).toEqual(['0 毫秒发出，10 毫秒到达', '10 毫秒发出，15 毫秒被丢弃', '0 毫秒发出，仍在途中', '1040 毫秒发出，扣留在路由器']);
    for (const cell of [...cells(EN), ...cells(ZH)]) expect(cell).not.toMatch(/[–—]/);
  });

  it('to: the host it was going to, also while in flight, held or dropped on the way', () => {
    expect([byId(done, 1), byId(done, 2), byId(at5, 1), byId(at1200, 5)].map((p) => toCell(p, cols))).toEqual(['B', 'A', 'B', 'B']);
    // An address no host has reads as that address.
    expect(toCell({ ...byId(at5, 1), dstIp: '10.9.9.9' }, cols)).toBe('10.9.9.9');
  });

  it('from: the router\'s copies in the reader\'s language', () => {
    expect([fromCell(byId(done, 7), EN), fromCell(byId(done, 7), ZH), fromCell(byId(done, 1), ZH)]).toEqual(['router', '路由器', 'A']);
  });
});
