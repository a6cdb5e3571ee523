// The IPC adapter: one channel for calls, validated twice — the sender frame must be our own app:// page
// in a window we created, and the payload must pass the contract schema (LabHost.handleRaw does that).
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { ReplyMessage } from '../contract/index.js';
import { isAppUrl } from './security.js';

export const CALL_CHANNEL = 'tcplab:call';
export const EVENTS_CHANNEL = 'tcplab:events';

export interface CallHandler {
  handleRaw(raw: unknown): Promise<ReplyMessage>;
}

type FrameCheck = (event: Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>) => boolean;

/** Trusted: the main frame of a window we own, showing an app:// page. */
export function trustedSender(isOurContents: (contentsId: number) => boolean): FrameCheck {
  return (event) => {
    const frame = event.senderFrame;
    if (!frame || !isAppUrl(frame.url)) return false;
    if (!isOurContents(event.sender.id)) return false;
    return frame === event.sender.mainFrame;
  };
}

export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, host: CallHandler, isTrusted: FrameCheck): void {
  ipcMain.handle(CALL_CHANNEL, async (event, msg: unknown): Promise<ReplyMessage> => {
    if (!isTrusted(event)) {
      return { t: 'reply', id: -1, ok: false, error: { code: 'untrusted-sender', message: 'IPC from an untrusted frame was refused' } };
    }
    return host.handleRaw(msg);
  });
}
