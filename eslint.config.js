// Lint, mainly to enforce the layer boundaries of DESIGN.md: the simulation (tcp/, net/, lab/) stays pure and
// deterministic, and the renderer reaches the host only through the contract.
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import svelteParser from 'svelte-eslint-parser';
import globals from 'globals';
import layers from './eslint-rules/layers.js';

// Bare Node module names are matched exactly (a pattern like 'net' would also match our own '../net/*').
const NODE_IO_MODULES = ['fs', 'fs/promises', 'child_process', 'net', 'http', 'https', 'os', 'path', 'url', 'worker_threads', 'ws', 'dgram', 'dns', 'tls'];
const nodeIo = { regex: `^(node:.*|${NODE_IO_MODULES.join('|')})$`, message: 'tcp/, net/ and lab/ do no I/O: pass data in (lab/io/ is the one exception).' };
const electron = { group: ['electron', 'electron/*'], message: 'only src-main/electron/ may import electron.' };
// Randomness and clocks would break byte-identical replays.
const determinism = {
  'no-restricted-properties': [
    'error',
    { object: 'Math', property: 'random', message: 'use the seeded Prng (tcp/prng.ts).' },
    { object: 'Date', property: 'now', message: 'time is passed in as virtual ms.' },
    { object: 'performance', property: 'now', message: 'time is passed in as virtual ms.' },
  ],
  'no-restricted-globals': [
    'error',
    { name: 'setTimeout', message: 'schedule on the virtual clock instead.' },
    { name: 'setInterval', message: 'schedule on the virtual clock instead.' },
    { name: 'Date', message: 'time is passed in as virtual ms.' },
    { name: 'window', message: 'no DOM in the simulation.' },
    { name: 'document', message: 'no DOM in the simulation.' },
  ],
};

function layer(dir) {
  return {
    files: [`src-main/${dir}/**/*.ts`],
    rules: { 'no-restricted-imports': ['error', { patterns: [nodeIo, electron] }], ...determinism },
  };
}

export default tseslint.config(
  { ignores: ['eslint-rules/**', 'dist/**', 'node_modules/**', 'release/**', 'schemas/**', 'test-results/**'] },
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src-main/**/*.ts', 'src-renderer/**/*.ts', 'src-renderer/**/*.svelte'],
    plugins: { tcplab: { rules: { layers } } },
    rules: { 'tcplab/layers': 'error' },
  },
  layer('tcp'),
  layer('net'),
  { ...layer('lab'), ignores: ['src-main/lab/io/**'] },
  {
    files: ['src-main/contract/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [nodeIo, electron] }] },
  },
  {
    files: ['src-main/host/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [electron, { regex: '^(ws|http|https|net|node:http|node:https|node:net)$', message: 'the host knows no transport.' }] }] },
  },
  ...svelte.configs['flat/recommended'],
  {
    files: ['src-renderer/**/*.svelte', 'src-renderer/**/*.svelte.ts'],
    languageOptions: {
      parser: svelteParser,
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] },
    },
  },
  {
    files: ['src-renderer/**/*.ts', 'src-renderer/**/*.svelte'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            electron,
            { regex: '^(node:.*|fs|path|child_process)$', message: 'the renderer has no Node.' },
          ],
        },
      ],
    },
  },
);
