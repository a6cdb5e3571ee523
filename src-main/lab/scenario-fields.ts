// Shared zod field types for scenario files: bounded numbers, addresses, names and flag letters.
// Custom messages of the form "fmt:<key>" are turned into readable errors by scenario-issues.ts.
import { z } from 'zod';

/** 24 h: the longest delay, timeout or run a scenario may ask for. */
export const MAX_MS = 86_400_000;
export const MAX_U32 = 4_294_967_295;
/** 1 MiB of text per send step. */
export const MAX_DATA_CHARS = 1_048_576;

const OCTET = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = `${OCTET}(\\.${OCTET}){3}`;
const PORT = '([1-9]\\d{0,3}|[1-5]\\d{4}|6[0-4]\\d{3}|65[0-4]\\d{2}|655[0-2]\\d|6553[0-5])';

export const FORMAT_NAMES: Record<string, string> = {
  ipv4: 'a dotted-quad IPv4 address',
  endpoint: '"ip:port"',
  flags: 'flag letters from SAFRPUEC, each at most once',
  host: 'a host name (letter, then letters, digits, _ or -; at most 32)',
  sysctl: 'a sysctl name such as net.ipv4.tcp_syn_retries',
  id: 'an id of letters, digits, ".", "_" or "-" (at most 64)',
};

export const ms = () => z.number().int().min(0).max(MAX_MS);
export const u32 = () => z.number().int().min(0).max(MAX_U32);
export const port = () => z.number().int().min(1).max(65535);
export const ipv4 = () => z.string().max(15).regex(new RegExp(`^${IPV4}$`), 'fmt:ipv4');
export const endpoint = () => z.string().max(21).regex(new RegExp(`^${IPV4}:${PORT}$`), 'fmt:endpoint');
export const hostName = () => z.string().max(32).regex(/^[A-Za-z][A-Za-z0-9_-]{0,31}$/, 'fmt:host');
/** Exact flag set; "" is a segment with no flags at all. */
export const flags = () => z.string().max(8).regex(/^(?!.*(.).*\1)[SAFRPUEC]*$/, 'fmt:flags');
export const flagsAny = () => z.string().min(1).max(8).regex(/^(?!.*(.).*\1)[SAFRPUEC]+$/, 'fmt:flags');
export const sysctlName = () => z.string().max(100).regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/, 'fmt:sysctl');
export const id = () => z.string().min(1).max(64).regex(/^[A-Za-z0-9_.-]+$/, 'fmt:id');
export const text = (maxChars: number) => z.string().min(1).max(maxChars);

export const profileName = () => z.enum(['rfc', 'linux', 'classic']);
export const tcpState = () =>
  z.enum([
    'CLOSED', 'LISTEN', 'SYN-SENT', 'SYN-RECEIVED', 'ESTABLISHED', 'FIN-WAIT-1',
    'FIN-WAIT-2', 'CLOSE-WAIT', 'CLOSING', 'LAST-ACK', 'TIME-WAIT',
  ]);

/** `{ "en": …, "zh-CN": … }`: every user-visible text exists in both languages. */
export const i18n = (maxChars: number) => z.strictObject({ en: text(maxChars), 'zh-CN': text(maxChars) });
