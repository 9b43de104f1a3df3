#!/usr/bin/env node
// Reports the gzipped size of the JS a first visit downloads (entry + modulepreloaded chunks)
// and fails when it is over budget. Run after `vite build`.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const BUDGET_KB = 200;
const LARGEST_LAZY = 8;
const outDir = fileURLToPath(new URL("../dist/public", import.meta.url));
const indexPath = join(outDir, "index.html");

if (!existsSync(indexPath)) {
  console.error(`bundle-size: ${indexPath} not found. Run \`vite build\` first.`);
  process.exit(1);
}

const html = readFileSync(indexPath, "utf8");
const attr = (tag, name) => new RegExp(`\\s${name}=["']([^"']+)["']`).exec(tag)?.[1];
const toFile = (url) => join(outDir, url.replace(/^\//, "").split(/[?#]/)[0]);

const initial = new Set();
for (const [tag] of html.matchAll(/<script\b[^>]*>/g)) {
  const src = attr(tag, "src");
  if (src && /type=["']module["']/.test(tag)) initial.add(toFile(src));
}
for (const [tag] of html.matchAll(/<link\b[^>]*>/g)) {
  const href = attr(tag, "href");
  if (href && /rel=["']modulepreload["']/.test(tag)) initial.add(toFile(href));
}
if (initial.size === 0) {
  console.error("bundle-size: no module script found in index.html.");
  process.exit(1);
}

const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const kb = (bytes) => (bytes / 1024).toFixed(1);

let total = 0;
const rows = [];
for (const file of initial) {
  if (!existsSync(file)) {
    console.error(`bundle-size: ${relative(outDir, file)} is referenced by index.html but missing.`);
    process.exit(1);
  }
  const size = gz(file);
  total += size;
  rows.push([relative(outDir, file), size]);
}

console.log("Initial JS (entry + modulepreload):");
for (const [name, size] of rows.sort((a, b) => b[1] - a[1])) console.log(`  ${kb(size).padStart(7)} KB  ${name}`);

const assetsDir = join(outDir, "assets");
const lazy = existsSync(assetsDir)
  ? readdirSync(assetsDir)
      .filter((f) => f.endsWith(".js"))
      .map((f) => join(assetsDir, f))
      .filter((f) => !initial.has(f))
      .map((f) => [relative(outDir, f), gz(f)])
      .sort((a, b) => b[1] - a[1])
  : [];
console.log(`\nLargest lazy chunks (${lazy.length} in all):`);
for (const [name, size] of lazy.slice(0, LARGEST_LAZY)) console.log(`  ${kb(size).padStart(7)} KB  ${name}`);

const css = existsSync(assetsDir) ? readdirSync(assetsDir).filter((f) => f.endsWith(".css")) : [];
for (const f of css) console.log(`\nCSS: ${kb(gz(join(assetsDir, f)))} KB gzipped  assets/${f}`);

console.log(`\ninitial JS: ${kb(total)} KB gzipped (budget ${BUDGET_KB} KB)`);
if (total > BUDGET_KB * 1024) {
  console.error(`bundle-size: initial JS is ${kb(total - BUDGET_KB * 1024)} KB over budget.`);
  process.exit(1);
}
