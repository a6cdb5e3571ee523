// A socket call the stack refuses on the spot is refused as a command: the student gets the reason (the
// error's code, translated by the window) and the session keeps no action that did nothing. Before, the
// call was recorded and its step.error sat in the trace, where no panel shows it.
import { describe, expect, it } from 'vitest';
import { LabError } from '../../../src-main/contract/errors.js';
import { openLesson } from './session-helpers.js';

function refusal(run: () => void): LabError {
  try {
    run();
  } catch (err) {
    if (err instanceof LabError) return err;
    throw err;
  }
  throw new Error('the call was not refused');
}

describe('socket calls the stack refuses', () => {
  it('send after close: connection-closing, and the branch keeps only the close', () => {
    const lab = openLesson('three-way-handshake');
    lab.seekMs(100);
    const conn = { host: 'A', port: 40000, peer: '10.0.0.2:80' };
    lab.intervene({ op: 'call', step: { ...conn, call: 'close' } });
    const before = JSON.stringify(lab.session);
    const err = refusal(() => lab.intervene({ op: 'call', step: { ...conn, call: 'send', data: 'hello' } }));
    expect(err.code).toBe('connection-closing');
    expect(err.message).toBe('10.0.0.1:40000>10.0.0.2:80 is closing (FIN-WAIT-1)');
    expect(JSON.stringify(lab.session)).toBe(before);
    expect(lab.cursor.tMs).toBe(100);
  });

  it('listen on a port already listening: port-in-use, nothing recorded', () => {
    const lab = openLesson('three-way-handshake');
    lab.seekMs(100);
    const before = JSON.stringify(lab.session);
    expect(refusal(() => lab.intervene({ op: 'call', step: { host: 'B', call: 'listen', port: 80, backlog: 128 } })).code).toBe('port-in-use');
    expect(JSON.stringify(lab.session)).toBe(before);
  });

  it('a call that works is still recorded', () => {
    const lab = openLesson('three-way-handshake');
    lab.seekMs(100);
    lab.intervene({ op: 'call', step: { host: 'B', call: 'listen', port: 81, backlog: 128 } });
    expect(lab.currentBranch.actions).toHaveLength(1);
  });
});
