// Kernel trace vs engine trace: the same packets (direction, flags, relative seq/ack, length, connection,
// dropped or not) in the same order, and times within max(10 %, 20 ms) of the kernel's. Known differences
// remove exactly the packet or field they name.
import type { DiffField, KnownDifference, NormPacket } from '../../../tools/kernel-oracle/types.js';

export const TIME_TOLERANCE_RATIO = 0.1;
export const TIME_TOLERANCE_MIN_MS = 20;

export function timeClose(kernelMs: number, engineMs: number): boolean {
  return Math.abs(kernelMs - engineMs) <= Math.max(TIME_TOLERANCE_RATIO * Math.abs(kernelMs), TIME_TOLERANCE_MIN_MS);
}

export function show(p: NormPacket | undefined): string {
  if (!p) return '(none)';
  return `${p.dir} ${p.cport} [${p.flags}] seq=${p.seq} ack=${p.ack} len=${p.len} t=${p.tMs}${p.dropped ? ' DROPPED' : ''}`;
}

function ignored(known: readonly KnownDifference[], kernelIndex: number, field: DiffField): boolean {
  return known.some((k) => 'kernelPacket' in k && k.kernelPacket === kernelIndex && k.field === field);
}

function fieldDiffs(k: NormPacket, e: NormPacket): DiffField[] {
  const out: DiffField[] = [];
  if (k.dir !== e.dir || k.cport !== e.cport || k.flags !== e.flags) out.push('flags');
  if (k.seq !== e.seq) out.push('seq');
  if (k.ack !== e.ack) out.push('ack');
  if (k.len !== e.len) out.push('len');
  if ((k.dropped === true) !== (e.dropped === true)) out.push('dropped');
  if (!timeClose(k.tMs, e.tMs)) out.push('tMs');
  return out;
}

/** Every mismatch as one line "kernel #i vs engine #j: fields: expected … got …"; [] when they agree. */
export function compareTraces(kernel: readonly NormPacket[], engine: readonly NormPacket[], known: readonly KnownDifference[]): string[] {
  const onlyKernel = new Set(known.flatMap((k) => (k.field === 'only-kernel' ? [k.kernelPacket] : [])));
  const onlyEngine = new Set(known.flatMap((k) => (k.field === 'only-engine' ? [k.enginePacket] : [])));
  const ks = kernel.map((p, i) => ({ p, i })).filter((x) => !onlyKernel.has(x.i));
  const es = engine.map((p, i) => ({ p, i })).filter((x) => !onlyEngine.has(x.i));
  const out: string[] = [];
  for (let n = 0; n < Math.max(ks.length, es.length); n++) {
    const k = ks[n], e = es[n];
    if (!k || !e) {
      out.push(`kernel #${k?.i ?? '-'} vs engine #${e?.i ?? '-'}: missing: expected ${show(k?.p)} got ${show(e?.p)}`);
      continue;
    }
    const diffs = fieldDiffs(k.p, e.p).filter((f) => !ignored(known, k.i, f));
    if (diffs.length > 0) out.push(`kernel #${k.i} vs engine #${e.i}: ${diffs.join(',')}: expected ${show(k.p)} got ${show(e.p)}`);
  }
  return out;
}
