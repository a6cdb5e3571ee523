// The RFC 9293 Figure 5 layout, edge lookup and edgeCausedBy.
import { describe, expect, it } from 'vitest';
import {
  NODE_HEIGHT, NODE_WIDTH, RFC_EDGES, STATE_NODES, VIEW_HEIGHT, VIEW_WIDTH, nodeById, nodeFor, rfcEdgeFor,
} from '../../../src-renderer/views/state/layout.js';
import { boxExit, edgeGeometry, labelBox, labelLines } from '../../../src-renderer/views/state/paths.js';
import { en } from '../../../src-renderer/i18n/en.js';
import { zhCN } from '../../../src-renderer/i18n/zh-CN.js';
import { connectionsOf, edgeCausedBy, stateEventsOf } from '../../../src-renderer/views/state/cause.js';
import { currentNode, edgeKeyOf, extraEdges } from '../../../src-renderer/views/state/model.js';
import type { StateEvent, TcpState } from '../../../src-renderer/views/model/trace-types.js';
import { loadFixture } from './fixture.js';

const CA = '10.0.0.1:40000>10.0.0.2:80';
const CB = '10.0.0.2:80>10.0.0.1:40000';

describe('state diagram layout', () => {
  it('has the 11 RFC states, CLOSED drawn twice as in the figure', () => {
    expect(STATE_NODES).toHaveLength(12);
    expect(new Set(STATE_NODES.map((n) => n.state)).size).toBe(11);
    expect(STATE_NODES.filter((n) => n.state === 'CLOSED').map((n) => n.id)).toEqual(['CLOSED', 'CLOSED-END']);
  });

  it('every RFC edge has both endpoints, and the 20 edges of Figure 5 are distinct', () => {
    expect(RFC_EDGES).toHaveLength(20);
    for (const e of RFC_EDGES) {
      expect(nodeById(e.from), e.key).toBeDefined();
      expect(nodeById(e.to), e.key).toBeDefined();
    }
    expect(new Set(RFC_EDGES.map((e) => `${e.from}>${e.to}`)).size).toBe(20);
    expect(new Set(RFC_EDGES.map((e) => e.key)).size).toBe(20);
  });

  it('no two nodes overlap and all fit in the view', () => {
    for (const a of STATE_NODES) {
      expect(a.x - NODE_WIDTH / 2).toBeGreaterThanOrEqual(0);
      expect(a.x + NODE_WIDTH / 2).toBeLessThanOrEqual(VIEW_WIDTH);
      expect(a.y - NODE_HEIGHT / 2).toBeGreaterThanOrEqual(0);
      expect(a.y + NODE_HEIGHT / 2).toBeLessThanOrEqual(VIEW_HEIGHT);
      for (const b of STATE_NODES) {
        if (a === b) continue;
        const apart = Math.abs(a.x - b.x) >= NODE_WIDTH + 8 || Math.abs(a.y - b.y) >= NODE_HEIGHT + 8;
        expect(apart, `${a.id} / ${b.id}`).toBe(true);
      }
    }
  });

  it('keeps the classic arrangement: CLOSED top, LISTEN, SYN-RCVD left of SYN-SENT, ESTABLISHED middle, TIME-WAIT bottom', () => {
    const y = (id: Parameters<typeof nodeById>[0]) => nodeById(id)!.y;
    const x = (id: Parameters<typeof nodeById>[0]) => nodeById(id)!.x;
    expect(y('CLOSED')).toBeLessThan(y('LISTEN'));
    expect(y('LISTEN')).toBeLessThan(y('SYN-SENT'));
    expect(x('SYN-RECEIVED')).toBeLessThan(x('SYN-SENT'));
    expect(y('SYN-SENT')).toBeLessThan(y('ESTABLISHED'));
    expect(y('ESTABLISHED')).toBeLessThan(y('FIN-WAIT-1'));
    expect(y('FIN-WAIT-2')).toBe(y('CLOSING'));
    expect(y('CLOSING')).toBe(y('LAST-ACK'));
    expect(Math.max(...STATE_NODES.map((n) => n.y))).toBe(y('TIME-WAIT'));
  });

  it('maps transitions to RFC edges, using the bottom CLOSED box after a close-down', () => {
    expect(rfcEdgeFor('LISTEN', 'SYN-RECEIVED')?.labelKey).toBe('state.edge.rcvSyn');
    expect(rfcEdgeFor('SYN-SENT', 'ESTABLISHED')?.labelKey).toBe('state.edge.rcvSynAck');
    expect(rfcEdgeFor('TIME-WAIT', 'CLOSED')?.to).toBe('CLOSED-END');
    expect(rfcEdgeFor('SYN-SENT', 'CLOSED')?.to).toBe('CLOSED');
    expect(rfcEdgeFor('ESTABLISHED', 'CLOSED')).toBeUndefined(); // a reset: not in the figure
    expect(nodeFor('CLOSED', 'LAST-ACK').id).toBe('CLOSED-END');
  });

  it('edge curves leave and enter the boxes at their borders', () => {
    const a = nodeById('CLOSED')!;
    expect(boxExit(a, { x: a.x, y: a.y + 100 }, 0)).toEqual({ x: a.x, y: a.y + NODE_HEIGHT / 2 });
    const g = edgeGeometry(nodeById('TIME-WAIT')!, nodeById('CLOSED-END')!, 0);
    const start = /^M([\d.]+),([\d.]+)/.exec(g.d);
    expect(Number(start?.[1])).toBeCloseTo(nodeById('TIME-WAIT')!.x + NODE_WIDTH / 2 + 3, 5);
    expect(g.label).toEqual(g.mid);
  });

  it('splits labels into event and action lines, as the RFC figure does', () => {
    expect(labelLines('rcv SYN / snd SYN,ACK')).toEqual(['rcv SYN', 'snd SYN,ACK']);
    expect(labelLines('rcv RST (note 1)')).toEqual(['rcv RST (note 1)']);
  });

  for (const [lang, table] of [['en', en], ['zh-CN', zhCN]] as const) {
    it(`edge labels (${lang}) overlap neither each other nor a box, and stay in view`, () => {
      type Box = { x0: number; y0: number; x1: number; y1: number };
      const hit = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
      const labels = RFC_EDGES.map((e) => ({ key: e.key, box: labelBox(table[e.labelKey], edgeGeometry(nodeById(e.from)!, nodeById(e.to)!, e.bend, e.nudge).label) }));
      const boxes = STATE_NODES.map((n) => ({ key: n.id, box: { x0: n.x - NODE_WIDTH / 2, y0: n.y - NODE_HEIGHT / 2, x1: n.x + NODE_WIDTH / 2, y1: n.y + NODE_HEIGHT / 2 } }));
      const clashes: string[] = [];
      labels.forEach((a, i) => {
        if (a.box.x0 < 0 || a.box.x1 > VIEW_WIDTH || a.box.y0 < 0 || a.box.y1 > VIEW_HEIGHT) clashes.push(`${a.key} out of view`);
        for (const b of labels.slice(i + 1)) if (hit(a.box, b.box)) clashes.push(`${a.key} / ${b.key}`);
        for (const n of boxes) if (hit(a.box, n.box)) clashes.push(`${a.key} / box ${n.key}`);
      });
      expect(clashes).toEqual([]);
    });
  }
});

