// Sessions are never lost: every session the page replaces is kept among the
// "earlier sessions" (IndexedDB) to open again or delete, an unreadable stored
// session is never written over, and a tab whose session is stale never
// overwrites another tab's newer work.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deflateRawSync } from 'node:zlib';
import { useBrowser, openWidget, screenshot, serveDist } from './harness.mjs';

const env = useBrowser();
const KEY = 'stance-widget/session';

const session = (...texts) => ({ schema: 'stance-session/1', articles: texts.map((text, i) => ({ id: i + 1, text })) });
const link = (s) => `#s=${deflateRawSync(Buffer.from(JSON.stringify(s))).toString('base64url')}`;
const WORK = 'عملي الأول\nوطالب البرلمان العراقي بانسحاب القوات الأمريكية من البلاد.';
const B = 'رابط ب\nورفضت وزارة الدفاع الأمريكية الانسحاب من العراق.';
const C = 'رابط ج\nوقال وزير الخارجية إن الانسحاب مشروط بالاتفاق.';

/** The titles listed under "earlier sessions". */
async function earlier(page) {
  await page.locator('[data-role="earlier-sessions"]').evaluate((d) => {
    d.open = true;
  });
  return page.locator('[data-role="earlier-session"] .earlier-title').allTextContents();
}

test('share links opened one after another keep every earlier session, to open again or delete, across reloads', async () => {
  const { context, page, errors } = await openWidget(env.browser, env.server.url);
  await page.fill('[data-role="article-text"]', WORK);
  await page.locator('[data-stance]').first().waitFor();
  for (const [s, title] of [[session(B), 'رابط ب'], [session(C), 'رابط ج']]) {
    await page.evaluate((h) => {
      location.hash = h;
    }, link(s));
    await page.waitForFunction((t) => document.querySelector('[data-role="article-text"]')?.value.startsWith(t), title);
  }
  await page.waitForFunction(() => document.querySelectorAll('[data-role="earlier-session"]').length === 2);
  assert.deepEqual(await earlier(page), ['رابط ب', 'عملي الأول'], 'newest first');
  assert.match(await page.locator('[data-role="earlier-sessions"] summary').textContent(), /جلسات سابقة \(2\)/);
  // Kept across a reload, and listed in English too.
  await page.reload();
  await page.click('[data-role="language"]');
  await page.waitForFunction(() => document.querySelectorAll('[data-role="earlier-session"]').length === 2);
  assert.match(await page.locator('[data-role="earlier-sessions"]').textContent(), /Earlier sessions \(2\).*1 article/s);
  // Open the first work again: the link's session goes to the list in its turn.
  await earlier(page);
  await page.locator('[data-role="earlier-session"]', { hasText: 'عملي الأول' }).locator('[data-role="open-earlier"]').click();
  await page.waitForFunction((t) => document.querySelector('[data-role="article-text"]').value === t, WORK);
  await page.waitForFunction(() => document.querySelectorAll('[data-role="earlier-session"]').length === 3);
  assert.deepEqual(await earlier(page), ['رابط ج', 'رابط ب', 'عملي الأول']);
  await screenshot(page, 'earlier-sessions');
  await page.locator('[data-role="earlier-session"]', { hasText: 'رابط ب' }).locator('[data-role="delete-earlier"]').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-role="earlier-session"]').length === 2);
  assert.deepEqual(await earlier(page), ['رابط ج', 'عملي الأول']);
  // Clearing keeps the work too.
  await page.click('[data-role="clear-all"]');
  await page.click('[data-role="confirm-yes"]');
  await page.waitForFunction(() => document.querySelectorAll('[data-role="earlier-session"]').length === 3);
  assert.equal((await earlier(page))[0], 'عملي الأول');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a page on another origin that opens the widget with one link and then re-hashes it to another loses nothing', async () => {
  const { context, page, errors } = await openWidget(env.browser, env.server.url);
  await page.fill('[data-role="article-text"]', WORK);
  await page.waitForFunction((t) => localStorage.getItem('stance-widget/session')?.includes(t), 'عملي الأول');
  await page.close();
  // The attacker: another origin (another port), opening the widget in a window it keeps.
  const attacker = await serveDist({ '/attack.html': '<!DOCTYPE html><html><body>attack</body></html>' });
  const evil = await context.newPage();
  await evil.goto(`${attacker.url}attack.html`);
  const [victim] = await Promise.all([
    context.waitForEvent('page'),
    evil.evaluate((url) => {
      window.w = window.open(url);
    }, `${env.server.url}${link(session(B))}`),
  ]);
  await victim.waitForFunction((t) => document.querySelector('[data-role="article-text"]')?.value.startsWith(t), 'رابط ب');
  await evil.evaluate((url) => {
    window.w.location.href = url;
  }, `${env.server.url}${link(session(C))}`);
  await victim.waitForFunction((t) => document.querySelector('[data-role="article-text"]')?.value.startsWith(t), 'رابط ج');
  await victim.waitForFunction(() => document.querySelectorAll('[data-role="earlier-session"]').length === 2);
  assert.deepEqual(await earlier(victim), ['رابط ب', 'عملي الأول'], 'the victim\'s work and the first link are both recoverable');
  await victim.locator('[data-role="earlier-session"]', { hasText: 'عملي الأول' }).locator('[data-role="open-earlier"]').click();
  await victim.waitForFunction((t) => document.querySelector('[data-role="article-text"]').value === t, WORK);
  assert.deepEqual(errors, []);
  await context.close();
  await attacker.close();
});

