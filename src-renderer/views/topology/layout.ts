// Topology layout: the router in the middle, hosts evenly around it (d3-scale spreads the angles), and where
// each packet the router view lists sits right now — on its sender's link, parked at the router, or on the
// receiver's link. Pure maths, tested in tests/unit/renderer/topology.test.ts.
import { scaleLinear } from 'd3-scale';

export interface Point {
  x: number;
  y: number;
}

export interface HostNode extends Point {
  name: string;
  ip: string;
}

export interface TopologyLayout {
  router: Point;
  hosts: HostNode[];
}

/** Where a packet is, as the host's router view says (RouterPacketView.where). */
export type Where = 'link-in' | 'delayed' | 'reorder' | 'held' | 'queued' | 'link-out' | string;

export interface PacketDot extends Point {
  id: number;
  parked: boolean;
  /** Where the dot is drawn: 'parked', or '<where>:<host>' for a link direction. */
  spot: string;
}

export function layoutTopology(hosts: ReadonlyArray<{ name: string; ip: string }>, widthPx: number, heightPx: number): TopologyLayout {
  const router = { x: widthPx / 2, y: heightPx / 2 };
  const radius = Math.max(10, Math.min(widthPx, heightPx) / 2 - 22);
  // Two hosts sit left and right (like the ladder's columns); more go round the circle from the left.
  const angle = scaleLinear().domain([0, Math.max(1, hosts.length)]).range([Math.PI, 3 * Math.PI]);
  return {
    router,
    hosts: hosts.map((h, i) => {
      const a = angle(i);
      return { name: h.name, ip: h.ip, x: router.x + radius * Math.cos(a) * (widthPx / Math.min(widthPx, heightPx)) * 0.9, y: router.y + radius * Math.sin(a) * 0.8 };
    }),
  };
}

function lerp(a: Point, b: Point, f: number): Point {
  return { x: a.x + (b.x - a.x) * f, y: a.y + (b.y - a.y) * f };
}

const PARKED: ReadonlySet<string> = new Set(['delayed', 'reorder', 'held', 'queued']);

/**
 * One dot per packet. Packets on the same link are spread along it so they do not hide each other; parked
 * packets stack in a row under the router, in the order the view lists them.
 */
export function packetDots(
  layout: TopologyLayout,
  packets: ReadonlyArray<{ id: number; from: string; to: string; where: Where }>,
): PacketDot[] {
  const byName = new Map(layout.hosts.map((h) => [h.name, h]));
  const perLink = new Map<string, number>();
  let parkedCount = 0;
  const dots: PacketDot[] = [];
  for (const p of packets) {
    if (PARKED.has(p.where)) {
      const slot = parkedCount++;
      dots.push({ id: p.id, parked: true, spot: 'parked', x: layout.router.x - 24 + (slot % 7) * 8, y: layout.router.y + 20 + Math.floor(slot / 7) * 8 });
      continue;
    }
    const host = byName.get(p.where === 'link-out' ? p.to : p.from);
    if (!host) continue;
    const key = `${p.where}:${host.name}`;
    const n = perLink.get(key) ?? 0;
    perLink.set(key, n + 1);
    // Outbound (link-in) dots start near the sender; inbound (link-out) near the router; spread by order.
    const f = Math.min(0.85, 0.3 + n * 0.12);
    const at = p.where === 'link-out' ? lerp(layout.router, host, f) : lerp(host, layout.router, f);
    dots.push({ id: p.id, parked: false, spot: key, ...at });
  }
  return dots;
}

/** Dots drawn per link direction and at the router; beyond these a "+N" label stands for the rest. */
export const DOTS_PER_LINK = 8;
export const PARKED_DOTS = 21;

export interface MoreLabel extends Point {
  /** Packets there that have no dot of their own. */
  count: number;
}

export interface CappedDots {
  dots: PacketDot[];
  more: MoreLabel[];
  /** All packets on links and parked at the router, drawn or not (for the figure's summary). */
  onLinks: number;
  parked: number;
}

/**
 * packetDots with a cap, for a live run with hundreds of packets at the router: from the 6th dot on a link
 * they all sit at the same spot (f capped at 0.85), and parked rows past the 3rd fall out of the figure, so
 * drawing them only costs DOM work on every refresh. A lesson's handful of packets is drawn unchanged.
 */
export function cappedDots(
  layout: TopologyLayout,
  packets: ReadonlyArray<{ id: number; from: string; to: string; where: Where }>,
  keepId: number | null = null,
  perLink = DOTS_PER_LINK,
  parkedMax = PARKED_DOTS,
): CappedDots {
  const all = packetDots(layout, packets);
  const dots: PacketDot[] = [];
  const hidden = new Map<string, MoreLabel>();
  const shown = new Map<string, number>();
  let parked = 0;
  for (const d of all) {
    if (d.parked) parked++;
    const key = d.spot;
    const n = shown.get(key) ?? 0;
    // The selected packet keeps its dot even past the cap, so selecting it in the list still shows where it is.
    if (n < (d.parked ? parkedMax : perLink) || d.id === keepId) {
      if (d.id !== keepId) shown.set(key, n + 1);
      dots.push(d);
      continue;
    }
    const label = hidden.get(key) ?? { count: 0, ...(d.parked ? { x: layout.router.x + 40, y: layout.router.y + 28 } : { x: d.x, y: d.y - 7 }) };
    label.count++;
    hidden.set(key, label);
  }
  return { dots, more: [...hidden.values()], onLinks: all.length - parked, parked };
}
