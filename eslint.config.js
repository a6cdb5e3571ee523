// Lint, mainly to enforce the layer boundaries of DESIGN.md: the simulation (tcp/, net/, lab/) stays pure and
// deterministic, and the renderer reaches the host only through the contract.
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import svelteParser from 'svelte-eslint-parser';
import globals from 'globals';

const NODE_IO = ['fs', 'fs/*', 'node:*', 'child_process', 'net', 'http', 'https', 'os', 'path', 'url', 'worker_threads', 'ws'];
const nodeIo = { group: NODE_IO, message: 'tcp/, net/ and lab/ do no I/O: pass data in (lab/io/ is the one exception).' };
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

function layer(dir, allowedSiblings, extraPatterns = []) {
  const patterns = [nodeIo, electron, ...extraPatterns];
  const siblingDirs = ['tcp', 'net', 'lab', 'contract', 'host', 'web', 'electron', 'cli'].filter((d) => d !== dir && !allowedSiblings.includes(d));
  patterns.push({ group: siblingDirs.map((d) => `../${d}/*`).concat(['../../*']), message: `src-main/${dir}/ may import only ${[dir, ...allowedSiblings].join(', ')}.` });
  return {
    files: [`src-main/${dir}/**/*.ts`],
    rules: { 'no-restricted-imports': ['error', { patterns }], ...determinism },
  };
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'release/**', 'schemas/**', 'test-results/**'] },
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  layer('tcp', []),
  layer('net', ['tcp']),
  {
    ...layer('lab', ['tcp', 'net', 'contract']),
    ignores: ['src-main/lab/io/**'],
  },
  {
    files: ['src-main/contract/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [nodeIo, electron, { group: ['../tcp/*', '../net/*', '../lab/*', '../host/*', '../web/*', '../electron/*', '../cli/*'], message: 'the contract depends on nothing but zod (types may come from tcp/ and net/ via import type).', allowTypeImports: true }] }] },
  },
  {
    files: ['src-main/host/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [electron, { group: ['../web/*', '../electron/*', '../cli/*', 'ws', 'http', 'node:http', 'net', 'node:net'], message: 'the host knows no transport.' }] }] },
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
            { group: ['node:*', 'fs', 'path', 'child_process'], message: 'the renderer has no Node.' },
            {
              regex: '^(\\.\\./)+src-main/(?!contract/)',
              message: 'the renderer reaches the host only through src-main/contract.',
            },
          ],
        },
      ],
    },
  },
);
