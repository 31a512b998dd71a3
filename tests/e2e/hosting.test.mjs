// Hosting anywhere: dist/ holds only relative asset paths, so it works when
// a static host serves it under a sub-path (https://host/stance/), the
// README's own embed example, with no rebuild.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { distDir, launchBrowser, screenshot } from './harness.mjs';

const PREFIX = '/stance/';
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm' };

/** A static host that has dist/ under PREFIX only: anything else is a 404. */
async function serveUnderSubPath() {
  const requests = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
    requests.push(path);
    if (path === PREFIX.slice(0, -1)) {
      res.writeHead(301, { location: PREFIX }).end();
      return;
    }
    if (!path.startsWith(PREFIX)) {
      res.writeHead(404).end('not found');
      return;
    }
    const rest = path.slice(PREFIX.length) || 'index.html';
    const file = normalize(join(distDir, rest));
    if (!file.startsWith(distDir)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { origin: `http://127.0.0.1:${server.address().port}`, requests, close: () => new Promise((ok) => server.close(ok)) };
}

const env = {};
before(async () => {
  env.server = await serveUnderSubPath();
  env.browser = await launchBrowser();
});
after(async () => {
  await env.browser?.close();
  await env.server?.close();
});

test('dist/ has no absolute asset path', async () => {
  const html = await readFile(join(distDir, 'index.html'), 'utf8');
  const paths = [...html.matchAll(/(?:href|src)="([^"]+)"|from '([^']+)'|module_or_path: '([^']+)'/g)].map((m) => m[1] ?? m[2] ?? m[3]);
  assert.ok(paths.length >= 4, 'the page names its assets');
  assert.deepEqual(paths.filter((p) => p.startsWith('/')), [], 'every asset path is relative');
});

test('served under a sub-path, the page loads every file from there and the matrix renders, worker included', async () => {
  const context = await env.browser.newContext({ locale: 'ar' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  const failed = [];
  page.on('response', (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
  await page.goto(`${env.server.origin}/stance`);
  await page.locator('[data-role="article-text"]').first().waitFor();
  await page.click('[data-role="examples"]');
  await page.locator('table[data-role="stance-matrix"] [data-stance="conditional"]').first().waitFor();
  // A text over 100 KB is analysed in the worker, whose files are beside the page.
  const long = 'وطالب البرلمان العراقي بانسحاب القوات الأمريكية من البلاد. '.repeat(1000);
  await page.locator('[data-role="add-article"]').click();
  await page.locator('[data-role="article-text"]').nth(3).fill(long);
  await page.locator('[data-stance][data-document="a4"]').first().waitFor({ timeout: 20000 });
  assert.ok(env.server.requests.includes('/stance/stance-worker_loader.js'), 'the worker came from the sub-path');
  const outside = env.server.requests.filter((p) => !p.startsWith(PREFIX) && p !== '/stance');
  assert.deepEqual(outside, [], 'nothing is asked for outside the sub-path');
  assert.deepEqual(failed, []);
  assert.deepEqual(errors, []);
  await screenshot(page, 'hosting-sub-path');
  await context.close();
});
