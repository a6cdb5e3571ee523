// Every lesson into every export format (split over two test files so they run in parallel).
import { expect, it } from 'vitest';
import { EXPORT_FORMATS } from '../../../src-main/contract/session.js';
import { exportSession, renderExport, sessionExportInput } from '../../../src-main/lab/export/index.js';
import { LESSONS } from '../../../src-main/lab/lessons/index.js';
import { loadSession } from '../../../src-main/lab/session-file.js';
import { newSession } from '../../../src-main/lab/session-model.js';
import { traceLine } from '../../../src-main/net/trace.js';
import { tcpChecksumOk } from '../../../src-main/tcp/codec.js';

/** The packets in a pcapng file: each Enhanced Packet Block's bytes (little-endian, as the writer makes them). */
function epbPackets(file: Uint8Array): Uint8Array[] {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const out: Uint8Array[] = [];
  for (let at = 0; at < file.length;) {
    const type = view.getUint32(at, true), total = view.getUint32(at + 4, true);
    if (type === 6) out.push(file.subarray(at + 28, at + 28 + view.getUint32(at + 20, true)));
    at += total;
  }
  return out;
}

export function lessonExportTests(fromOrder: number, toOrder: number): void {
  for (const lesson of LESSONS.filter((l) => l.order >= fromOrder && l.order <= toOrder)) {
    it(`${lesson.order} ${lesson.id}: every format`, () => {
      const session = newSession(JSON.parse(JSON.stringify(lesson.scenario)) as Record<string, unknown>, lesson.scenario.seed, { id: lesson.id, compare: null });
      const input = sessionExportInput(session);
      expect(input.trace.length).toBeGreaterThan(0);
      const lang = lesson.order % 2 === 0 ? 'zh-CN' : 'en';
      const files = Object.fromEntries(EXPORT_FORMATS.filter((f) => f !== 'session').map((f) => [f, renderExport(input, f, lang)]));
      const pcap = epbPackets(files.pcapng as Uint8Array);
      expect(pcap).toHaveLength(input.packets.length);
      pcap.forEach((bytes, i) => expect(tcpChecksumOk(bytes)).toBe(input.packets[i]!.corrupt === undefined));
      expect((files.jsonl as string).split('\n').slice(0, -1)).toEqual(input.trace.map(traceLine));
      expect((files.csv as string).split('\r\n')).toHaveLength(input.trace.length + 2);
      for (const f of ['svg-ladder', 'svg-state'] as const) expect(files[f]).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="\d+" height="\d+"[^]*<\/svg>\n$/);
      expect(Array.from((files['png-ladder'] as Uint8Array).subarray(1, 4))).toEqual([0x50, 0x4e, 0x47]);
      expect(files.html).toContain(`<html lang="${lang}">`);
      expect(files.html).not.toMatch(/https?:/);
      const saved = exportSession(session, 'session', lang);
      expect(saved.fileName).toBe(`${lesson.id}.session.json`);
      const back = loadSession(saved.data);
      expect(back.ok).toBe(true);
      if (back.ok) expect(sessionExportInput(back.session).trace.map(traceLine)).toEqual(input.trace.map(traceLine));
    }, 30_000);
  }
}
