// Share links, embedding, the language switch, colours, print, and the
// promise that the page asks nothing of any other origin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openWidget, screenshot, loadExamples, watchOrigins } from './harness.mjs';

// A host page that embeds the widget, as a CMS would, and records messages.
const HOST = `<!DOCTYPE html><html><body>
<iframe id="widget" style="inline-size:900px;border:0" height="300"></iframe>
<script>
  window.messages = [];
  window.addEventListener('message', (e) => {
    if (e.source === document.getElementById('widget').contentWindow) {
      window.messages.push(e.data);
      if (e.data.type === 'stance-matrix:height') document.getElementById('widget').height = e.data.height;
    }
  });
</script></body></html>`;

const env = useBrowser({ '/host.html': HOST });

test('a share link reproduces the whole state in a fresh browser, and a damaged one changes nothing', async () => {
  const { context, page, errors } = await openWidget(env.browser, env.server.url, { permissions: ['clipboard-read', 'clipboard-write'] });
  const foreign = watchOrigins(page, env.server.url);
  await loadExamples(page);
  await page.locator('[data-role="article-name"]').nth(0).fill('الاسم اليدوي');
  await page.locator('[data-actor="us-pentagon"]').first().click();
  await page.selectOption('[data-role="set-stance"]', 'for');
  await page.locator('[data-actor="us-pentagon"][data-edited="true"]').waitFor();
  await page.click('[data-role="language"]');
  await page.click('[data-role="share-link"]');
  await page.waitForFunction(() => document.querySelector('[data-role="notice"]')?.textContent.includes('Link copied'));
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/#s=[A-Za-z0-9_-]+$/);
  const before = await page.locator('table[data-role="stance-matrix"]').innerText();

  // A brand-new context: no storage, nothing but the link.
  const other = await env.browser.newContext();
  const fresh = await other.newPage();
  const freshErrors = [];
  fresh.on('pageerror', (e) => freshErrors.push(String(e)));
  const served = env.server.requests.length;
  await fresh.goto(link);
  await fresh.locator('[data-actor="us-pentagon"][data-edited="true"][data-stance="for"]').waitFor();
  assert.equal(await fresh.evaluate(() => document.documentElement.lang), 'en');
  assert.equal(await fresh.locator('[data-role="article-text"]').count(), 3);
  assert.equal(await fresh.locator('[data-role="article-name"]').nth(0).inputValue(), 'الاسم اليدوي');
  assert.equal(await fresh.locator('table[data-role="stance-matrix"]').innerText(), before);
  // The fragment went to no server and is cleared from the address.
  assert.ok(env.server.requests.slice(served).every((p) => !p.includes('s=')));
  assert.equal(await fresh.evaluate(() => location.hash), '');

  // A damaged link: a message, and the session stays.
  await fresh.goto(`${env.server.url}#s=AAAA!!broken`);
  await fresh.waitForFunction(() => document.querySelector('[data-role="notice"]')?.getAttribute('role') === 'alert');
  assert.match(await fresh.locator('[data-role="notice"]').textContent(), /damaged/);
  assert.equal(await fresh.locator('[data-role="article-text"]').count(), 3);
  assert.deepEqual(freshErrors, []);
  await other.close();
  assert.deepEqual(foreign, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('embed mode: compact, reports its height, and takes articles by postMessage', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const foreign = watchOrigins(page, env.server.url);
  await page.goto(`${env.server.url}host.html`);
  const origin = env.server.url.replace(/\/$/, '');
  await page.evaluate((src) => {
    document.getElementById('widget').src = src;
  }, `${env.server.url}?embed=1&origin=${encodeURIComponent(origin)}`);
  const frame = page.frameLocator('#widget');
  await frame.locator('#results-title').waitFor({ state: 'attached' });
  await page.waitForFunction(() => window.messages.some((m) => m.type === 'stance-matrix:height'));
  // Compact and read-only: no tagline, no article text.
  assert.equal(await frame.locator('.tagline').count(), 0);
  assert.equal(await frame.locator('[data-role="article-text"]').count(), 0);

  const send = (message) =>
    page.evaluate(([m, o]) => document.getElementById('widget').contentWindow.postMessage(m, o), [message, origin]);
  // Malformed messages are refused with a reason.
  const refusals = [
    [{ type: 'other' }, /type/],
    [{ type: 'stance-matrix:articles' }, /array/],
    [{ type: 'stance-matrix:articles', articles: [] }, /1 to 50/],
    [{ type: 'stance-matrix:articles', articles: [{ text: 5 }] }, /malformed/],
    ['a string', /malformed/],
  ];
  for (const [message, reason] of refusals) {
    const seen = await page.evaluate(() => window.messages.length);
    await send(message);
    await page.waitForFunction((n) => window.messages.slice(n).some((m) => m.type === 'stance-matrix:error'), seen);
    const error = await page.evaluate((n) => window.messages.slice(n).find((m) => m.type === 'stance-matrix:error'), seen);
    assert.match(error.reason, reason);
  }
  // Good articles: accepted, analysed, the result posted back, the frame resized.
  await send({
    type: 'stance-matrix:articles',
    articles: [
      { title: 'خبر', text: 'وطالب البرلمان العراقي بانسحاب القوات الأمريكية من البلاد.' },
      { text: 'ورفضت وزارة الدفاع الأمريكية الانسحاب من العراق.' },
    ],
  });
  await page.waitForFunction(() => window.messages.some((m) => m.type === 'stance-matrix:accepted' && m.articles === 2));
  await frame.locator('[data-actor="iraq-parliament"][data-stance="for"]').waitFor();
  await page.waitForFunction(() =>
    window.messages.some((m) => m.type === 'stance-matrix:result' && m.matrix.actors.some((a) => a.id === 'us-pentagon')),
  );
  // Once the page settles, the last height reported is the content's height.
  await page
    .waitForFunction(() => {
      const heights = window.messages.filter((m) => m.type === 'stance-matrix:height');
      const doc = document.getElementById('widget').contentDocument.documentElement;
      return heights[heights.length - 1].height === Math.ceil(doc.getBoundingClientRect().height);
    }, null, { timeout: 5000 })
    .catch(() => {});
  const { reported, actual } = await page.evaluate(() => {
    const heights = window.messages.filter((m) => m.type === 'stance-matrix:height');
    const doc = document.getElementById('widget').contentDocument.documentElement;
    return { reported: heights[heights.length - 1].height, actual: Math.ceil(doc.getBoundingClientRect().height) };
  });
  assert.equal(reported, actual, 'the last height reported is the content height');
  assert.equal(await page.evaluate(() => document.getElementById('widget').height), String(reported));
  // Embedded pages never touch the full page's storage.
  assert.equal(await page.evaluate(() => localStorage.getItem('stance-widget/session')), null);
  await screenshot(page, 'embed');
  assert.deepEqual(foreign, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the embed code is an iframe of the published state, with its loader', async () => {
  const { context, page, errors } = await openWidget(env.browser, env.server.url, { permissions: ['clipboard-read', 'clipboard-write'] });
  await loadExamples(page);
  await page.click('[data-role="embed-code"]');
  await page.waitForFunction(() => document.querySelector('[data-role="notice"]')?.textContent.includes('كود التضمين'));
  const code = await page.evaluate(() => navigator.clipboard.readText());
  const src = code.match(/^<iframe src="([^"]+)" title="[^"]+" data-stance-matrix/)[1].replaceAll('&amp;', '&');
  assert.match(src, /\?embed=1#p=/);
  assert.match(code, /<script src="[^"]+\/embed\.js" async><\/script>$/);
  const frame = await context.newPage();
  await frame.goto(src);
  await frame.locator('[data-stance="conditional"]').first().waitFor();
  assert.equal(await frame.locator('.app.embedded').count(), 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the language switch changes every word and direction, and is remembered', async () => {
  const { context, page, errors } = await openWidget(env.browser, env.server.url);
  await loadExamples(page);
  assert.deepEqual(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]), ['ar', 'rtl']);
  await page.click('[data-role="language"]');
  assert.deepEqual(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]), ['en', 'ltr']);
  assert.match(await page.locator('caption').textContent(), /Each actor's stance/);
  assert.match(await page.locator('[data-row="0"][data-col="0"]').getAttribute('aria-label'), /: For withdrawal — Article 1$/);
  // No Arabic left in the interface's own words (article texts and actor names are data).
  const arabicInChrome = await page.evaluate(() => {
    const chrome = [...document.querySelectorAll('.toolbar, .controls, .legend, caption, thead th:first-child, h1, h2, .article-tools')];
    return chrome
      .map((el) => el.innerText)
      .join(' ')
      .replace(/العربية/g, '')
      .match(/[\u0600-\u06FF]+/g);
  });
  assert.equal(arabicInChrome, null);
  await page.reload();
  await page.locator('[data-stance]').first().waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en', 'the choice is remembered');
  await page.goto(`${env.server.url}?lang=ar`);
  await page.locator('[data-stance]').first().waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl', '?lang= wins');
  assert.deepEqual(errors, []);
  await context.close();
});

// WCAG contrast of every stance colour on its background, and of muted text.
const CONTRAST = () => {
  const lum = (rgb) => {
    const [r, g, b] = rgb.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number).map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a, b) => {
    const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  const bodyBg = getComputedStyle(document.body).backgroundColor;
  const out = [];
  for (const el of document.querySelectorAll('[data-stance], [data-overall], [data-count], .hint, .rows-shown, .doc-number')) {
    const style = getComputedStyle(el);
    const bg = style.backgroundColor === 'rgba(0, 0, 0, 0)' ? bodyBg : style.backgroundColor;
    out.push({ what: el.className, ratio: ratio(style.color, bg) });
  }
  return out;
};

for (const scheme of ['light', 'dark']) {
  test(`${scheme}: every stance colour and muted text meets WCAG AA, in Arabic and English`, async () => {
    const { context, page, errors } = await openWidget(env.browser, env.server.url, { colorScheme: scheme, viewport: { width: 1280, height: 900 } });
    await loadExamples(page);
    await page.locator('[data-stance="for"]').first().click();
    for (const lang of ['ar', 'en']) {
      if (lang === 'en') await page.click('[data-role="language"]');
      const ratios = await page.evaluate(CONTRAST);
      assert.ok(ratios.length > 20);
      const low = ratios.filter((r) => r.ratio < 4.5);
      assert.deepEqual(low, [], `contrast below 4.5:1 (${scheme}, ${lang})`);
      await screenshot(page, `main-${lang}-${scheme}`);
    }
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('print shows the matrix without the tools', async () => {
  const { context, page, errors } = await openWidget(env.browser, env.server.url);
  await loadExamples(page);
  await page.emulateMedia({ media: 'print' });
  const shown = await page.evaluate(() =>
    Object.fromEntries(
      ['.articles', '.toolbar', '.controls', 'table[data-role="stance-matrix"]', '.legend'].map((s) => [s, getComputedStyle(document.querySelector(s)).display]),
    ),
  );
  assert.equal(shown['.articles'], 'none');
  assert.equal(shown['.toolbar'], 'none');
  assert.equal(shown['.controls'], 'none');
  assert.equal(shown['table[data-role="stance-matrix"]'], 'table');
  assert.notEqual(shown['.legend'], 'none', 'the legend explains the printed colours');
  await screenshot(page, 'print');
  assert.deepEqual(errors, []);
  await context.close();
});
