// Shares one LabClient with every component through Svelte context, so tests can supply another.
import { getContext, setContext } from 'svelte';
import type { LabClient } from './client.js';

const KEY = Symbol('tcplab.client');

export function provideClient(client: LabClient): void {
  setContext(KEY, client);
}

export function useClient(): LabClient {
  const client = getContext<LabClient | undefined>(KEY);
  if (!client) throw new Error('no LabClient in context: wrap the component in App');
  return client;
}
