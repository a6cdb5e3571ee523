// Turns an export result from the host into a file download (Blob + a[download]); nothing leaves the machine.
import type { ExportResult } from '../../src-main/contract/index.js';
import { exportBytes } from './export-bytes.js';

export function download(result: ExportResult): void {
  const blob = new Blob([exportBytes(result)], { type: result.mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = result.fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke on the next task so the browser has started reading the blob.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