test('an idle tab shows another tab\'s newer session; a tab with unsaved changes stops writing and asks', async () => {
  const { context, page: one, errors } = await openWidget(env.browser, env.server.url);
  await one.fill('[data-role="article-text"]', WORK);
  await one.waitForFunction((t) => localStorage.getItem('stance-widget/session')?.includes(t), 'عملي الأول');
  const two = await context.newPage();
  await two.goto(env.server.url);
  await two.waitForFunction((t) => document.querySelector('[data-role="article-text"]')?.value === t, WORK);
  await two.waitForTimeout(400);

  // Tab one types; idle tab two follows.
  await one.fill('[data-role="article-text"]', B);
  await two.waitForFunction((t) => document.querySelector('[data-role="article-text"]').value === t, B);
  assert.match(await two.locator('[data-role="notice"]').textContent(), /تغيّرت هذه الجلسة في تبويب آخر/);

  // Tab two types, and before its save another tab saves C: tab two must not write over C.
  await two.evaluate(([key, s, text]) => {
    const area = document.querySelector('[data-role="article-text"]');
    area.value = text;
    area.dispatchEvent(new Event('input', { bubbles: true }));
    // Written from tab one's side, as another tab does.
    window.__other = s;
  }, [KEY, session(C), `${B} وأضاف`]);
  await one.evaluate(([key, s]) => localStorage.setItem(key, JSON.stringify(s)), [KEY, session(C)]);
  const banner = two.locator('[data-role="stale-session"]');
  await banner.waitFor();
  assert.match(await banner.textContent(), /تغيّرت هذه الجلسة في تبويب آخر/);
  await screenshot(two, 'stale-session');
  await two.waitForTimeout(800);
  assert.equal(await two.evaluate((key) => JSON.parse(localStorage.getItem(key)).articles[0].text, KEY), C, 'the stale tab wrote nothing');
  // Even leaving the page writes nothing.
  await two.evaluate(() => dispatchEvent(new Event('pagehide')));
  assert.equal(await two.evaluate((key) => JSON.parse(localStorage.getItem(key)).articles[0].text, KEY), C);
  // Showing the other version keeps this tab's among the earlier sessions.
  await two.click('[data-role="load-theirs"]');
  await two.waitForFunction((t) => document.querySelector('[data-role="article-text"]').value === t, C);
  await two.waitForFunction(() => [...document.querySelectorAll('[data-role="earlier-session"] .earlier-title')].some((e) => e.textContent === 'رابط ب'));
  assert.equal(await banner.count(), 0);
  // And it saves again afterwards.
  await two.fill('[data-role="article-text"]', `${C} ثم`);
  await two.waitForFunction((key) => JSON.parse(localStorage.getItem(key)).articles[0].text.endsWith(' ثم'), KEY);
  assert.deepEqual(errors, []);
  await context.close();
});

test('an unreadable stored session is never written over, even by a second one', async () => {
  const context = await env.browser.newContext();
  await context.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('stance-widget/unreadable-session', '{"schema":"stance-session/8","articles":[]}');
      localStorage.setItem('stance-widget/session', '{"schema":"stance-session/9","articles":[]}');
    }
  });
  const page = await context.newPage();
  await page.goto(env.server.url);
  await page.waitForSelector('[data-role="article-text"]');
  await page.fill('[data-role="article-text"]', WORK);
  await page.waitForFunction((t) => localStorage.getItem('stance-widget/session')?.includes(t), 'عملي الأول');
  const kept = await page.evaluate(() => [localStorage.getItem('stance-widget/unreadable-session'), localStorage.getItem('stance-widget/unreadable-session/2')]);
  assert.deepEqual(kept, ['{"schema":"stance-session/8","articles":[]}', '{"schema":"stance-session/9","articles":[]}']);
  await context.close();
});

test('when an unreadable stored session cannot be copied aside, the page says so and never writes over it', async () => {
  const context = await env.browser.newContext();
  await context.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      sessionStorage.setItem('seeded', '1');
      // Nearly all of the quota: no room for a copy.
      localStorage.setItem('stance-widget/session', `{"schema":"stance-session/9","x":"${'x'.repeat(4_900_000)}"}`);
    }
  });
  const page = await context.newPage();
  await page.goto(env.server.url);
  await page.locator('[data-role="storage-locked"]').waitFor();
  await page.fill('[data-role="article-text"]', WORK);
  await page.waitForTimeout(800);
  await page.evaluate(() => dispatchEvent(new Event('pagehide')));
  assert.ok((await page.evaluate(() => localStorage.getItem('stance-widget/session'))).startsWith('{"schema":"stance-session/9"'));
  await context.close();
});
