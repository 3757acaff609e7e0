/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { securityHeaders, securityOptionsFromEnv } from './launch/sandbox/security-headers.ts';

// The app is served from one folder: <base>/index.html (redirect_uri) and <base>/launch/index.html (launch_uri).
// The app's HTML lives in src/ (the top level is fixed), so its output is moved up one folder; asset URLs are
// absolute to `base`, which keeps them valid after the move.
const base = process.env.CLAIMREADY_BASE ?? '/app/';

function appHtmlAtRoot(): Plugin {
  return {
    name: 'claimready-app-html-at-root',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const html = bundle['src/index.html'];
      if (html) {
        html.fileName = 'index.html';
      }
      // While the launch page waits on the EHR's SMART configuration and the authorize redirect, the browser fetches
      // and compiles the app it is about to be sent to, instead of starting only after the redirect.
      const app = Object.values(bundle).find((c) => c.type === 'chunk' && c.isEntry && c.facadeModuleId?.endsWith('src/index.html'));
      const launch = bundle['launch/index.html'];
      if (app?.type === 'chunk' && launch?.type === 'asset' && typeof launch.source === 'string') {
        // The entry, the React app it imports while the token is exchanged, and everything those import statically.
        const files = new Set<string>();
        const add = (fileName: string): void => {
          const c = bundle[fileName];
          if (files.has(fileName) || c?.type !== 'chunk') return;
          files.add(fileName);
          c.imports.forEach(add);
        };
        add(app.fileName);
        app.dynamicImports.forEach(add);
        // The visit checklist, which the workspace imports as soon as it runs (Workspace.tsx).
        Object.values(bundle).forEach(
          (c) => c.type === 'chunk' && c.facadeModuleId?.endsWith('src/ui/views/VisitChecklist.tsx') && add(c.fileName),
        );
        // Their style sheets too: Vite's loader holds a dynamic import until the chunk's CSS has loaded, and that CSS
        // was requested only when boot ran (after the reads had started), so the visit checklist (and the policy core
        // it imports) was evaluated after the record was in, on the verdict's critical path (cr:checklist against
        // cr:record, test/bench/launch-profile.ts). On the app page they are style sheets already in the head, which
        // Vite's loader sees and does not wait for; the launch page fetches them ahead like the chunks.
        const css = (): string[] => [
          ...new Set(
            [...files].flatMap((f) => {
              const c = bundle[f];
              return c?.type === 'chunk' ? [...(c.viteMetadata?.importedCss ?? [])] : [];
            }),
          ),
        ];
        const preload = (page: string, styles: 'preload' | 'stylesheet'): string => {
          const links = [
            ...css()
              .filter((f) => !page.includes(f))
              .map((f) =>
                styles === 'stylesheet'
                  ? `<link rel="stylesheet" crossorigin href="${base}${f}">`
                  : `<link rel="preload" as="style" crossorigin href="${base}${f}">`,
              ),
            ...[...files].filter((f) => !page.includes(f)).map((f) => `<link rel="modulepreload" crossorigin href="${base}${f}">`),
          ];
          return page.replace('</head>', `  ${links.join('\n    ')}\n  </head>`);
        };
        launch.source = preload(launch.source, 'preload');
        // The note worker's script too, into the HTTP cache (a worker's fetch is not a module preload's): this page
        // starts it as a shared worker where it can, else the app page starts its own (src/fhir/notes/worker-start.ts);
        // its warm-up is on the way to the first verdict. (The worker is bundled on its own: here it is an asset.)
        const worker = Object.values(bundle).find((c) => c.type === 'asset' && /(^|\/)worker-[^/]+\.js$/.test(c.fileName));
        if (worker) launch.source = launch.source.replace('</head>', `  <link rel="prefetch" href="${base}${worker.fileName}">\n  </head>`);
        // The app page too: main.tsx imports the React app only after the reads have started (its evaluation holds
        // the main thread), so it is fetched and compiled ahead, during the token exchange.
        if (html?.type === 'asset' && typeof html.source === 'string') html.source = preload(html.source, 'stylesheet');
      }
    },
  };
}

