// The security checklist, checked on the objects main.ts hands to Electron (fakes record what was set).
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, hardenContents, hardenSession, windowOptions } from '../../../src-main/electron/security.js';

describe('window preferences', () => {
  it('isolate the page from Node and keep web security on', () => {
    const opts = windowOptions('/app/preload.cjs');
    expect(opts.webPreferences).toMatchObject({ preload: '/app/preload.cjs', contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false, allowRunningInsecureContent: false });
    expect(opts.minWidth).toBe(1280);
    expect(opts.minHeight).toBe(720);
    expect(opts).not.toHaveProperty('icon');
  });
  it('carry the window icon when one is given (Linux: main.ts passes assets/icon.png)', () => {
    expect(windowOptions('/app/preload.cjs', '/app/assets/icon.png').icon).toBe('/app/assets/icon.png');
  });
  it('use a CSP with no remote origins and no eval', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
  });
});

describe('page hardening', () => {
  it('prevents navigation, redirects, webviews and new windows', () => {
    const listeners = new Map<string, (e: { preventDefault(): void }) => void>();
    let openHandler: (() => { action: string }) | undefined;
    hardenContents({
      on: ((name: string, fn: (e: { preventDefault(): void }) => void) => listeners.set(name, fn)) as never,
      setWindowOpenHandler: ((fn: () => { action: string }) => (openHandler = fn)) as never,
    });
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      let prevented = false;
      listeners.get(name)?.({ preventDefault: () => (prevented = true) });
      expect(prevented, name).toBe(true);
    }
    expect(openHandler?.()).toEqual({ action: 'deny' });
  });
});

describe('session policy', () => {
  it('denies permissions and every request that is not app:// or devtools, and adds the CSP header', () => {
    const got: Record<string, unknown> = {};
    hardenSession({
      setPermissionRequestHandler: ((fn: unknown) => (got.request = fn)) as never,
      setPermissionCheckHandler: ((fn: unknown) => (got.check = fn)) as never,
      webRequest: {
        onBeforeRequest: ((fn: unknown) => (got.before = fn)) as never,
        onHeadersReceived: ((fn: unknown) => (got.headers = fn)) as never,
      },
    });
    let granted: boolean | undefined;
    (got.request as (w: unknown, p: string, cb: (ok: boolean) => void) => void)(null, 'media', (ok) => (granted = ok));
    expect(granted).toBe(false);
    expect((got.check as () => boolean)()).toBe(false);
    const decide = (url: string) => {
      let cancel: boolean | undefined;
      (got.before as (d: { url: string }, cb: (r: { cancel: boolean }) => void) => void)({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    expect(decide('app://tcplab/index.html')).toBe(false);
    expect(decide('https://example.com/x.js')).toBe(true);
    expect(decide('http://127.0.0.1:5178/')).toBe(true);
    expect(decide('file:///etc/passwd')).toBe(true);
    let headers: Record<string, string[]> | undefined;
    (got.headers as (d: unknown, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void)({ responseHeaders: { A: ['1'] } }, (r) => (headers = r.responseHeaders));
    expect(headers?.['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(headers?.A).toEqual(['1']);
  });
});
