// The router list's rows, and the interventions a drag, a button or a key produces (one definition for all).
import { describe, expect, it } from 'vitest';
import { interventionBodySchema, type RouterPacketView, type RouterView } from '../../../src-main/contract/index.js';
import {
  actionFor, canDo, HEADING_PX, itemHeightPx, itemIndexOf, listItems, moveOnto, nextSelection, OPTION_PX, receiverOf, renderedGroups, routerRows, whereKey,
  type PacketAction,
} from '../../../src-renderer/lib/router-list.js';

function pkt(id: number, where: string, to = 'B', queueIndex: number | null = null): RouterPacketView {
  return {
    id, label: `#${id}`, conn: '10.0.0.1:40000>10.0.0.2:80', from: 'A', to, where, queueIndex,
    lineage: { type: 'original' }, seg: { flags: 'A', seq: 1, ack: 1, len: 0, win: 100, options: {} },
  };
}

const view: RouterView = {
  atMs: 100,
  inFlight: [pkt(9, 'link A→router')],
  queued: [pkt(5, 'queued', 'B', 1), pkt(4, 'queued', 'B', 0), pkt(6, 'queued', 'B', 2), pkt(7, 'queued', 'A', 0)],
  held: [pkt(3, 'held')],
  cached: [pkt(1, 'cache')],
  rules: [],
  queueCapacity: { A: 64, B: 64 },
};
const rows = routerRows(view);
const row = (id: number) => rows.find((r) => r.packet.id === id)!;

describe('routerRows', () => {
  it('lists queued by queue and position, then held, in flight and cached', () => {
    expect(rows.map((r) => `${r.place}:${r.packet.id}`)).toEqual(['queued:7', 'queued:4', 'queued:5', 'queued:6', 'held:3', 'inFlight:9', 'cached:1']);
    expect(routerRows(null)).toEqual([]);
  });
});

describe('canDo and actionFor', () => {
  it('enables each action only where it makes sense', () => {
    const table = (id: number) => (['drop', 'delay', 'hold', 'release', 'replay', 'duplicate', 'moveUp', 'moveDown'] as PacketAction[]).filter((a) => canDo(a, row(id), rows));
    expect(table(4)).toEqual(['drop', 'delay', 'hold', 'duplicate', 'moveDown']);
    expect(table(5)).toEqual(['drop', 'delay', 'hold', 'duplicate', 'moveUp', 'moveDown']);
    expect(table(6)).toEqual(['drop', 'delay', 'hold', 'duplicate', 'moveUp']);
    expect(table(7)).toEqual(['drop', 'delay', 'hold', 'duplicate']);
    expect(table(3)).toEqual(['drop', 'delay', 'release', 'duplicate']);
    expect(table(9)).toEqual(['drop', 'delay', 'hold', 'duplicate']);
    expect(table(1)).toEqual(['replay']);
    expect(canDo('drop', null, rows)).toBe(false);
  });

  it('builds interventions the contract accepts', () => {
    expect(actionFor('drop', row(4))).toEqual({ op: 'drop', id: 4 });
    expect(actionFor('delay', row(4))).toBeNull();
    expect(actionFor('delay', row(4), 3000)).toEqual({ op: 'delay', id: 4, delayMs: 3000 });
    expect(actionFor('moveUp', row(5))).toEqual({ op: 'move', id: 5, toIndex: 0 });
    expect(actionFor('moveDown', row(5))).toEqual({ op: 'move', id: 5, toIndex: 2 });
    expect(actionFor('release', row(3))).toEqual({ op: 'release', id: 3 });
    expect(actionFor('replay', row(1))).toEqual({ op: 'replay', id: 1 });
    for (const a of ['drop', 'hold', 'release', 'replay', 'duplicate', 'moveUp', 'moveDown'] as PacketAction[]) {
      expect(interventionBodySchema.safeParse(actionFor(a, row(5))).success).toBe(true);
    }
  });
});

describe('moveOnto (drag to reorder)', () => {
  it('takes the target’s place in the same queue', () => {
    expect(moveOnto(row(6), row(4))).toEqual({ op: 'move', id: 6, toIndex: 0 });
  });
  it('refuses another queue, itself, or a packet that is not queued', () => {
    expect(moveOnto(row(4), row(7))).toBeNull();
    expect(moveOnto(row(4), row(4))).toBeNull();
    expect(moveOnto(row(3), row(4))).toBeNull();
  });
});

