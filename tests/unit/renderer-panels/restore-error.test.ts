// A failed restore in the recovery dialog (lib/restore-error.ts): the host's English message is put in the UI
// language — each refused field's reason translated under its JSON path, else a headline chosen by the code.
// The errors are the host's LabErrorInfo, as a HostError carries it (toShownError takes either).
import { describe, expect, it } from 'vitest';
import { restoreFailure } from '../../../src-renderer/lib/restore-error.js';
import { appEn } from '../../../src-renderer/i18n/app.en.js';
import { appZhCN } from '../../../src-renderer/i18n/app.zh-CN.js';
import { panelsEn } from '../../../src-renderer/i18n/panels.en.js';
import { panelsZhCN } from '../../../src-renderer/i18n/panels.zh-CN.js';

const refused = {
  code: 'invalid-file', message: '$.branches[0].actions[0].id: no packet #999 (packets so far: #1-#3)', path: '$.branches[0].actions[0].id',
};
const badJson = {
  code: 'invalid-file',
  message: 'autosave-4242.tcplab is not a valid tcplab scenario or session (2 problems):\n$.branches[0].actions[0].id: no packet #999 (packets so far: #1-#3)\n$.cursor.branch: no branch main2',
};

describe('restoreFailure', () => {
  it('translates each refused field under its JSON path, with a full-width colon in Chinese', () => {
    expect(restoreFailure(refused, 'zh-CN').lines).toEqual(['$.branches[0].actions[0].id：没有报文 #999（目前的报文是 #1-#3）']);
    expect(restoreFailure(refused, 'en').lines).toEqual(['$.branches[0].actions[0].id: no packet #999 (packets so far: #1-#3)']);
    expect(restoreFailure(badJson, 'zh-CN').lines).toEqual(['$.branches[0].actions[0].id：没有报文 #999（目前的报文是 #1-#3）', '$.cursor.branch：没有分支 main2']);
  });

  it('without field lines, picks the headline by code (the autosave another window already restored)', () => {
    const gone = restoreFailure({ code: 'nothing-to-recover', message: 'there is no autosaved session to restore' }, 'zh-CN');
    expect(gone).toMatchObject({ lines: [], known: 'nothing-to-recover' });
    expect(panelsZhCN['error.code.nothing-to-recover']).toMatch(/[\u4e00-\u9fff]/);
    expect(panelsEn['error.code.nothing-to-recover']).toContain('no autosaved session');
    const down = restoreFailure(new Error('the lab host closed the connection'), 'zh-CN');
    expect(down).toMatchObject({ lines: [], known: 'connection' });
  });

  it('the dialog names the autosave file in both languages', () => {
    expect(appEn['recovery.failedFile'].replace('{file}', 'autosave-4242.tcplab')).toBe('The saved session (autosave-4242.tcplab) could not be restored.');
    expect(appZhCN['recovery.failedFile'].replace('{file}', 'autosave-4242.tcplab')).toBe('无法恢复已保存的会话（autosave-4242.tcplab）。');
  });
});
