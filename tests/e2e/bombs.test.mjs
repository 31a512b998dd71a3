// Decompression bombs and oversized input: a share link that inflates to
// gigabytes, a session file larger than any session, and an embed message of
// hundreds of megabytes are each refused quickly, saying which check failed,
// without the page's WebAssembly memory growing past 100 MB.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createDeflateRaw } from 'node:zlib';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useBrowser, openWidget, loadExamples, EMBED_HOST as HOST } from './harness.mjs';


const env = useBrowser({ '/host.html': HOST });
const MB = 1024 * 1024;

/**
 * Keeps the wasm module's exports (Trunk hands them to `TrunkApplicationStarted`)
 * and notes when an alert first shows, in the page's own clock.
 */
function instrument(context) {
  return context.addInitScript(() => {
    addEventListener('TrunkApplicationStarted', (e) => {
      window.__wasm = e.detail?.wasm;
    });
    // When the page hears of a new link: the time before it is Chromium's
    // own (setting a 2 MB fragment takes it 0.2-0.4 s here, and more under load).
    addEventListener('hashchange', () => {
      if (window.__hashAt === undefined) window.__hashAt = performance.now();
    });
    new MutationObserver(() => {
      const alert = document.querySelector('[data-role="notice"][role="alert"]');
      if (alert && window.__alertAt === undefined) window.__alertAt = performance.now();
    }).observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
  });
}

/** The page's WebAssembly memory, in MB. */
const wasmMb = (frame) => frame.evaluate(() => window.__wasm.memory.buffer.byteLength / (1024 * 1024));

/** A session JSON whose one article is `letters` times 'ا', deflated, base64url. */
async function bombLink(letters) {
  const z = createDeflateRaw({ level: 9 });
  const chunks = [];
  z.on('data', (c) => chunks.push(c));
  const ended = once(z, 'end');
  z.write('{"schema":"stance-session/1","articles":[{"id":1,"text":"');
  const block = Buffer.from('ا'.repeat(MB / 2));
  for (let n = 0; n < letters; n += MB / 2) {
    if (!z.write(block)) await once(z, 'drain');
  }
  z.end('"}]}');
  await ended;
  return Buffer.concat(chunks).toString('base64url');
}

/** Opens `data` as a share link over the examples; returns the time to refusal and the notice. */
async function refuse(page, data) {
  // No notice left from before: the next alert is this link's.
  await page.evaluate(() => document.querySelector('[data-role="notice"] .icon-button')?.click());
  await page.locator('[data-role="notice"]').waitFor({ state: 'detached' });
  await page.evaluate(() => {
    window.__alertAt = undefined;
    window.__hashAt = undefined;
  });
  const articles = await page.locator('[data-role="article-text"]').count();
  const elapsed = await page.evaluate(async (link) => {
    const started = performance.now();
    location.hash = link;
    while (window.__alertAt === undefined) await new Promise((ok) => setTimeout(ok, 5));
    return { page: window.__alertAt - window.__hashAt, browser: window.__hashAt - started };
  }, `#s=${data}`);
  assert.equal(await page.locator('[data-role="article-text"]').count(), articles, 'the work is unchanged');
  return { elapsed: elapsed.page, browser: elapsed.browser, notice: await page.locator('[data-role="notice"]').textContent() };
}

