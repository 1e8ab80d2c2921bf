import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { cataloguePartOf } from './src/i18n/catalogueParts';

/** The API server started by `npm run dev` at the repository root. */
const apiTarget = 'http://localhost:8080';

/**
 * Fontsource stylesheets list a WOFF fallback after every WOFF2 file. Every browser we support
 * reads WOFF2, and the CJK families alone ship hundreds of subsets, so the fallbacks would only
 * double the size of the deployed fonts.
 */
function woff2Only(): Plugin {
  return {
    name: 'seamless:woff2-only',
    enforce: 'pre',
    transform(code, id) {
      if (!/@fontsource[\\/].+\.css$/.test(id)) return null;
      return { code: code.replace(/,\s*url\([^)]+\.woff\)\s*format\('woff'\)/g, ''), map: null };
    },
  };
}

/**
 * Mantine's stylesheet split by component: each component's class-name module (`Button.module.mjs`)
 * imports the component's own stylesheet, so the CSS travels with the chunk that draws the
 * component — the first screens' stylesheet holds only what they draw, and a lazy page brings the
 * rest. A module's imports come before it, so a component's parts keep their place before it. The
 * layered variants (`@layer mantine`) let the app's own rules win over Mantine's whatever order the
 * stylesheets of lazy pages arrive in.
 */
function mantineStylesPerComponent(): Plugin {
  return {
    name: 'seamless:mantine-styles-per-component',
    transform(code, id) {
      const component = /@mantine[\\/]core[\\/]esm[\\/].+[\\/](\w+)\.module\.mjs$/.exec(id)?.[1];
      if (!component) return null;
      return { code: `import '@mantine/core/styles/${component}.layer.css';\n${code}`, map: null };
    },
  };
}

export default defineConfig({
  plugins: [react(), woff2Only(), mantineStylesPerComponent()],
  html: {
    // The server puts a fresh nonce here in every page it serves, and names it in its CSP.
    cspNonce: 'SEAMLESS_CSP_NONCE',
  },
  server: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/healthz': { target: apiTarget, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Fonts are served as files; inlining small subsets into CSS would defeat unicode-range loading.
    assetsInlineLimit: 0,
    rolldownOptions: {
      /*
       * The entry needs only the contracts' vocabularies (locales, permissions, problem codes),
       * which share modules with zod schemas. Declaring the contracts free of side effects and
       * zod's builders pure lets the unused schemas, and zod with them, drop out of the entry.
       */
      treeshake: {
        moduleSideEffects: [{ test: /packages[\\/]contracts[\\/]/, sideEffects: false }],
        manualPureFunctions: ['z'],
      },
      output: {
        /*
         * Only what a group names is gathered across the app; everything else is split where it is
         * imported, so the entry carries only the Mantine components, router parts and contracts the
         * first screens use, and each lazy page brings the rest it needs.
         */
        codeSplitting: {
          groups: [
            // One chunk per language and catalogue part (src/i18n/catalogueParts.ts) rather than one per file.
            {
              name: (id) => {
                const file = cataloguePartOf(id);
                return file && `catalogue-${file.language}-${file.part}`;
              },
              test: /[\\/]src[\\/]locales[\\/]/,
              priority: 7,
            },
            // Sets zod's jitless flag: as its own chunk it is evaluated before a zod chunk the entry imports.
            { name: 'csp', test: /src[\\/]csp[\\/]zodJitless/, priority: 6 },
            // Fetched after first paint (styles/fonts.ts); must not join the entry's styles.
            { name: 'fonts-cjk', test: /@fontsource[\\/]noto-sans-(sc|jp)[\\/]/, priority: 5 },
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 4 },
            // Charts are drawn on lazy pages only (statistics, assessment trends): keep them out of the entry.
            // The province map's own parts stay with the map's lazy module, not in every bar chart's download.
            {
              name: 'echarts',
              test: /node_modules[\\/](zrender|echarts(?![\\/]lib[\\/](chart[\\/]map|component[\\/]geo|coord[\\/]geo)))[\\/]/,
              priority: 2,
            },
            { name: 'i18n', test: /node_modules[\\/](i18next|react-i18next|html-parse-stringify|void-elements)[\\/]/, priority: 2 },
            /*
             * What the entry imports statically (the shell, the sign-in page and the case list): one chunk,
             * rather than some eighty fragments shared with lazy pages — each a round trip on a slow network.
             * The tag follows what is actually used, so a lazy page's share of a library stays with it.
             */
            { name: 'first-screens', tags: ['$initial'], priority: 1 },
          ],
        },
      },
    },
  },
});
