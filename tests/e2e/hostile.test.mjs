// Hostile and odd input in the browser: nothing pasted ever runs, every input
// gets a result or a clear message, a huge paste never freezes the page, the
// text survives a reload, and even a crash keeps the user's text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openWidget, pasteText, screenshot } from './harness.mjs';

const env = useBrowser();

const ARABIC = 'وطالب البرلمان العراقي بانسحاب القوات الأمريكية من البلاد.';

test('the page declares a strict Content-Security-Policy', async () => {
  const { context, page } = await openWidget(env.browser, env.server.url);
  const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  assert.ok(csp, 'a CSP meta tag');
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
  assert.doesNotMatch(csp, /unsafe-inline|'unsafe-eval'/);
  await context.close();
});

test('pasted HTML and scripts are shown as text and never run, and survive a reload', async () => {
  const { context, page, errors } = await openWidget(env.browser, env.server.url);
  const payload = `<img src=x onerror="window.__pwned='img'"><script>window.__pwned='script'</script>\n${ARABIC}\n<svg onload="window.__pwned='svg'"></svg>`;
  await page.fill('textarea', payload);
  await page.locator('[data-stance]').first().waitFor();
  await page.locator('[data-stance="for"]').first().click();
  await page.locator('[data-role="evidence"] blockquote').first().waitFor();
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator('body img, body svg, main script').count(), 0, 'no element was made from the text');
  await page.reload();
  await page.waitForSelector('textarea');
  assert.equal(await page.inputValue('textarea'), payload, 'the text is back after a reload');
  await page.locator('[data-stance]').first().waitFor();
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(errors, []);
  await context.close();
});

test('text with no Arabic gets a clear message', async () => {
  const { context, page } = await openWidget(env.browser, env.server.url);
  await page.fill('textarea', 'Washington said the troops will stay. Le parlement a voté.');
  const note = page.locator('[data-role="no-arabic"]');
  await note.waitFor();
  assert.match(await note.textContent(), /لم يُعثر على نص عربي/);
  await context.close();
});

test('odd Unicode, empty and punctuation-only input all give a result or a message', async () => {
  const { context, page, errors } = await openWidget(env.browser, env.server.url);
  const inputs = [
    '',
    '   \n\t  ',
    '... ،،، ؟؟ !!',
    `\u202e${ARABIC}\u202c`,
    ARABIC.replace('البرلمان', 'البر\u200bلمان'),
    `😀 ${ARABIC} 🇮🇶`,
    'وَطَالَبَ البَرْلَمَانُ العِرَاقِيُّ بِانْسِحَابِ القُوَّاتِ الأَمْرِيكِيَّةِ.',
    'قال البرلمان العراقي: ﻻ نريد انسحاب القوات الأمريكية. ﷲ',
    'وطالب البرلمان العراقی بانسحاب القوات الأمريکية.',
    `عنوان\r\n\r\n${ARABIC}\r\n`,
    'قال البرلمان العراقي: "نطالب بانسحاب القوات الأمريكية. « ثم “',
  ];
  for (const text of inputs) {
    await page.fill('textarea', text);
    await page.waitForFunction(() => {
      const results = document.querySelector('.results');
      return results && (results.querySelector('[data-role="stance-matrix"]') || results.querySelector('.empty'));
    });
    const shown = await page.locator('.results').innerText();
    assert.ok(shown.trim().length > 0, `something is shown for ${JSON.stringify(text)}`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('a huge paste asks before analyzing and the page stays usable', async () => {
  const { context, page } = await openWidget(env.browser, env.server.url);
  const big = `${ARABIC}\n`.repeat(Math.ceil(2_000_000 / ARABIC.length));
  await pasteText(page, big);
  const notice = page.locator('[data-role="large-input"]');
  await notice.waitFor();
  // The page still answers at once while the big text waits.
  const started = Date.now();
  await page.evaluate(() => document.title);
  assert.ok(Date.now() - started < 1000);
  await notice.locator('button').click();
  await page.locator('[data-stance="for"]').first().waitFor({ timeout: 60_000 });
  await context.close();
});

test('a crash shows a banner in both languages and keeps the text', async () => {
  const { context, page } = await openWidget(env.browser, env.server.url);
  await page.fill('textarea', ARABIC);
  await page.locator('[data-stance]').first().waitFor();
  const crashed = await context.newPage();
  await crashed.goto(`${env.server.url}?selftest=panic`);
  const banner = crashed.locator('[data-role="crash-banner"]');
  await banner.waitFor();
  const message = await banner.textContent();
  assert.match(message, /نصك محفوظ/);
  assert.match(message, /Your text is saved/);
  assert.equal(await crashed.inputValue('textarea'), ARABIC);
  await screenshot(crashed, 'crash-banner');
  await context.close();
});

test('a text too large for browser storage is flagged, not silently lost', async () => {
  const { context, page } = await openWidget(env.browser, env.server.url);
  const huge = `${ARABIC}\n`.repeat(Math.ceil(6_000_000 / ARABIC.length));
  await pasteText(page, huge);
  const alert = page.locator('[data-role="not-saved"]');
  await alert.waitFor({ timeout: 60_000 });
  assert.match(await alert.textContent(), /تعذر حفظ العمل/);
  // With the huge article removed, a normal text is saved again and the warning goes away.
  await page.click('[data-role="remove-article"]');
  await pasteText(page, ARABIC);
  await alert.waitFor({ state: 'detached' });
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('stance-widget/session')));
  assert.equal(saved.schema, 'stance-session/1');
  assert.equal(saved.articles[0].text, ARABIC);
  await context.close();
});

test('a stored session the page cannot read is kept aside, not overwritten', async () => {
  const context = await env.browser.newContext();
  // Stored before the page's own code runs (a reload would save over it on the way out).
  await context.addInitScript(() => {
    if (!localStorage.getItem('stance-widget/session')) {
      localStorage.setItem('stance-widget/session', '{"schema":"stance-session/9","articles":[]}');
    }
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(env.server.url);
  await page.waitForSelector('[data-role="article-text"]');
  await page.locator('[data-role="article-text"]').fill(ARABIC);
  await page.locator('[data-stance]').first().waitFor();
  await page.waitForFunction((text) => localStorage.getItem('stance-widget/session')?.includes(text), ARABIC);
  assert.equal(await page.evaluate(() => localStorage.getItem('stance-widget/unreadable-session')), '{"schema":"stance-session/9","articles":[]}');
  assert.equal(await page.evaluate(() => JSON.parse(localStorage.getItem('stance-widget/session')).articles[0].text), ARABIC);
  assert.deepEqual(errors, []);
  await context.close();
});
