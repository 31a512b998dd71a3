// Large articles: a 10 MB paste shows progress and keeps the page usable, and
// a 1 MB article opened for editing takes typing and loses none of it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openWidget, corpusText } from './harness.mjs';

const env = useBrowser();

/** About `bytes` of UTF-8 made by repeating the seed articles (the examples in a plain clone). */
async function corpus(bytes) {
  const text = await corpusText(1);
  const big = text.repeat(Math.ceil(bytes / Buffer.byteLength(text)));
  return big.slice(0, Math.floor((big.length * bytes) / Buffer.byteLength(big)));
}

/** Pastes `text` into the first article the way a clipboard paste arrives. */
function paste(page, text) {
  return page.evaluate((value) => {
    const area = document.querySelector('[data-role="article-text"]');
    area.focus();
    const data = new DataTransfer();
    data.setData('text/plain', value);
    area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

test('a 10 MB paste becomes a preview, shows progress while the worker analyses, and the page stays usable', async () => {
  const { context, page, errors } = await openWidget(env.browser, env.server.url);
  await paste(page, await corpus(10_000_000));
  await page.locator('[data-role="large-preview"]').waitFor();
  assert.equal(await page.locator('[data-role="article-text"]').count(), 0, 'no text area holds the 10 MB');
  const notice = page.locator('[data-role="large-input"]');
  await notice.waitFor();
  // Storage cannot hold it, and the page says so rather than losing it quietly.
  await page.locator('[data-role="not-saved"]').waitFor();
  await notice.locator('button').click();
  const status = page.locator('[data-role="analysis-status"]');
  await page.waitForFunction(() => document.querySelector('[data-role="analysis-status"] progress'));
  assert.match(await status.textContent(), /10\.0 ميغابايت/);
  // While the worker runs, the interface answers: switch the language and back.
  await page.click('[data-role="language"]');
  assert.match(await status.textContent(), /Analysing 10\.0 MB/);
  await page.click('[data-role="language"]');
  await page.locator('[data-stance="for"]').first().waitFor({ timeout: 120_000 });
  assert.equal(await page.locator('[data-role="analysis-status"] progress').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a 1 MB article opened for editing takes typing, and a reload right after keeps it', async () => {
  const { context, page, errors } = await openWidget(env.browser, env.server.url);
  await paste(page, await corpus(1_000_000));
  await page.locator('[data-role="large-preview"] button').click();
  const area = page.locator('[data-role="article-text"][data-read-on-pause]');
  await area.waitFor();
  await area.focus();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' وقال البرلمان العراقي إنه يطالب بانسحاب القوات');
  // Text inserted without key events (an IME, dictation, an on-screen keyboard).
  await page.keyboard.insertText('.');
  // Read after the pause: the session in storage ends with what was typed.
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('stance-widget/session')).articles[0].text.endsWith('بانسحاب القوات.'));
  // Typing and reloading at once: the page reads the text area as it goes.
  await page.keyboard.type(' نهاية');
  await page.reload();
  await page.locator('[data-role="large-preview"]').waitFor();
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('stance-widget/session')).articles[0].text);
  assert.ok(saved.endsWith(' نهاية'), 'nothing typed is lost');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a session too large for a link says so and suggests a file', async () => {
  const { context, page, errors } = await openWidget(env.browser, env.server.url);
  // Letters drawn at random hardly compress: two million of them cannot fit in a link.
  let seed = 7;
  const letters = 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي ';
  const noise = Array.from({ length: 2_000_000 }, () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return letters[(seed >>> 0) % letters.length];
  }).join('');
  await paste(page, noise);
  await page.locator('[data-role="large-preview"]').waitFor();
  await page.click('[data-role="share-link"]');
  await page.waitForFunction(() => document.querySelector('[data-role="notice"]')?.getAttribute('role') === 'alert');
  assert.match(await page.locator('[data-role="notice"]').textContent(), /أكبر من أن يحملها رابط/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('"edit the whole text" on a 10 MB article says first how long the page will freeze, and can be declined', async () => {
  const { context, page, errors } = await openWidget(env.browser, env.server.url);
  await paste(page, await corpus(10_000_000));
  await page.locator('[data-role="large-preview"]').waitFor();
  await page.click('[data-role="edit-large"]');
  const warning = page.locator('[data-role="edit-warning"]');
  await warning.waitFor();
  // Megabytes and the seconds to expect (0.76 s per MB), before anything is laid out.
  assert.match(await warning.textContent(), /10\.0 ميغابايت.*نحو 8 ثوانٍ/);
  assert.equal(await page.locator('[data-role="article-text"]').count(), 0);
  await page.click('[data-role="keep-preview"]');
  await page.locator('[data-role="edit-large"]').waitFor();
  assert.equal(await page.locator('[data-role="article-text"]').count(), 0, 'declined: still a preview');
  // A 1 MB article opens without asking (see the test above).
  assert.deepEqual(errors, []);
  await context.close();
});
