import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { precompressWebBuild } from '../src/server/web-app-precompress.ts';

/** `.br` and `.gz` beside each built file, served as they are by the server (src/server/web-app-serving.ts). */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'tupu-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    writeBundle() {
      precompressWebBuild(outDir);
    },
  };
}

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), precompress()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        // Ant Design is not one chunk: each route's chunk (App.tsx's lazy imports) carries the components it uses,
        // so the sign-in page loads only the form's. ECharts is one chunk, loaded by the pages that draw a chart.
        codeSplitting: {
          groups: [
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)/ },
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/ },
            // zod with our jitless switch in one chunk, so the switch runs before any chunk defines a schema: inlined
            // in the entry it ran after the entry's static imports had already made theirs (eval, refused by CSP)
            {
              name: 'zod',
              test: /node_modules[\\/]zod[\\/]|[\\/]web[\\/]src[\\/]zod-jitless\.ts$/,
              priority: 10,
            },
          ],
        },
      },
    },
  },
  // keep the browser's Host header (localhost:5173): the server accepts changes only from its own origin, which
  // it reads from Host, and the page's Origin is http://localhost:5173 (src/server/origin-check.ts)
  server: { proxy: { '/api': { target: 'http://localhost:8080', changeOrigin: false } } },
});
