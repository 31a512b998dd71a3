// Hardening: an embed `?origin=` written with a trailing slash works and one
// that is not an origin is refused visibly; the CSP has no `blob:` workers and
// the analysis worker still starts; a session file in a legacy encoding is
// refused like a .txt; share links say which check failed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { useBrowser, openWidget, pasteText, EMBED_HOST as HOST } from './harness.mjs';


const env = useBrowser({ '/host.html': HOST });
const ARABIC = 'وطالب البرلمان العراقي بانسحاب القوات الأمريكية من البلاد.';

/** Opens the host page with the widget framed at `query`. */
async function embedded(query) {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${env.server.url}host.html`);
  await page.evaluate((src) => {
    document.getElementById('widget').src = src;
  }, `${env.server.url}?embed=1&lang=en&${query}`);
  const frame = page.frameLocator('#widget');
  await frame.locator('#results-title').waitFor({ state: 'attached' });
  const send = (message) =>
    page.evaluate((m) => document.getElementById('widget').contentWindow.postMessage(m, '*'), message);
  return { context, page, frame, send, errors };
}

test('an embed ?origin= with a trailing slash, capitals or a default port is the same origin', async () => {
  const origin = env.server.url.replace(/\/$/, '');
  for (const written of [`${origin}/`, `${origin.replace('http://', 'HTTP://')}/`]) {
    const { context, page, frame, send, errors } = await embedded(`origin=${encodeURIComponent(written)}`);
    await page.waitForFunction(() => window.messages.some((m) => m.type === 'stance-matrix:height'));
    await send({ type: 'stance-matrix:articles', articles: [{ text: ARABIC }] });
    await page.waitForFunction(() => window.messages.some((m) => m.type === 'stance-matrix:accepted'));
    await frame.locator('[data-actor="iraq-parliament"][data-stance="for"]').waitFor();
    assert.equal(await frame.locator('[data-role="notice"][role="alert"]').count(), 0);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('an embed ?origin= that is not an origin is refused with a visible message', async () => {
  const { context, page, frame, send, errors } = await embedded(`origin=${encodeURIComponent('https://cms.example/news/')}`);
  const alert = frame.locator('[data-role="notice"][role="alert"]');
  await alert.waitFor();
  assert.match(await alert.textContent(), /\?origin= is not an origin .*"https:\/\/cms\.example\/news\/"/);
  await send({ type: 'stance-matrix:articles', articles: [{ text: ARABIC }] });
  await page.waitForTimeout(500);
  assert.deepEqual(await page.evaluate(() => window.messages), [], 'nothing read, nothing sent');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the CSP allows no blob: workers, and the analysis worker still starts', async () => {
  const context = await env.browser.newContext();
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  const workers = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.goto(env.server.url);
  await page.waitForSelector('textarea');
  const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  assert.match(csp, /worker-src 'self';/);
  assert.doesNotMatch(csp, /worker-src[^;]*blob:/);
  // Every analysis runs in the worker; a large text too.
  await pasteText(page, `${ARABIC}\n`.repeat(Math.ceil(150_000 / ARABIC.length)));
  await page.locator('[data-stance="for"]').first().waitFor({ timeout: 60_000 });
  assert.ok(workers.some((u) => u.endsWith('/stance-worker_loader.js')), `workers: ${workers}`);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  await context.close();
});

test('a session file in Windows-1256 is refused like a .txt, and a UTF-8 one with U+FFFD opens', async () => {
  const { context, page, errors } = await openWidget(env.browser, env.server.url);
  await page.fill('textarea', ARABIC);
  const dir = await mkdtemp(join(tmpdir(), 'stance-'));
  // {"schema":"stance-session/1","articles":[{"id":1,"text":"نص"}]} with the text in Windows-1256.
  const legacy = Buffer.concat([
    Buffer.from('{"schema":"stance-session/1","articles":[{"id":1,"text":"'),
    Buffer.from([0xe4, 0xd5]),
    Buffer.from('"}]}'),
  ]);
  await writeFile(join(dir, 'legacy.json'), legacy);
  await page.setInputFiles('[data-role="open-session"]', join(dir, 'legacy.json'));
  await page.waitForFunction(() => document.querySelector('[data-role="notice"]')?.getAttribute('role') === 'alert');
  assert.match(await page.locator('[data-role="notice"]').textContent(), /legacy\.json.*ليس نصاً بترميز UTF-8/);
  assert.equal(await page.inputValue('textarea'), ARABIC, 'the work is unchanged');
  const fine = JSON.stringify({ schema: 'stance-session/1', articles: [{ id: 1, text: `\ufffd ${ARABIC}` }] });
  await writeFile(join(dir, 'fine.json'), `\ufeff${fine}`);
  await page.setInputFiles('[data-role="open-session"]', join(dir, 'fine.json'));
  await page.waitForFunction(() => document.querySelector('textarea').value.startsWith('\ufffd'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a share link that inflates to something other than a session says so', async () => {
  const { context, page, errors } = await openWidget(env.browser, env.server.url);
  await page.click('[data-role="language"]');
  const link = (text) => `#s=${deflateRawSync(Buffer.from(text)).toString('base64url')}`;
  for (const [text, reason] of [
    ['{"schema":"stance-matrix/1"}', /it holds no session \(the file is "stance-matrix\/1"/],
    [Buffer.from([0xff, 0xfe, 0x00]), /does not inflate to UTF-8 text/],
  ]) {
    await page.evaluate((h) => {
      location.hash = h;
    }, link(text));
    await page.waitForFunction(() => document.querySelector('[data-role="notice"]')?.getAttribute('role') === 'alert');
    assert.match(await page.locator('[data-role="notice"]').textContent(), reason);
    await page.click('[data-role="notice"] .icon-button');
  }
  assert.deepEqual(errors, []);
  await context.close();
});
