import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `npm run dev` starts the API on PTRACK_API_PORT (3001 by default) and this dev server with hot reload,
// which forwards /api to it. `npm run build:web` writes dist/, which the server serves at `/`.
const apiPort = process.env.PTRACK_API_PORT ?? '3001';

export default defineConfig({
  plugins: [react()],
  server: {
    host: '127.0.0.1',
    port: Number(process.env.WEB_PORT ?? 5173),
    proxy: { '/api': { target: `http://127.0.0.1:${apiPort}`, changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Later pages are lazy routes; the entry must stay within the 350 KB gzip budget (issue 4).
    chunkSizeWarningLimit: 900,
  },
});
