// The one error shape that crosses every boundary (IPC, WebSocket, CLI). `code` is stable for tests and
// translations; `message` is English; `path` names the offending field (JSON path) when there is one.
export interface LabErrorInfo {
  code: string;
  message: string;
  path?: string;
}

export class LabError extends Error {
  readonly code: string;
  readonly path: string | undefined;

  constructor(code: string, message: string, path?: string) {
    super(message);
    this.name = 'LabError';
    this.code = code;
    this.path = path;
  }

  toInfo(): LabErrorInfo {
    return this.path === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, path: this.path };
  }
}
