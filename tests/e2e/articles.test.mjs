// Articles: several columns, names, files picked and dropped, examples,
// clearing with a confirmation and undo, and the session file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useBrowser, openWidget, screenshot, seedText, download, loadExamples } from './harness.mjs';

const env = useBrowser();

const PARLIAMENT = 'وطالب البرلمان العراقي بانسحاب القوات الأمريكية من البلاد.';
const PENTAGON = 'ورفضت وزارة الدفاع الأمريكية الانسحاب من العراق.';

const columnHeaders = (page) =>
  page.locator('table[data-role="stance-matrix"] thead th[data-document]').evaluateAll((ths) => ths.map((th) => th.textContent));

test('each article is a column that can be added, named and removed, with undo', async () => {
  const { context, page, errors } = await openWidget(env.browser, env.server.url);
  const areas = page.locator('[data-role="article-text"]');
  await areas.nth(0).fill(`عنوان أول\n${PARLIAMENT}`);
  await page.click('[data-role="add-article"]');
  await areas.nth(1).fill(`عنوان ثان\n6 نوفمبر 2020\n${PENTAGON}`);
  await page.locator('[data-stance][data-document="a2"]').first().waitFor();
  let headers = await columnHeaders(page);
  assert.equal(headers.length, 2);
  assert.match(headers[0], /المقال 1/);
  assert.match(headers[0], /عنوان أول/);
  assert.match(headers[1], /عنوان ثان/);
  assert.match(headers[1], /2020-11-06/, 'the date in the text heads its column');

  // A name given by hand replaces the first line.
  await page.locator('[data-role="article-name"]').nth(0).fill('تصويت البرلمان');
  await page.waitForFunction(() => document.querySelector('thead th[data-document="a1"]')?.textContent.includes('تصويت البرلمان'));

  // Removing an article can be undone, and its name and text come back.
  await page.locator('[data-role="remove-article"]').nth(0).click();
  await page.waitForFunction(() => document.querySelectorAll('thead th[data-document]').length === 1);
  assert.equal(await areas.count(), 1);
  await page.click('[data-role="undo"]');
  await page.waitForFunction(() => document.querySelectorAll('thead th[data-document]').length === 2);
  assert.equal(await page.locator('[data-role="article-name"]').nth(0).inputValue(), 'تصويت البرلمان');
  assert.match(await areas.nth(0).inputValue(), /البرلمان العراقي/);

  // Everything survives a reload.
  await page.waitForTimeout(400);
  await page.reload();
  await page.locator('[data-stance][data-document="a2"]').first().waitFor();
  headers = await columnHeaders(page);
  assert.match(headers[0], /تصويت البرلمان/);
  await screenshot(page, 'articles-columns');
  assert.deepEqual(errors, []);
  await context.close();
});

