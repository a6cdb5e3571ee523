// What every exporter reads: plain data, so exports work from a live session, a replayed session file or
// a hand-built trace in a test. Nothing here is mutated by an exporter.
import type { Lang, Localized } from '../../contract/commands.js';
import type { BranchInfo, NarrativeText } from '../../contract/session.js';
import type { Intervention } from '../../net/interventions.js';
import type { PacketRecord } from '../../net/packets.js';
import type { TraceEvent } from '../../net/trace.js';

export type { Lang, Localized };

export interface ExportHost {
  name: string;
  ip: string;
}

/** The lesson text shown in the HTML report. */
export interface ExportLesson {
  id: string;
  narrative: Record<Lang, NarrativeText>;
}

/** Run facts printed in the HTML report's header; all optional. */
export interface ExportMeta {
  seed?: number;
  profile?: string;
  untilMs?: number;
  lessonId?: string | null;
  compare?: number | null;
  /** Name of the branch the trace and packets come from. */
  branch?: string;
}

export interface ExportInput {
  title: Localized;
  hosts: readonly ExportHost[];
  /** The branch's whole trace in emission order. */
  trace: readonly TraceEvent[];
  /** Packet records (Network.packets()): bytes, lineage and fate of every packet still on record. */
  packets: readonly PacketRecord[];
  /** The branch's interventions in the order applied (Network.actions()). */
  actions: readonly Intervention[];
  branches: readonly BranchInfo[];
  lesson?: ExportLesson;
  meta?: ExportMeta;
}
