// Validation of the packet editor and the inject form as the user types. The limits are those of the
// contract's packetEditSchema / craftedSegmentSchema (src-main/contract/intervention-schema.ts); messages are
// i18n keys so they show in the current language. Pure: strings in, typed values or error keys out.
import type { z } from 'zod';
import type { craftedSegmentSchema, packetEditSchema } from '../../src-main/contract/index.js';

export type PacketEdit = z.infer<typeof packetEditSchema>;
export type CraftedSegment = z.infer<typeof craftedSegmentSchema>;

/** Each names a message key `form.err.<kind>` in i18n/panels.*.ts. */
export type FieldError = 'flags' | 'flagsRepeat' | 'integer' | 'u32' | 'window' | 'port' | 'ip' | 'payload' | 'required' | 'delay';

export const FLAG_LETTERS = 'SAFRPUEC';
export const U32_MAX = 4294967295;
export const WINDOW_MAX = 65535;
/** 65535 − 20 (IPv4) − 20 (TCP): the largest payload one IPv4 datagram can carry. */
export const PAYLOAD_MAX_CHARS = 65495;

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

export function checkFlags(text: string): FieldError | null {
  const letters = text.trim().toUpperCase();
  if (!/^[SAFRPUEC]*$/.test(letters)) return 'flags';
  if (new Set(letters).size !== letters.length) return 'flagsRepeat';
  return null;
}

/** Canonical order S A F R P U E C, as the trace prints flags. */
export function normalizeFlags(text: string): string {
  const letters = text.trim().toUpperCase();
  return [...FLAG_LETTERS].filter((l) => letters.includes(l)).join('');
}

export type Parsed = { value: number; error: null } | { value: null; error: FieldError };

export function parseBounded(text: string, min: number, max: number, rangeError: FieldError): Parsed {
  const s = text.trim();
  if (s === '') return { value: null, error: 'required' };
  // A negative number is still a whole number ("-1" is an integer, 整数): what it breaks is the range.
  if (!/^-?\d+$/.test(s)) return { value: null, error: 'integer' };
  const n = Number(s);
  if (n < min || n > max) return { value: null, error: rangeError };
  return { value: n, error: null };
}

export interface EditForm {
  flags: string;
  seq: string;
  ack: string;
  window: string;
  /** Empty keeps the packet's payload. */
  payload: string;
}
export type FormErrors<F> = Partial<Record<keyof F, FieldError>>;

export interface EditOriginal {
  flags: string;
  seq: number;
  ack: number;
  win: number;
}

export function editFormFrom(o: EditOriginal): EditForm {
  return { flags: o.flags, seq: String(o.seq), ack: String(o.ack), window: String(o.win), payload: '' };
}

/** Only the fields that differ from the packet go into the edit (an empty edit is a no-op the UI disables). */
export function validateEdit(form: EditForm, original: EditOriginal): { fields: PacketEdit; errors: FormErrors<EditForm> } {
  const errors: FormErrors<EditForm> = {};
  const fields: PacketEdit = {};
  const flagErr = checkFlags(form.flags);
  if (flagErr) errors.flags = flagErr;
  else if (normalizeFlags(form.flags) !== original.flags) fields.flags = normalizeFlags(form.flags);
  const seq = parseBounded(form.seq, 0, U32_MAX, 'u32');
  if (seq.error) errors.seq = seq.error;
  else if (seq.value !== original.seq) fields.seq = seq.value;
  const ack = parseBounded(form.ack, 0, U32_MAX, 'u32');
  if (ack.error) errors.ack = ack.error;
  else if (ack.value !== original.ack) fields.ack = ack.value;
  const win = parseBounded(form.window, 0, WINDOW_MAX, 'window');
  if (win.error) errors.window = win.error;
  else if (win.value !== original.win) fields.window = win.value;
  if (form.payload.length > PAYLOAD_MAX_CHARS) errors.payload = 'payload';
  else if (form.payload !== '') fields.payloadText = form.payload;
  return { fields, errors };
}

export interface InjectForm {
  from: string;
  /** Empty: the sending host's own address; anything else spoofs the source. */
  srcIp: string;
  srcPort: string;
  dstIp: string;
  dstPort: string;
  seq: string;
  /** Empty: 0 (or no ACK field). */
  ack: string;
  flags: string;
  window: string;
  payload: string;
}

export function validateInject(form: InjectForm): { seg: CraftedSegment | null; errors: FormErrors<InjectForm> } {
  const errors: FormErrors<InjectForm> = {};
  if (form.from.trim() === '') errors.from = 'required';
  const srcIp = form.srcIp.trim();
  if (srcIp !== '' && !IPV4.test(srcIp)) errors.srcIp = 'ip';
  if (!IPV4.test(form.dstIp.trim())) errors.dstIp = form.dstIp.trim() === '' ? 'required' : 'ip';
  const srcPort = parseBounded(form.srcPort, 1, 65535, 'port');
  if (srcPort.error) errors.srcPort = srcPort.error;
  const dstPort = parseBounded(form.dstPort, 1, 65535, 'port');
  if (dstPort.error) errors.dstPort = dstPort.error;
  const seq = parseBounded(form.seq, 0, U32_MAX, 'u32');
  if (seq.error) errors.seq = seq.error;
  const ack = form.ack.trim() === '' ? null : parseBounded(form.ack, 0, U32_MAX, 'u32');
  if (ack?.error) errors.ack = ack.error;
  const flagErr = checkFlags(form.flags);
  if (flagErr) errors.flags = flagErr;
  const win = form.window.trim() === '' ? null : parseBounded(form.window, 0, WINDOW_MAX, 'window');
  if (win?.error) errors.window = win.error;
  if (form.payload.length > PAYLOAD_MAX_CHARS) errors.payload = 'payload';
  if (Object.keys(errors).length > 0 || srcPort.value === null || dstPort.value === null || seq.value === null) return { seg: null, errors };
  const seg: CraftedSegment = { srcPort: srcPort.value, dstIp: form.dstIp.trim(), dstPort: dstPort.value, seq: seq.value, flags: normalizeFlags(form.flags) };
  if (srcIp !== '') seg.srcIp = srcIp;
  if (ack && ack.value !== null) seg.ack = ack.value;
  if (win && win.value !== null) seg.window = win.value;
  if (form.payload !== '') seg.payloadText = form.payload;
  return { seg, errors };
}
