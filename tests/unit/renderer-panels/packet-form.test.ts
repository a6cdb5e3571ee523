// The editor and inject form validate as typed with the contract's limits; what they produce passes the schemas.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { craftedSegmentSchema, packetEditSchema } from '../../../src-main/contract/index.js';
import {
  checkFlags, normalizeFlags, parseBounded, validateEdit, validateInject, type InjectForm,
} from '../../../src-renderer/lib/packet-form.js';

const original = { flags: 'SA', seq: 1000, ack: 2001, win: 65535 };
const unchanged = { flags: 'SA', seq: '1000', ack: '2001', window: '65535', payload: '' };

describe('flags', () => {
  it('accepts the eight letters once each, in any case and order', () => {
    expect(checkFlags('as')).toBeNull();
    expect(checkFlags('')).toBeNull();
    expect(normalizeFlags('ap')).toBe('AP');
    expect(normalizeFlags('fa')).toBe('AF');
    expect(normalizeFlags('CEUPRFAS')).toBe('SAFRPUEC');
  });
  it('names the problem', () => {
    expect(checkFlags('SX')).toBe('flags');
    expect(checkFlags('SS')).toBe('flagsRepeat');
    expect(checkFlags('S,A')).toBe('flags');
  });
});

describe('parseBounded', () => {
  it('accepts the bounds and rejects one past them', () => {
    expect(parseBounded('0', 0, 4294967295, 'u32')).toEqual({ value: 0, error: null });
    expect(parseBounded('4294967295', 0, 4294967295, 'u32')).toEqual({ value: 4294967295, error: null });
    expect(parseBounded('4294967296', 0, 4294967295, 'u32')).toEqual({ value: null, error: 'u32' });
    expect(parseBounded('65536', 0, 65535, 'window')).toEqual({ value: null, error: 'window' });
  });
  it('rejects empty, decimals and words as not whole numbers', () => {
    expect(parseBounded(' ', 0, 9, 'u32').error).toBe('required');
    for (const s of ['1.5', '1e3', 'ten', '0x10', '-', '--1']) expect(parseBounded(s, 0, 9999, 'u32').error).toBe('integer');
  });
  // "-1" is a whole number (整数): "Enter a whole number" / "请输入整数" was wrong for it; the range is what it breaks.
  it('rejects a negative whole number with the range message, not "enter a whole number"', () => {
    for (const s of ['-1', '-4294967296']) expect(parseBounded(s, 0, 65535, 'window').error).toBe('window');
    expect(parseBounded('+5', 0, 9, 'u32')).toEqual({ value: null, error: 'integer' });
  });
});

describe('validateEdit', () => {
  it('sends nothing when nothing changed', () => {
    expect(validateEdit(unchanged, original)).toEqual({ fields: {}, errors: {} });
  });
  it('sends only the changed fields, flags canonical', () => {
    const r = validateEdit({ ...unchanged, flags: 'ra', window: '0', payload: 'hi' }, original);
    expect(r.errors).toEqual({});
    expect(r.fields).toEqual({ flags: 'AR', window: 0, payloadText: 'hi' });
    expect(packetEditSchema.safeParse(r.fields).success).toBe(true);
  });
  it('reports each bad field at once', () => {
    const r = validateEdit({ flags: 'SZ', seq: '-3', ack: '4294967296', window: '70000', payload: 'x'.repeat(65496) }, original);
    expect(r.errors).toEqual({ flags: 'flags', seq: 'u32', ack: 'u32', window: 'window', payload: 'payload' });
  });
  it('produces only edits the contract accepts (property, 300 runs)', () => {
    const field = fc.oneof(fc.string({ maxLength: 12 }), fc.nat({ max: 2 ** 33 }).map(String));
    fc.assert(
      fc.property(fc.string({ maxLength: 10 }), field, field, field, fc.string({ maxLength: 20 }), (flags, seq, ack, window, payload) => {
        const r = validateEdit({ flags, seq, ack, window, payload }, original);
        expect(packetEditSchema.safeParse(r.fields).success).toBe(true);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});

describe('validateInject', () => {
  const form: InjectForm = { from: 'A', srcIp: '', srcPort: '40000', dstIp: '10.0.0.2', dstPort: '80', seq: '5', ack: '', flags: 'r', window: '', payload: '' };

  it('builds a crafted segment from the host’s own address', () => {
    const r = validateInject(form);
    expect(r.errors).toEqual({});
    expect(r.seg).toEqual({ srcPort: 40000, dstIp: '10.0.0.2', dstPort: 80, seq: 5, flags: 'R' });
    expect(craftedSegmentSchema.safeParse(r.seg).success).toBe(true);
  });
  it('allows a spoofed source and optional fields', () => {
    const r = validateInject({ ...form, srcIp: '10.9.9.9', ack: '7', window: '100', payload: 'x', flags: 'PA' });
    expect(r.seg).toEqual({ srcPort: 40000, dstIp: '10.0.0.2', dstPort: 80, seq: 5, flags: 'AP', srcIp: '10.9.9.9', ack: 7, window: 100, payloadText: 'x' });
    expect(craftedSegmentSchema.safeParse(r.seg).success).toBe(true);
  });
  it('refuses bad addresses and ports with a message per field', () => {
    const r = validateInject({ ...form, srcIp: '10.0.0.256', dstIp: '', srcPort: '0', dstPort: '65536' });
    expect(r.seg).toBeNull();
    expect(r.errors).toEqual({ srcIp: 'ip', dstIp: 'required', srcPort: 'port', dstPort: 'port' });
  });
});
