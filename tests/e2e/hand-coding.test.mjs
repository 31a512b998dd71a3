// Hand coding from the matrix: a "—" cell starts coding that actor in that
// article (editor only), persons linked to their body are shown under it
// (table, phone cards, published view), and a large widget export opened
// through the worker keeps its ✎ and ✓ marks and its grouping.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useBrowser, openWidget, screenshot, loadExamples, download, artifactsDir } from './harness.mjs';

const env = useBrowser();

/** The shown rows' actor ids, in order. */
const rowOrder = (page) => page.locator('tr[data-actor-row]').evaluateAll((rows) => rows.map((r) => r.dataset.actorRow));

/** Links row `member` to row `body` through the evidence panel's actor details. */
async function link(page, member, body) {
  await page.locator(`[data-actor="${member}"][data-stance]`).first().click();
  await page.locator('[data-role="actor-details"] summary').click();
  await page.locator('[data-role="actor-member-of"]').selectOption(body);
  await page.click('[data-role="save-details"]');
  await page.locator(`tr[data-actor-row="${member}"].member`).waitFor();
}

test('a "—" cell starts hand coding that actor in that article, by click or Enter, only in the editor', async () => {
  const { context, page, errors } = await openWidget(env.browser, env.server.url, { permissions: ['clipboard-read', 'clipboard-write'] });
  await loadExamples(page);
  const empty = page.locator('td.absent[data-codable]').first();
  const { actor, col } = await empty.evaluate((td) => ({ actor: td.closest('tr').dataset.actorRow, col: Number(td.dataset.col) }));
  const doc = await page.locator('thead th[data-document]').nth(col).getAttribute('data-document');
  const name = await page.locator(`tr[data-actor-row="${actor}"] .actor-name`).textContent();
  await empty.click();
  const card = page.locator(`[data-role="article"][data-article="${doc.slice(1)}"]`);
  const request = card.locator('[data-role="coding-request"]');
  await request.waitFor();
  assert.match(await request.textContent(), new RegExp(`ترميز يدوي.*${name}.*أضف تصريحاً من النص المحدد`));
  // The article's text has the focus, described by the instruction, so the editor selects the sentence.
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.role), 'article-text');
  assert.equal(await page.evaluate(() => document.activeElement?.closest('[data-role="article"]')?.dataset.article), doc.slice(1));
  assert.match(await page.evaluate(() => document.activeElement.getAttribute('aria-describedby')), /^coding-request-/);
  await screenshot(page, 'hand-coding-request');

  // The form names that actor; the statement fills the cell and the instruction goes.
  const area = card.locator('[data-role="article-text"]');
  const sentence = await area.evaluate((el) => {
    const line = el.value.split('\n').find((l) => l.trim().length > 30).trim();
    const at = el.value.indexOf(line);
    el.setSelectionRange(at, at + line.length);
    return line;
  });
  await card.locator('[data-role="add-statement"]').click();
  const form = page.locator('[data-role="statement-form"]');
  await form.waitFor();
  assert.equal(await form.locator('[data-role="statement-actor"]').inputValue(), actor, 'the form names the cell\'s actor');
  assert.equal(await form.locator('[data-role="statement-text"]').textContent(), sentence);
  await form.locator('[data-role="statement-stance"]').selectOption('against');
  await form.locator('[data-role="save-statement"]').click();
  await page.locator(`[data-actor="${actor}"][data-document="${doc}"][data-stance="against"]`).waitFor();
  assert.equal(await request.count(), 0);

  // Enter on a focused "—" does the same; in English the instruction is English.
  await page.click('[data-role="language"]');
  const next = page.locator('td.absent[data-codable]').first();
  await next.focus();
  await page.keyboard.press('Enter');
  const english = page.locator('[data-role="coding-request"]');
  await english.waitFor();
  assert.match(await english.textContent(), /Coding a statement of .* by hand: select the sentence/);
  await english.locator('[data-role="cancel-coding"]').click();
  await english.waitFor({ state: 'detached' });
  await page.click('[data-role="language"]');

  // The published view: a "—" is inert.
  await page.locator('[data-role="publish"] summary').click();
  await page.click('[data-role="copy-published-link"]');
  await page.waitForFunction(() => document.querySelector('[data-role="notice"]')?.textContent.includes('للقراءة فقط'));
  const reader = await (await env.browser.newContext({ locale: 'ar' })).newPage();
  await reader.goto(await page.evaluate(() => navigator.clipboard.readText()));
  await reader.locator('td.absent').first().waitFor();
  assert.equal(await reader.locator('td.absent[data-codable]').count(), 0);
  await reader.locator('td.absent').first().click();
  await reader.keyboard.press('Enter');
  await reader.waitForTimeout(300);
  assert.equal(await reader.locator('[data-role="coding-request"], [data-role="statement-form"]').count(), 0);
  await reader.context().close();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a person linked to a body is shown under it: table, phone cards and published view', async () => {
  const { context, page, errors } = await openWidget(env.browser, env.server.url, { permissions: ['clipboard-read', 'clipboard-write'] });
  await loadExamples(page);
  const before = await rowOrder(page);
  assert.ok(before.length >= 3, before.join());
  const [member, body] = [before[0], before[before.length - 1]];
  const bodyName = await page.locator(`tr[data-actor-row="${body}"] .actor-name`).textContent();
  await link(page, member, body);
  const after = await rowOrder(page);
  assert.deepEqual(after, [...before.slice(1), member], 'the member right under its body, the rest in their order');
  const row = page.locator(`tr[data-actor-row="${member}"]`);
  assert.equal(await row.locator('[data-role="member-of"]').textContent(), `من ${bodyName}`);
  // Indented towards the inline end: in right to left, the name starts further left.
  const indent = await page.evaluate(([m, b]) => {
    const right = (id) => document.querySelector(`tr[data-actor-row="${id}"] .actor-name`).getBoundingClientRect().right;
    return right(b) - right(m);
  }, [member, body]);
  assert.ok(indent >= 16, `indent ${indent}px`);
  await page.locator('[data-role="close-evidence"]').click();
  await screenshot(page, 'hand-coding-member-table');

  // Published: the same order and mark.
  await page.locator('[data-role="publish"] summary').click();
  await page.click('[data-role="copy-published-link"]');
  await page.waitForFunction(() => document.querySelector('[data-role="notice"]')?.textContent.includes('للقراءة فقط'));
  const link1 = await page.evaluate(() => navigator.clipboard.readText());
  const readers = await env.browser.newContext({ locale: 'ar' });
  const reader = await readers.newPage();
  await reader.goto(link1);
  await reader.locator(`tr[data-actor-row="${member}"].member`).waitFor();
  assert.deepEqual(await rowOrder(reader), after);
  await screenshot(reader, 'hand-coding-member-published');

  // A phone: the member's card under the body's, indented and naming it.
  const phones = await env.browser.newContext({ locale: 'ar', viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
  const phone = await phones.newPage();
  await phone.goto(link1);
  await phone.locator('[data-role="actor-cards"] .actor-card').first().waitFor();
  const cards = await phone.locator('.actor-card').evaluateAll((c) => c.map((x) => x.dataset.actorRow));
  assert.deepEqual(cards, after);
  const card = phone.locator(`.actor-card[data-actor-row="${member}"]`);
  assert.match(await card.getAttribute('class'), /member/);
  assert.equal(await card.locator('[data-role="member-of"]').textContent(), `من ${bodyName}`);
  const [cardRight, bodyRight] = await Promise.all([card, phone.locator(`.actor-card[data-actor-row="${body}"]`)].map((l) => l.evaluate((e) => e.getBoundingClientRect().right)));
  assert.ok(bodyRight - cardRight >= 16, 'the card is indented from the right');
  assert.ok(await phone.evaluate(() => document.documentElement.scrollWidth <= 375), 'no sideways scrolling');
  await screenshot(phone, 'hand-coding-member-phone');
  await phones.close();
  await readers.close();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a widget export over 2 MB, opened through the worker, keeps its ✎ and ✓ marks and its grouping', async () => {
  const { context, page, errors } = await openWidget(env.browser, env.server.url);
  await loadExamples(page);
  const rows = await rowOrder(page);
  const [member, body] = [rows[0], rows[rows.length - 1]];
  await link(page, member, body);
  // One cell set by hand (✎), another checked (✓).
  const cells = page.locator('td[data-stance]');
  const [a, b] = await cells.evaluateAll((tds) => tds.slice(0, 2).map((td) => [td.dataset.actor, td.dataset.document]));
  await page.locator(`td[data-actor="${a[0]}"][data-document="${a[1]}"]`).click();
  await page.locator('[data-role="set-stance"]').selectOption('conditional');
  await page.locator(`td[data-actor="${a[0]}"][data-document="${a[1]}"][data-edited="true"]`).waitFor();
  await page.locator(`td[data-actor="${b[0]}"][data-document="${b[1]}"]`).click();
  await page.locator('[data-role="cell-check"]').check();
  await page.locator(`td[data-actor="${b[0]}"][data-document="${b[1]}"][data-checked="true"]`).waitFor();
  const json = JSON.parse((await download(page, '[data-role="export-json"]')).body.toString());
  // Over the page's 2 MB limit: an actor with many other names.
  json.actors.push({ ...json.actors[0], id: 'padding', name: 'حشو', name_en: null, aliases: Array.from({ length: 3000 }, (_, i) => `اسم آخر رقم ${i} `.repeat(60)), cells: [], overall: 'none' });
  delete json.actors[json.actors.length - 1].member_of;
  const file = join(artifactsDir, 'widget-export-large.json');
  const text = JSON.stringify(json);
  assert.ok(text.length > 2_100_000, `${text.length} bytes`);
  await writeFile(file, text);
  await page.reload();
  await page.waitForSelector('textarea');
  await page.setInputFiles('[data-role="open-result"]', file);
  await page.locator('[data-role="corpus-summary"]').waitFor({ timeout: 60_000 });
  await page.locator(`td[data-actor="${a[0]}"][data-document="${a[1]}"][data-edited="true"]`).waitFor();
  await page.locator(`td[data-actor="${b[0]}"][data-document="${b[1]}"][data-checked="true"]`).waitFor();
  assert.match(await page.locator('[data-role="loaded-result"]').textContent(), /كما صدّرتها هذه الأداة/);
  const order = await rowOrder(page);
  assert.equal(order[order.indexOf(body) + 1], member, 'the member under its body');
  assert.equal(await page.locator(`tr[data-actor-row="${member}"].member`).count(), 1);
  assert.deepEqual(errors, []);
  await context.close();
});
