import { defineConfig } from 'vite';

// The client lives in client/ and is built to dist/client, which the server serves on one port.
// In dev, /matchmake and the websocket go to the game server (npm run dev starts both).
export default defineConfig({
  root: 'client',
  publicDir: 'public',
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': 'http://localhost:2567',
      '/healthz': 'http://localhost:2567',
      '/matchmake': { target: 'http://localhost:2567', ws: true },
    },
  },
});
