import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The server serves dist/web and falls back to index.html for client routes; in dev /api goes to a local server.
export default defineConfig({
  root: "web",
  plugins: [react()],
  build: { outDir: "../dist/web", emptyOutDir: true, assetsDir: "assets" },
  server: {
    proxy: { "/api": { target: process.env.SETTLE_API ?? "http://localhost:3000", changeOrigin: false } },
  },
});
