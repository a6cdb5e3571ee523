// Pointer-driven drag of a router packet onto a drop zone or another packet. Pointer events rather than
// HTML5 DnD: they work the same with mouse, pen and touch, and the drop target is found by hit-testing.
export type DropTarget = { zone: string } | { packetId: number } | null;

/** Distance the pointer must travel before a press becomes a drag (so a click still just selects). */
export const DRAG_THRESHOLD_PX = 5;

export function targetAt(x: number, y: number): DropTarget {
  const el = document.elementFromPoint(x, y);
  const zone = el?.closest<HTMLElement>('[data-drop-zone]')?.dataset.dropZone;
  if (zone) return { zone };
  const pid = el?.closest<HTMLElement>('[data-packet-id]')?.dataset.packetId;
  return pid ? { packetId: Number(pid) } : null;
}

export class PacketDrag {
  /** The packet being dragged once past the threshold; null otherwise. */
  id = $state<number | null>(null);
  x = $state(0);
  y = $state(0);
  over = $state<string | null>(null);

  /** Starts tracking a press; `ondrop` runs when a real drag ends over a target. */
  begin(e: PointerEvent, id: number, ondrop: (id: number, target: DropTarget) => void): void {
    if (e.button !== 0) return;
    const startX = e.clientX;
    const startY = e.clientY;
    const move = (ev: PointerEvent) => {
      if (this.id === null && Math.hypot(ev.clientX - startX, ev.clientY - startY) < DRAG_THRESHOLD_PX) return;
      this.id = id;
      this.x = ev.clientX;
      this.y = ev.clientY;
      const t = targetAt(ev.clientX, ev.clientY);
      this.over = t && 'zone' in t ? t.zone : t ? `packet:${t.packetId}` : null;
    };
    const up = (ev: PointerEvent) => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      window.removeEventListener('pointercancel', cancel);
      const dragged = this.id;
      this.id = null;
      this.over = null;
      if (dragged !== null) ondrop(dragged, targetAt(ev.clientX, ev.clientY));
    };
    const cancel = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      window.removeEventListener('pointercancel', cancel);
      this.id = null;
      this.over = null;
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
    window.addEventListener('pointercancel', cancel);
  }
}