test('dropped and picked .txt files become articles; other files get a message', async () => {
  const { context, page, errors } = await openWidget(env.browser, env.server.url);
  const seed = await seedText('002_c8220c4b3ea33923.txt');
  // Drop two files, one of them not text.
  await page.evaluate(
    ([seedText, other]) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([seedText], 'seed.txt', { type: 'text/plain' }));
      transfer.items.add(new File([other], 'photo.png', { type: 'image/png' }));
      const target = document.querySelector('[data-role="articles"]');
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    },
    [seed, 'PNG'],
  );
  const notice = page.locator('[data-role="notice"]');
  await notice.waitFor();
  assert.match(await notice.textContent(), /photo\.png: ليس ملفاً نصياً/);
  await page.waitForFunction(() => document.querySelector('[data-role="article-text"]').value.length > 1000);
  // Pick a file through the file input: a second article.
  await page.setInputFiles('[data-role="pick-files"]', [{ name: 'note.txt', mimeType: 'text/plain', buffer: Buffer.from(PENTAGON) }]);
  await page.locator('[data-stance][data-document="a2"]').first().waitFor();
  assert.equal(await page.locator('[data-role="article-text"]').count(), 2);
  // A file in a legacy encoding (Windows-1256) is refused rather than garbled.
  await page.setInputFiles('[data-role="pick-files"]', [{ name: 'old.txt', mimeType: 'text/plain', buffer: Buffer.from([0xc7, 0xe1, 0xca, 0x20, 0xe4]) }]);
  await page.waitForFunction(() => document.querySelector('[data-role="notice"]')?.textContent.includes('old.txt'));
  assert.match(await page.locator('[data-role="notice"]').textContent(), /ليس نصاً بترميز UTF-8/);
  assert.equal(await page.locator('[data-role="article-text"]').count(), 2);
  // In English the message is English.
  await page.click('[data-role="language"]');
  await page.setInputFiles('[data-role="pick-files"]', [{ name: 'x.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF') }]);
  await page.waitForFunction(() => document.querySelector('[data-role="notice"]')?.textContent.includes('x.pdf: not a plain-text'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('the examples load in one click, and clearing asks first and can be undone', async () => {
  const { context, page, errors } = await openWidget(env.browser, env.server.url);
  await page.locator('[data-role="article-text"]').first().fill(PARLIAMENT);
  await page.locator('[data-stance]').first().waitFor();
  await loadExamples(page);
  assert.equal(await page.locator('[data-role="article-text"]').count(), 3);
  const first = await page.locator('[data-role="article-text"]').first().inputValue();
  assert.match(first.split('\n')[1], /مثال توضيحي/, 'each example says it is illustrative');
  for (const stance of ['for', 'against', 'conditional']) {
    assert.ok((await page.locator(`[data-stance="${stance}"]`).count()) > 0, `the examples give a ${stance} cell`);
  }
  // Loading the examples replaced a text: that can be undone.
  assert.match(await page.locator('[data-role="notice"]').textContent(), /استُبدلت/);

  // Clearing asks first; cancelling keeps everything.
  await page.click('[data-role="clear-all"]');
  await page.locator('[data-role="confirm-clear"]').waitFor();
  await page.waitForFunction(() => document.activeElement?.dataset.role === 'confirm-no', null, { timeout: 5000 });
  await page.keyboard.press('Enter');
  await page.locator('[data-role="confirm-clear"]').waitFor({ state: 'detached' });
  assert.equal(await page.locator('[data-role="article-text"]').count(), 3);
  await page.click('[data-role="clear-all"]');
  await page.click('[data-role="confirm-yes"]');
  await page.locator('[data-role="empty"]').waitFor();
  assert.equal(await page.locator('[data-role="article-text"]').count(), 1);
  await page.click('[data-role="undo"]');
  await page.locator('[data-stance="conditional"]').first().waitFor();
  assert.equal(await page.locator('[data-role="article-text"]').count(), 3);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a session saved to a file opens again; a refused file changes nothing', async () => {
  const { context, page, errors } = await openWidget(env.browser, env.server.url);
  await loadExamples(page);
  await page.locator('[data-role="article-name"]').nth(1).fill('خبراء');
  await page.locator('[data-stance="for"]').first().click();
  await page.selectOption('[data-role="set-stance"]', 'against');
  const { name, body } = await download(page, '[data-role="save-session"]');
  assert.equal(name, 'stance-session.json');
  const session = JSON.parse(body.toString('utf8'));
  assert.equal(session.schema, 'stance-session/1');
  assert.equal(session.articles.length, 3);
  assert.equal(session.articles[1].name, 'خبراء');
  assert.equal(session.edits.stances[0].stance, 'against');

  const dir = await mkdtemp(join(tmpdir(), 'stance-'));
  const file = join(dir, 'session.json');
  await writeFile(file, body);
  // A fresh page opens it whole.
  const fresh = await context.newPage();
  await fresh.goto(env.server.url);
  await fresh.evaluate(() => localStorage.clear());
  await fresh.reload();
  await fresh.waitForSelector('[data-role="article-text"]');
  await fresh.setInputFiles('[data-role="open-session"]', file);
  await fresh.locator('[data-edited="true"]').first().waitFor();
  assert.equal(await fresh.locator('[data-role="article-text"]').count(), 3);
  assert.equal(await fresh.locator('[data-role="article-name"]').nth(1).inputValue(), 'خبراء');

  // A result file or broken JSON is refused with a reason and changes nothing.
  const bad = join(dir, 'bad.json');
  await writeFile(bad, JSON.stringify({ schema: 'stance-matrix/1', documents: [], actors: [] }));
  await fresh.setInputFiles('[data-role="open-session"]', bad);
  await fresh.waitForFunction(() => document.querySelector('[data-role="notice"]')?.getAttribute('role') === 'alert');
  assert.match(await fresh.locator('[data-role="notice"]').textContent(), /لم تُفتح الجلسة.*stance-matrix\/1/);
  assert.equal(await fresh.locator('[data-role="article-text"]').count(), 3);
  assert.deepEqual(errors, []);
  await context.close();
});
