// Wire envelopes shared by the WebSocket (browser mode) and the Electron IPC transports.
// Every message is validated against these schemas on arrival, whichever side receives it.
import { z } from 'zod';
import type { LabErrorInfo } from './errors.js';

/** Upper bound on one request, so a hostile page cannot make the host parse gigabytes. */
export const MAX_REQUEST_BYTES = 16 * 1024 * 1024;

/**
 * The longest scenario or session text the host reads (lab/scenario-guard.ts). The window refuses a bigger file
 * before sending it: sent, it would not fit in one request (MAX_REQUEST_BYTES) once JSON-escaped.
 */
export const MAX_FILE_TEXT_CHARS = 10 * 1024 * 1024;

export const callMessageSchema = z
  .object({
    t: z.literal('call'),
    id: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
    cmd: z.string().min(1).max(64),
    args: z.unknown(),
  })
  .strict();
export type CallMessage = z.infer<typeof callMessageSchema>;

export type ReplyMessage =
  | { t: 'reply'; id: number; ok: true; result: unknown }
  | { t: 'reply'; id: number; ok: false; error: LabErrorInfo };

/** Host → renderer push: events coalesced into one batch per flush (at most one per animation frame). */
export interface EventsMessage {
  t: 'events';
  batch: unknown[];
}

export type ServerMessage = ReplyMessage | EventsMessage;
