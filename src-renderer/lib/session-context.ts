// Shares the one SessionStore with every panel through Svelte context (typed, like client-context.ts).
import { getContext, setContext } from 'svelte';
import type { SessionStore } from './session.svelte.js';

const KEY = Symbol('tcplab.session');

export function provideSession(store: SessionStore): void {
  setContext(KEY, store);
}

export function useSession(): SessionStore {
  const store = getContext<SessionStore | undefined>(KEY);
  if (!store) throw new Error('no SessionStore in context: wrap the component in App');
  return store;
}
