import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-artifacts/**', 'launch/sandbox/seed/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The core stays pure: nothing from the outer layers, no I/O libraries.
    files: ['src/policy/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['react*', 'fhirclient*', 'zod*', '@tanstack/*', '../fhir/*', '../ui/*', '../writeback/*', '../../*', 'node:*'] }],
      'no-restricted-globals': ['error', { name: 'fetch', message: 'The policy core does no I/O.' }],
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'today is an input to the core.' }],
    },
  },
  {
    // Two folders down (coding/data), ../../ is still the core; only three levels up leaves it.
    files: ['src/policy/*/*/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['react*', 'fhirclient*', 'zod*', '@tanstack/*', '../../../*', 'node:*'] }],
    },
  },
);
