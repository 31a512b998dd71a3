// Shared pieces of the browser tests: a static server for dist/ on
// 127.0.0.1 that records every request, and a headless Debian Chromium
// driven by playwright-core (never a downloaded browser).
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { readFile, readdir, mkdir } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const distDir = join(root, 'dist');
export const seedsDir = resolve(root, '..', 'shared', 'seeds');
export const artifactsDir = join(root, 'tests', 'artifacts');
export const examplesDir = join(root, 'examples');
/** Whether the seed articles are beside the clone (always in CI; not in a plain clone). */
export const haveSeeds = existsSync(seedsDir);

/**
 * A seed article's path, or in a plain clone (no ../shared) one of the
 * project's own examples: the browser tests that read a real article then
 * run on an illustrative one, so `./scripts/test.sh` passes anywhere.
 */
export function seedPath(name, fallback = 0) {
  if (haveSeeds) return join(seedsDir, name);
  const examples = ['1-parliament.txt', '2-experts.txt', '3-region.txt'];
  return join(examplesDir, examples[fallback % examples.length]);
}

/** A seed article's text, or in a plain clone all the examples one after the other. */
export async function seedText(name) {
  if (haveSeeds) return readFile(join(seedsDir, name), 'utf8');
  return (await corpusText(1)).trim();
}

/** Every seed article (or every example, `repeat` times, in a plain clone) as one text. */
export async function corpusText(repeat = 12) {
  const dir = haveSeeds ? seedsDir : examplesDir;
  const files = (await readdir(dir)).filter((f) => f.endsWith('.txt')).sort();
  const text = (await Promise.all(files.map((f) => readFile(join(dir, f), 'utf8')))).join('\n');
  return haveSeeds ? text : Array(repeat).fill(text).join('\n');
}

/** A page that embeds the widget and records every message it sends to its parent. */
export const EMBED_HOST = `<!DOCTYPE html><html><body>
<iframe id="widget" style="inline-size:900px;border:0" height="300"></iframe>
<script>
  window.messages = [];
  window.addEventListener('message', (e) => {
    if (e.source === document.getElementById('widget').contentWindow) window.messages.push(e.data);
  });
</script></body></html>`;

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * Serves dist/ on a free loopback port; `requests` lists every path asked for.
 * `extra` maps further paths to HTML bodies (a host page for embedding).
 */
export async function serveDist(extra = {}) {
  const requests = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
    requests.push(path);
    if (extra[path]) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(extra[path]);
      return;
    }
    const file = normalize(join(distDir, path === '/' ? 'index.html' : path));
    if (!file.startsWith(distDir)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () => new Promise((ok) => server.close(ok)),
  };
}

/** Launches headless Debian Chromium with the flags that work as root here. */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Opens the widget and waits until the wasm app has mounted. */
export async function openWidget(browser, url, options = {}) {
  const context = await browser.newContext({ locale: 'ar', ...options });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(url);
  await page.waitForSelector('textarea');
  return { context, page, errors };
}

/** Saves a full-page screenshot under tests/artifacts/. */
export async function screenshot(page, name) {
  await mkdir(artifactsDir, { recursive: true });
  const path = join(artifactsDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * Registers a static server and a browser for the tests of one file, started
 * before the first test and closed after the last: `const env = useBrowser();`
 * then `env.server.url` and `env.browser` inside the tests.
 */
export function useBrowser(extra = {}) {
  const env = { server: null, browser: null };
  before(async () => {
    env.server = await serveDist(extra);
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/**
 * Puts `text` into the editor as one input event, the way a paste does. Faster
 * than typing or `fill` for large texts.
 */
export async function pasteText(page, text) {
  await page.evaluate((value) => {
    const area = document.querySelector('textarea');
    area.value = value;
    area.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
}

/** Clicks `selector` and returns the downloaded file's name and bytes. */
export async function download(page, selector) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const path = await file.path();
  return { name: file.suggestedFilename(), body: await readFile(path) };
}

/** Loads the illustrative examples and waits for their matrix. */
export async function loadExamples(page) {
  await page.click('[data-role="examples"]');
  await page.locator('[data-stance="conditional"]').first().waitFor();
}

/** Records every request the page makes to an origin other than `origin`. */
export function watchOrigins(page, origin) {
  const foreign = [];
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
  });
  return foreign;
}
