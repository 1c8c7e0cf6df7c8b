// ESLint flat config. Besides the usual TypeScript rules it enforces the project's two
// architectural contracts: shared/ is pure and deterministic, and the folders only import
// across boundaries in the allowed directions (see README "Architecture").
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const frameworkImports = ['phaser', 'colyseus', '@colyseus/*', 'express', 'node:*'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'data/**', 'test-results/**', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // shared/: pure, deterministic, portable (runs in the room, the browser and the verifier).
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/**', '**/client/**'],
              message: 'shared/ may not import server/ or client/.',
            },
            { group: frameworkImports, message: 'shared/ is framework-free and I/O-free.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'Date', message: 'No clocks in shared/: pass time inside the action.' },
        { name: 'performance', message: 'No clocks in shared/.' },
        { name: 'setTimeout', message: 'No timers in shared/.' },
        { name: 'setInterval', message: 'No timers in shared/.' },
        { name: 'queueMicrotask', message: 'No timers in shared/.' },
        { name: 'Promise', message: 'shared/ is synchronous.' },
        { name: 'Intl', message: 'Locale-dependent behaviour is not deterministic.' },
        { name: 'WeakMap', message: 'Not deterministic under JS GC.' },
        { name: 'WeakRef', message: 'Not deterministic under JS GC.' },
        { name: 'console', message: 'shared/ does no I/O: return events instead.' },
        { name: 'window', message: 'No DOM in shared/.' },
        { name: 'document', message: 'No DOM in shared/.' },
        { name: 'process', message: 'No Node APIs in shared/.' },
      ],
      'no-restricted-properties': [
        'error',
        {
          object: 'Math',
          property: 'random',
          message: 'Use shared/engine/rng.ts (seeded, kept in state).',
        },
        { property: 'localeCompare', message: 'Locale-dependent: compare code units instead.' },
        { property: 'toLocaleString', message: 'Locale-dependent.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'FunctionDeclaration[async=true]', message: 'shared/ is synchronous.' },
        { selector: 'ArrowFunctionExpression[async=true]', message: 'shared/ is synchronous.' },
      ],
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/client/**', 'phaser'], message: 'server/ may not import client code.' },
          ],
        },
      ],
    },
  },
  {
    files: ['client/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/**'],
              allowTypeImports: true,
              message: 'client/ may only import types from server/.',
            },
            {
              group: ['express', '@colyseus/core', '@colyseus/ws-transport', 'node:*'],
              message: 'Server-only package.',
            },
          ],
        },
      ],
    },
  },
);
