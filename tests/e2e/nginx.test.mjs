// The sample nginx config (deploy/nginx.conf) serving dist/: the page renders
// with its framing and hardening headers, the full page cannot be framed, and
// the embedded view can be, by the CMS origin the config names.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useBrowser, distDir, screenshot } from './harness.mjs';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find(existsSync);

// The CMS: the harness's own server, whose page frames the address in its ?src=.
const HOST = `<!DOCTYPE html><html><body><iframe id="widget" style="inline-size:900px" height="400"></iframe>
<script>document.getElementById('widget').src = new URLSearchParams(location.search).get('src');</script></body></html>`;
const env = useBrowser({ '/host.html': HOST });

const freePort = () =>
  new Promise((ok) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });

let nginx;
let base;
before(async () => {
  if (!NGINX) return;
  const dir = await mkdtemp(join(tmpdir(), 'stance-nginx-'));
  const port = await freePort();
  // The sample, with only its two placeholders (and the port) changed.
  const cms = env.server.url.replace(/\/$/, '');
  const site = (await readFile(join(root, 'deploy', 'nginx.conf'), 'utf8'))
    .replaceAll('/srv/stance-matrix/dist', distDir)
    .replaceAll('https://your-cms.example', cms)
    .replace('listen 8080;', `listen 127.0.0.1:${port};`);
  await writeFile(join(dir, 'site.conf'), site);
  const user = process.getuid?.() === 0 ? 'user root;' : '';
  await writeFile(
    join(dir, 'nginx.conf'),
    `${user}\nworker_processes 1;\npid ${dir}/nginx.pid;\nerror_log ${dir}/error.log;\nevents {}\nhttp {\n  access_log off;\n  client_body_temp_path ${dir}/body;\n  proxy_temp_path ${dir}/proxy;\n  fastcgi_temp_path ${dir}/fastcgi;\n  uwsgi_temp_path ${dir}/uwsgi;\n  scgi_temp_path ${dir}/scgi;\n  include ${dir}/site.conf;\n}\n`,
  );
  execFileSync(NGINX, ['-t', '-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: 'pipe' });
  nginx = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'inherit' });
  base = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 50; i++) {
    try {
      await fetch(base);
      break;
    } catch {
      await new Promise((ok) => setTimeout(ok, 100));
    }
  }
});
after(() => {
  nginx?.kill('SIGQUIT');
});

test('deploy/nginx.conf serves the page with its headers, and only the embedded view can be framed', { skip: !NGINX && 'nginx is not installed' }, async () => {
  const page0 = await fetch(base);
  assert.equal(page0.status, 200);
  assert.equal(page0.headers.get('content-security-policy'), "frame-ancestors 'none'");
  assert.equal(page0.headers.get('x-frame-options'), 'DENY');
  assert.equal(page0.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(page0.headers.get('referrer-policy'), 'no-referrer');
  assert.match(page0.headers.get('cache-control'), /no-cache/);
  const cms = env.server.url.replace(/\/$/, '');
  const embedded = await fetch(`${base}?embed=1`);
  assert.equal(embedded.headers.get('content-security-policy'), `frame-ancestors 'self' ${cms}`);
  assert.equal(embedded.headers.get('x-frame-options'), null);
  const html = await page0.text();
  const wasm = html.match(/href="\/?([^"]+_bg\.wasm)"/)[1];
  const wasmResponse = await fetch(`${base}${wasm}`);
  assert.equal(wasmResponse.headers.get('content-type'), 'application/wasm');
  assert.match(wasmResponse.headers.get('cache-control'), /max-age=31536000/);
  assert.equal(wasmResponse.headers.get('x-content-type-options'), 'nosniff');

  // The page renders from nginx, with no error.
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(base);
  await page.fill('[data-role="article-text"]', 'وطالب البرلمان العراقي بانسحاب القوات الأمريكية من البلاد.');
  await page.locator('[data-stance="for"]').first().waitFor();
  await screenshot(page, 'nginx');
  assert.deepEqual(errors, []);

  // Framed by the CMS: the full page is refused, the embedded view shows.
  const host = await context.newPage();
  await host.goto(`${env.server.url}host.html?src=${encodeURIComponent(`${base}?embed=1`)}`);
  await host.frameLocator('#widget').locator('.app.embedded').waitFor();
  await host.goto(`${env.server.url}host.html?src=${encodeURIComponent(base)}`);
  await host.waitForTimeout(1000);
  const framed = host.frames().find((f) => f !== host.mainFrame());
  assert.equal(await framed.locator('.app').count().catch(() => 0), 0, 'the full page does not render in a frame');
  await context.close();
});