test('share-link bombs are refused within 0.5 s of the page hearing of them, naming the check, and wasm memory stays under 100 MB', async () => {
  const { context, page, errors } = await openWidget(env.browser, env.server.url);
  await instrument(context);
  await page.reload();
  await page.waitForSelector('textarea');
  await page.click('[data-role="language"]');
  await loadExamples(page);
  const base = await wasmMb(page);

  // 300 million letters (600 MB of UTF-8) in a link of under a million characters.
  const bomb = await bombLink(300_000_000);
  assert.ok(bomb.length < 1_000_000, `the bomb fits in a link (${bomb.length} characters)`);
  const inflated = await refuse(page, bomb);
  console.log(`# inflating bomb (${bomb.length} chars): refused in ${inflated.elapsed.toFixed(0)} ms after the page heard of it (Chromium took ${inflated.browser.toFixed(0)} ms to set it), wasm ${await wasmMb(page)} MB (was ${base} MB)`);
  assert.match(inflated.notice, /inflates to more than 16 MiB/);
  assert.ok(inflated.elapsed < 500, `refused in ${inflated.elapsed} ms`);
  assert.ok((await wasmMb(page)) < 100, 'wasm memory under 100 MB');

  // A 2 MB link (the bomb's data twice, and more) is refused on its length,
  // before it is decoded or inflated.
  const twoMb = bomb.repeat(3).slice(0, 2_000_000);
  const long = await refuse(page, twoMb);
  console.log(`# 2 MB bomb link: refused in ${long.elapsed.toFixed(0)} ms after the page heard of it (Chromium took ${long.browser.toFixed(0)} ms to set it), wasm ${await wasmMb(page)} MB`);
  assert.match(long.notice, /2000002 characters; links of at most 1000000/);
  assert.ok(long.elapsed < 500, `refused in ${long.elapsed} ms`);
  assert.ok((await wasmMb(page)) < 100, 'wasm memory under 100 MB');

  // Damaged links say which check failed too.
  assert.match((await refuse(page, 'AAAA!!broken')).notice, /not base64url/);
  assert.match((await refuse(page, bomb.slice(0, 5000) + 'A')).notice, /not deflate data/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a session file larger than any session is refused before it is read', async () => {
  const { context, page, errors } = await openWidget(env.browser, env.server.url);
  await instrument(context);
  await page.reload();
  await page.waitForSelector('textarea');
  await page.click('[data-role="language"]');
  const dir = await mkdtemp(join(tmpdir(), 'stance-bomb-'));
  const file = join(dir, 'huge-session.json');
  const text = 'ا'.repeat(40 * MB);
  await writeFile(file, `{"schema":"stance-session/1","articles":[{"id":1,"text":"${text}"}]}`);
  await page.setInputFiles('[data-role="open-session"]', file);
  await page.waitForFunction(() => document.querySelector('[data-role="notice"]')?.getAttribute('role') === 'alert');
  const mb = await wasmMb(page);
  console.log(`# 80 MB session file: wasm ${mb} MB`);
  assert.ok(mb < 100, `wasm memory ${mb} MB`);
  assert.match(await page.locator('[data-role="notice"]').textContent(), /larger than 64 MB/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('an embed message of hundreds of megabytes is refused before its texts are copied', async () => {
  const context = await env.browser.newContext();
  await instrument(context);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${env.server.url}host.html`);
  const origin = env.server.url.replace(/\/$/, '');
  await page.evaluate((src) => {
    document.getElementById('widget').src = src;
  }, `${env.server.url}?embed=1&origin=${encodeURIComponent(origin)}`);
  const frame = page.frames().find((f) => f !== page.mainFrame()) ?? (await page.waitForEvent('frameattached'));
  await page.frameLocator('#widget').locator('#results-title').waitFor({ state: 'attached' });
  await frame.waitForFunction(() => window.__wasm);

  // Each case builds its texts inside the host page (one string shared by every article).
  const send = async (build) => {
    const seen = await page.evaluate(() => window.messages.length);
    await page.evaluate(([code, o]) => {
      // eslint-disable-next-line no-new-func
      const message = new Function(code)();
      document.getElementById('widget').contentWindow.postMessage(message, o);
    }, [build, origin]);
    await page.waitForFunction((n) => window.messages.slice(n).some((m) => m.type === 'stance-matrix:error' || m.type === 'stance-matrix:accepted'), seen);
    return page.evaluate((n) => window.messages.slice(n).find((m) => m.type === 'stance-matrix:error' || m.type === 'stance-matrix:accepted'), seen);
  };
  const huge = await send(`const t = 'ا'.repeat(6 * 1024 * 1024); return { type: 'stance-matrix:articles', articles: Array.from({ length: 50 }, () => ({ text: t })) };`);
  assert.equal(huge.type, 'stance-matrix:error');
  assert.match(huge.reason, /articles\[0\]\.text is over 5242880 bytes/);
  const together = await send(`const t = 'x'.repeat(4.5 * 1024 * 1024); return { type: 'stance-matrix:articles', articles: Array.from({ length: 5 }, () => ({ text: t })) };`);
  assert.match(together.reason, /over 20971520 bytes together/);
  // Two-byte letters: 3 MB of them is within the units check but 6 MB of UTF-8.
  const utf8 = await send(`return { type: 'stance-matrix:articles', articles: [{ text: 'ا'.repeat(3 * 1024 * 1024) }] };`);
  assert.match(utf8.reason, /articles\[0\]\.text is over 5242880 bytes/);
  const title = await send(`return { type: 'stance-matrix:articles', articles: [{ text: 'نص', title: 'x'.repeat(100 * 1024 * 1024) }] };`);
  assert.match(title.reason, /title is over 300 characters/);
  const mb = await wasmMb(frame);
  console.log(`# embed messages of 300 MB, 22 MB, 6 MB and a 100 MB title: wasm ${mb} MB`);
  assert.ok(mb < 100, `wasm memory ${mb} MB`);
  // A good message is still taken.
  const good = await send(`return { type: 'stance-matrix:articles', articles: [{ text: 'وطالب البرلمان العراقي بانسحاب القوات الأمريكية من البلاد.' }] };`);
  assert.equal(good.type, 'stance-matrix:accepted');
  assert.deepEqual(errors, []);
  await context.close();
});