// The app's security headers (CSP without inline code, nosniff, no-referrer) for `vite preview` too, so a local
// preview meets the policy production is served with (README: Hosting). Vite's dev server injects its client and the
// React refresh preamble inline, so `vite` (dev) gets the other headers only.
const headers = securityHeaders(securityOptionsFromEnv(process.env));
const { 'Content-Security-Policy': _strictPolicy, ...devHeaders } = headers;
// fhirclient reaches for isomorphic-webcrypto only where globalThis.crypto is missing, which no supported browser
// (and no Node >= 20) is. The package is CommonJS dressed as ESM (the COMMONJS_VARIABLE_IN_ESM build warning) and
// drags React Native peers in; the bundle gets the platform's own WebCrypto instead.
function platformWebCrypto(): Plugin {
  const id = '\0claimready-webcrypto';
  return {
    name: 'claimready-platform-webcrypto',
    enforce: 'pre',
    resolveId: (source) => (source === 'isomorphic-webcrypto' ? id : null),
    load: (source) => (source === id ? 'export default globalThis.crypto;' : null),
  };
}

// fhirclient logs through `debug`, whose browser build reads localStorage when it loads (to see which namespaces are
// enabled): a fresh browser profile's first localStorage access is a synchronous round trip to the browser process,
// measured at 50-90 ms on the launch page and again on the app page before the token exchange starts (the bench's
// CPU profile). ClaimReady never turns fhirclient's logging on, so its loggers are no-ops that touch no storage.
function silentDebug(): Plugin {
  const id = '\0claimready-silent-debug';
  return {
    name: 'claimready-silent-debug',
    enforce: 'pre',
    resolveId: (source, importer) => (source === 'debug' && importer?.includes('/fhirclient/') ? id : null),
    load: (source) =>
      source === id
        ? [
            'function debug(namespace) {',
            '  const log = function () {};',
            '  log.namespace = namespace;',
            '  log.enabled = false;',
            "  log.extend = function (sub, delimiter) { return debug(namespace + (delimiter === undefined ? ':' : delimiter) + sub); };",
            '  return log;',
            '}',
            'debug.enable = function () {};',
            "debug.disable = function () { return ''; };",
            'debug.enabled = function () { return false; };',
            'module.exports = debug;',
          ].join('\n')
        : null,
  };
}

// Every app module's zod is zod after its CSP-safe setting (src/ui/no-eval.ts says why).
function zodJitless(): Plugin {
  const wrapper = resolve(import.meta.dirname, 'src/ui/no-eval.ts');
  return {
    name: 'claimready-zod-jitless',
    enforce: 'pre',
    resolveId: (source, importer) =>
      source === 'zod' && importer !== undefined && /[\\/]src[\\/]/.test(importer) && resolve(importer) !== wrapper ? wrapper : null,
  };
}

export default defineConfig({
  plugins: [zodJitless(), platformWebCrypto(), silentDebug(), react(), appHtmlAtRoot()],
  base,
  server: { headers: devHeaders },
  preview: { headers },
  // fhirclient's "pure" browser build: no fetch/AbortController polyfills (every supported browser has them).
  define: { FHIRCLIENT_PURE: 'true' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // The bundle-size bench reads it to tell what a launch loads from what a later view loads.
    manifest: true,
    rollupOptions: {
      // The app's own modules do nothing when imported but define things (lexicons, tables, schemas), except the
      // CSP-safe zod setting and style sheets; saying so lets a folder's index.ts re-export everything without every
      // importer loading everything (the launch path would otherwise load the PDF packet builder and the note lexicons).
      treeshake: { moduleSideEffects: (id: string) => !/\/src\//.test(id) || /\.css$|\/src\/ui\/no-eval\.ts$/.test(id) },
      input: {
        app: resolve(import.meta.dirname, 'src/index.html'),
        launch: resolve(import.meta.dirname, 'launch/index.html'),
      },
    },
  },
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    pool: 'threads',
    setupFiles: ['test/setup.ts'],
    testTimeout: 20_000,
  },
});