describe('a queued packet without an index (on the wire)', () => {
  const wire: RouterView = { ...view, queued: [pkt(11, 'queued', 'B', 1), pkt(10, 'queued', 'B', null), pkt(12, 'queued', 'B', 0)] };
  const wireRows = routerRows(wire);
  const r = (id: number) => wireRows.find((x) => x.packet.id === id)!;

  it('comes first and cannot be moved or taken the place of', () => {
    expect(wireRows.filter((x) => x.place === 'queued').map((x) => x.packet.id)).toEqual([10, 12, 11]);
    expect(canDo('moveUp', r(10), wireRows)).toBe(false);
    expect(canDo('moveDown', r(10), wireRows)).toBe(false);
    expect(moveOnto(r(11), r(10))).toBeNull();
    expect(moveOnto(r(11), r(12))).toEqual({ op: 'move', id: 11, toIndex: 0 });
    expect(canDo('moveDown', r(12), wireRows)).toBe(true);
    expect(canDo('moveDown', r(11), wireRows)).toBe(false);
  });
});

describe('nextSelection (arrow keys)', () => {
  it('moves and clamps at both ends', () => {
    expect(nextSelection(rows, null, 'ArrowDown')).toBe(7);
    expect(nextSelection(rows, 7, 'ArrowDown')).toBe(4);
    expect(nextSelection(rows, 7, 'ArrowUp')).toBe(7);
    expect(nextSelection(rows, 1, 'ArrowDown')).toBe(1);
    expect(nextSelection(rows, 5, 'End')).toBe(1);
    expect(nextSelection(rows, 5, 'Home')).toBe(7);
    expect(nextSelection(rows, 5, 'x')).toBe(5);
    expect(nextSelection([], 5, 'ArrowDown')).toBeNull();
  });
});

describe('listItems and renderedGroups (the virtualised list)', () => {
  const items = listItems(rows);
  const shape = (i: number) => {
    const it = items[i]!;
    return it.kind === 'heading' ? `h:${it.place}` : `${it.row.packet.id}:${it.posInSet}/${it.setSize}`;
  };

  it('puts each place\'s heading before its options, numbered within the group', () => {
    expect(items.map((_, i) => shape(i))).toEqual(['h:queued', '7:1/4', '4:2/4', '5:3/4', '6:4/4', 'h:held', '3:1/1', 'h:inFlight', '9:1/1', 'h:cached', '1:1/1']);
    expect(items.map(itemHeightPx)).toEqual([HEADING_PX, OPTION_PX, OPTION_PX, OPTION_PX, OPTION_PX, HEADING_PX, OPTION_PX, HEADING_PX, OPTION_PX, HEADING_PX, OPTION_PX]);
    expect(listItems([])).toEqual([]);
  });

  it('finds a packet\'s option by id', () => {
    expect(itemIndexOf(items, 5)).toBe(3);
    expect(itemIndexOf(items, 1)).toBe(10);
    expect(itemIndexOf(items, 42)).toBe(-1);
    expect(itemIndexOf(items, null)).toBe(-1);
  });

  it('groups rendered options under their heading, rendering the heading even when it is scrolled away', () => {
    // Items 3..6 in view (5, 6, held heading, 3) and the selected #1 (item 10) kept.
    expect(renderedGroups(items, [3, 4, 5, 6, 10])).toEqual([
      { place: 'queued', heading: 0, options: [3, 4] },
      { place: 'held', heading: 5, options: [6] },
      { place: 'cached', heading: 9, options: [10] },
    ]);
    // A heading alone in the window still renders its group (empty until its first option scrolls in).
    expect(renderedGroups(items, [7])).toEqual([{ place: 'inFlight', heading: 7, options: [] }]);
    expect(renderedGroups(items, [])).toEqual([]);
  });
});

describe('whereKey', () => {
  it('names every place the host reports, in both languages, and leaves an unknown one as is', async () => {
    const { en } = await import('../../../src-renderer/i18n/en.js');
    const { zhCN } = await import('../../../src-renderer/i18n/zh-CN.js');
    for (const where of ['link-in', 'link-out', 'queued', 'held', 'delayed', 'reorder', 'cached']) {
      const key = whereKey(where, where === 'queued' ? 0 : null);
      expect(key).toBe(`router.where.${where}`);
      expect(en[key!]).toBeTruthy();
      expect(zhCN[key!]).toBeTruthy();
      expect(zhCN[key!]).not.toBe(en[key!]);
    }
    expect(whereKey('somewhere-new')).toBeNull();
    // The queued packet without an index is the one on the wire.
    expect(whereKey('queued', null)).toBe('router.where.sending');
    expect(zhCN['router.where.sending']).toBe('正在发送（队首）');
  });
});

describe('receiverOf', () => {
  it('names the receiving host, or the destination address when no host has it (a spoofed source)', () => {
    expect(receiverOf({ to: 'A', conn: '10.0.0.2:80>10.0.0.1:40000' })).toBe('A');
    expect(receiverOf({ to: '', conn: '10.0.0.2:80>10.0.9.77:1234' })).toBe('10.0.9.77');
  });
});
