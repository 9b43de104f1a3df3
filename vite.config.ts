import { fileURLToPath } from "node:url";
import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const fromRoot = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// Root is client/ so the Express server can run Vite in middleware mode and serve client/index.html.
export default defineConfig({
  root: fromRoot("./client"),
  publicDir: fromRoot("./client/public"),
  plugins: [react(), tailwindcss()],
  resolve: {
    alias: [
      { find: "@shared", replacement: fromRoot("./shared") },
      { find: "@", replacement: fromRoot("./client/src") },
    ],
  },
  build: {
    outDir: fromRoot("./dist/public"),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 300,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // React and the router/query runtime change rarely: keep them in one long-cached chunk.
            { name: "react-vendor", test: /node_modules[\\/](react|react-dom|scheduler|wouter|@tanstack)[\\/]/, priority: 3 },
            // Form + validation stack is only needed by lazy pages with forms.
            { name: "forms", test: /node_modules[\\/](zod|react-hook-form|@hookform)[\\/]/, priority: 2 },
          ],
        },
      },
    },
  },
});