describe('state events: current node, extra edges', () => {
  const ev = (from: TcpState, to: TcpState): StateEvent => ({ t: 0, kind: 'state', host: 'A', conn: CA, from, to, cause: 'x' });

  it('lights the last state, and lists transitions the figure lacks once', () => {
    const events = [ev('CLOSED', 'SYN-SENT'), ev('SYN-SENT', 'ESTABLISHED'), ev('ESTABLISHED', 'CLOSED'), ev('CLOSED', 'SYN-SENT'), ev('SYN-SENT', 'CLOSED')];
    expect(currentNode(events)).toBe('CLOSED');
    expect(currentNode([])).toBeNull();
    expect(extraEdges(events)).toEqual([{ key: 'extra:ESTABLISHED>CLOSED', from: 'ESTABLISHED', to: 'CLOSED' }]);
    expect(edgeKeyOf(ev('FIN-WAIT-1', 'TIME-WAIT'))).toBe('extra:FIN-WAIT-1>TIME-WAIT');
    expect(currentNode([ev('LAST-ACK', 'CLOSED')])).toBe('CLOSED-END');
  });
});

describe('edgeCausedBy on the fixture', () => {
  const { events } = loadFixture();
  const caused = (id: number) => {
    const s = edgeCausedBy(id, events);
    return s && `${s.host} ${s.from}>${s.to}`;
  };

  it('finds the state change the received packet caused at its receiver', () => {
    expect(caused(1)).toBe('B LISTEN>SYN-RECEIVED');
    expect(caused(3)).toBe('A SYN-SENT>ESTABLISHED');
    expect(caused(4)).toBe('B SYN-RECEIVED>ESTABLISHED');
    expect(caused(8)).toBe('B ESTABLISHED>CLOSE-WAIT');
    expect(caused(11)).toBe('B LAST-ACK>CLOSED');
  });

  it('is null for a dropped packet, and for packets that changed no state', () => {
    expect(caused(2)).toBeNull(); // dropped at the router
    expect(caused(5)).toBeNull(); // data in ESTABLISHED
    expect(caused(7)).toBeNull(); // duplicate ACK
    expect(caused(12)).toBeNull(); // replay answered by RST, B stays CLOSED
    expect(caused(404)).toBeNull();
  });

  it('prefers the receiving connection when two state events share the instant', () => {
    const recv = { t: 5, kind: 'segment.recv', host: 'B', conn: CA, id: 1, seg: { flags: 'S', seq: 0, ack: 0, len: 0, win: 0, options: {} } } as const;
    const other: StateEvent = { t: 5, kind: 'state', host: 'B', conn: '10.0.0.2:81>10.0.0.9:1', from: 'TIME-WAIT', to: 'CLOSED', cause: 'timer' };
    const mine: StateEvent = { t: 5, kind: 'state', host: 'B', conn: CB, from: 'LISTEN', to: 'SYN-RECEIVED', cause: 'syn' };
    expect(edgeCausedBy(1, [recv, other, mine])).toBe(mine);
  });

  it('lists connections per host and their state events', () => {
    expect(connectionsOf('B', events)).toEqual(['10.0.0.2:80>0.0.0.0:0', CB]);
    expect(stateEventsOf('A', CA, events).map((e) => e.to)).toEqual(['SYN-SENT', 'ESTABLISHED', 'FIN-WAIT-1', 'FIN-WAIT-2', 'TIME-WAIT']);
  });
});
