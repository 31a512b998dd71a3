// A share link with many large articles: each is under the size at which one
// article shows as a preview, but all together they are megabytes of text. The
// page lays out only so much text at once, so the tab never freezes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deflateRawSync } from 'node:zlib';
import { useBrowser, openWidget, corpusText } from './harness.mjs';

const env = useBrowser();

/** A share link's data: `count` articles of `letters` characters each, cut from the seeds. */
async function manyArticlesLink(count, letters) {
  const seeds = await corpusText();
  const articles = Array.from({ length: count }, (_, i) => {
    // A different 3,000-character passage for each, repeated (deflate's window is 32 KB).
    const passage = seeds.slice((i * 1777) % (seeds.length - 3000)).slice(0, 3000);
    return { id: i + 1, text: passage.repeat(Math.ceil(letters / passage.length)).slice(0, letters) };
  });
  const json = JSON.stringify({ schema: 'stance-session/1', articles });
  return deflateRawSync(Buffer.from(json)).toString('base64url');
}

test('opening a 24-article × 195,000-letter link keeps the event loop moving (longest gap under 1 s)', async () => {
  const { context, page, errors } = await openWidget(env.browser, env.server.url);
  const data = await manyArticlesLink(24, 195_000);
  assert.ok(data.length < 1_000_000, `the link is ${data.length} characters`);
  await page.fill('[data-role="article-text"]', 'وطالب البرلمان العراقي بانسحاب القوات الأمريكية من البلاد.');
  const gap = await page.evaluate(async (link) => {
    let last = performance.now();
    let longest = 0;
    const beat = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
    }, 20);
    location.hash = link;
    const started = performance.now();
    while (document.querySelectorAll('[data-role="article"]').length !== 24 && performance.now() - started < 30_000) {
      await new Promise((ok) => setTimeout(ok, 20));
    }
    // The layout, the first save and anything else the new session sets off.
    await new Promise((ok) => setTimeout(ok, 3000));
    clearInterval(beat);
    return longest;
  }, `#s=${data}`);
  console.log(`# 24 × 195,000 letters: longest event-loop gap ${gap.toFixed(0)} ms`);
  assert.equal(await page.locator('[data-role="article"]').count(), 24);
  assert.ok(gap < 1000, `longest gap ${gap} ms`);
  // Only so much is laid out; every other article is a preview that opens on demand.
  const laidOut = await page.evaluate(() =>
    [...document.querySelectorAll('[data-role="article-text"]')].reduce((n, a) => n + a.value.length, 0),
  );
  assert.ok(laidOut <= 100_000, `${laidOut} characters in text areas`);
  assert.equal(await page.locator('[data-role="large-preview"]').count(), 24);
  // The work it replaced can be had back.
  assert.equal(await page.locator('[data-role="undo"]').count(), 1);
  // And again after a reload (the session comes back from storage): a
  // heartbeat from before the page's own code runs.
  await page.waitForFunction(() => (localStorage.getItem('stance-widget/session')?.length ?? 0) > 4_000_000);
  await context.addInitScript(() => {
    window.__longest = 0;
    let last = performance.now();
    setInterval(() => {
      const now = performance.now();
      window.__longest = Math.max(window.__longest, now - last);
      last = now;
    }, 20);
  });
  await page.reload();
  await page.waitForFunction(() => document.querySelectorAll('[data-role="article"]').length === 24);
  await page.waitForTimeout(3000);
  const reloadGap = await page.evaluate(() => window.__longest);
  console.log(`# the same after a reload: longest event-loop gap ${reloadGap.toFixed(0)} ms`);
  assert.ok(reloadGap < 1000, `longest gap after a reload ${reloadGap} ms`);
  // A preview opens for editing when asked, and its text is whole.
  await page.locator('[data-role="large-preview"] button').last().click();
  const opened = page.locator('[data-article="24"] [data-role="article-text"]');
  await opened.waitFor();
  assert.equal((await opened.inputValue()).length, 195_000);
  assert.deepEqual(errors, []);
  await context.close();
});
