import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = dirname(fileURLToPath(import.meta.url));
const SRC = resolve(ROOT, 'src');

// The architecture map (src/README.md) as a lint rule. Layer of a file: its top folder under src/ ("cli" also for
// src/cli.ts), "sandbox" for launch/sandbox, "launch" for the rest of launch/, otherwise none (tests, tools).
function layerOf(file) {
  const fromSrc = relative(SRC, file);
  if (!fromSrc.startsWith('..')) {
    const [top] = fromSrc.split(sep);
    return top.replace(/\.(ts|tsx)$/, '');
  }
  const fromRoot = relative(ROOT, file).split(sep);
  if (fromRoot[0] === 'launch') return fromRoot[1] === 'sandbox' ? 'sandbox' : 'launch';
  return undefined;
}

// What each layer may import from the others (its own folder is always allowed). "type" = `import type` only.
// "index" = only through that folder's index.ts, never a file inside it.
const ALLOWED = {
  policy: {},
  fhir: { policy: 'any' },
  writeback: { policy: 'any', fhir: 'type' },
  workflow: { policy: 'any', fhir: 'any', writeback: 'any' },
  ui: { workflow: 'index', policy: 'index', fhir: 'index', writeback: 'index' },
  cli: { workflow: 'index', policy: 'index', fhir: 'index', writeback: 'index' },
  server: { workflow: 'any', policy: 'any', fhir: 'any', writeback: 'any' },
  tools: { policy: 'any', fhir: 'any' },
  main: { ui: 'any' },
  // launch/: the SMART launch page (session settings) and the `npm start` stack (sandbox + the service).
  launch: { fhir: 'any', server: 'any', sandbox: 'any' },
  sandbox: {},
};
// Named exceptions, each a shared contract: ClaimReady's own-output mark (tag + id base) is defined once, next to the
// reader that keeps it out of the picture, and stamped by the writers.
const SHARED = { writeback: ['fhir/read/own-output'] };
// The payer is resolved in the workflow only; everything else asks it.
const PAYER_RESOLVERS = new Set(['resolvePayer', 'payerDefFor', 'primaryCoverage']);

function typeOnly(node) {
  if (node.importKind === 'type' || node.exportKind === 'type') return true;
  const specs = node.specifiers ?? [];
  return specs.length > 0 && specs.every((s) => s.importKind === 'type' || s.exportKind === 'type');
}

const layers = {
  meta: { type: 'problem', schema: [], messages: { rule: '{{msg}}' } },
  create(context) {
    const file = context.filename;
    const from = layerOf(file);
    if (!from) return {};
    const check = (node, sourceNode) => {
      const spec = sourceNode?.value;
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const target = resolve(dirname(file), spec);
      const to = layerOf(target);
      const report = (msg) => context.report({ node: sourceNode, messageId: 'rule', data: { msg } });
      if (from !== 'sandbox' && from !== 'launch' && to === 'sandbox')
        return report('Nothing but the launcher (launch/*.ts) imports the sandbox EHR.');
      if (!to || to === from) return;
      if (from === 'sandbox') return report('launch/sandbox is a separate EHR: it imports nothing from src/.');
      const inSrc = relative(SRC, target)
        .split(sep)
        .join('/')
        .replace(/\.(ts|tsx)$/, '');
      if (SHARED[from]?.includes(inSrc)) return;
      const how = ALLOWED[from]?.[to];
      if (!how) return report(`${from} may not import ${to} (see src/README.md, "Import rules").`);
      if (how === 'type' && !typeOnly(node)) return report(`${from} may import only types from ${to} (use \`import type\`).`);
      if (how === 'index' && relative(resolve(SRC, to), target).replace(/\.(ts|tsx)$/, '') !== 'index') {
        return report(`${from} imports ${to} through ${to}/index.ts only (got "${spec}").`);
      }
      if (to === 'policy' && from !== 'workflow') {
        const names = (node.specifiers ?? []).map((s) => s.imported?.name).filter(Boolean);
        const bad = names.find((n) => PAYER_RESOLVERS.has(n));
        if (bad) report(`${bad}: the payer is resolved in src/workflow only (payerFor / checkServices).`);
      }
    };
    return {
      ImportDeclaration: (n) => check(n, n.source),
      ExportNamedDeclaration: (n) => n.source && check(n, n.source),
      ExportAllDeclaration: (n) => check(n, n.source),
      ImportExpression: (n) => n.source.type === 'Literal' && check(n, n.source),
    };
  },
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'react-hooks': reactHooks, claimready: { rules: { layers } } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'claimready/layers': 'error',
    },
  },
  {
    // The core stays pure: no I/O libraries, no clock (its own imports are held by claimready/layers).
    files: ['src/policy/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['react*', 'fhirclient*', 'zod*', '@tanstack/*', 'node:*'] }],
      'no-restricted-globals': ['error', { name: 'fetch', message: 'The policy core does no I/O.' }],
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'today is an input to the core.' }],
    },
  },
  {
    // The sandbox EHR is a separate program: nothing from the app's libraries either.
    files: ['launch/sandbox/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['react*', 'fhirclient*', '@tanstack/*'] }] },
  },
  {
    // Two folders down (coding/data), ../../ is still the core; only three levels up leaves it.
    files: ['src/policy/*/*/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['react*', 'fhirclient*', 'zod*', '@tanstack/*', '../../../*', 'node:*'] }],
    },
  },
);
