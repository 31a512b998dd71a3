// Newsroom use: a read-only published view for readers, an embed code that
// resizes itself in a plain page, and hand coding (a statement added from a
// selection) that survives reload, export, share link and publishing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useBrowser, openWidget, screenshot, loadExamples, download, watchOrigins, artifactsDir } from './harness.mjs';

// Host pages, filled in by the tests (the server reads this object on every request).
const PAGES = {};
const env = useBrowser(PAGES);

// A statement the analyzer does not attribute to anyone: no speech verb, no holder.
const RUSSIA = 'الموقف الروسي بحسب مصادر دبلوماسية: على القوات الأمريكية مغادرة العراق فوراً.';
const ARTICLE4 = `خبر قصير عن موسكو\n\n${RUSSIA}\n`;

/** Counts every storage write a page makes: localStorage, sessionStorage, IndexedDB. */
const COUNT_WRITES = () => {
  window.__writes = [];
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    window.__writes.push(`storage:${key}`);
    return setItem.call(this, key, value);
  };
  const open = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function (name, version) {
    window.__writes.push(`indexedDB:${name}`);
    return open.call(this, name, version);
  };
};

/** Every control an editor uses; a reader's view holds none of them. */
const EDITING = [
  'textarea', '[data-role="article-text"]', '[data-role="set-stance"]', '[data-role="rename"]', '[data-role="merge-into"]',
  '[data-role="hide-actor"]', '[data-role="undo"]', '[data-role="reset-edits"]', '[data-role="show-actor"]',
  '[data-role="add-statement"]', '[data-role="delete-statement"]', '[data-role="delete-cell"]', '[data-role="cell-check"]',
  '[data-role="cell-note-input"]', '[data-role="save-session"]', '[data-role="open-session"]', '[data-role="share-link"]',
  '[data-role="embed-code"]', '[data-role="examples"]', '[data-role="clear-all"]', '[data-role="publish"]', '[data-role="add-actor"]',
  '[data-role="export-csv"]', '[data-role="corrections"]',
];

async function editingControls(frame) {
  const found = [];
  for (const selector of EDITING) if ((await frame.locator(selector).count()) > 0) found.push(selector);
  return found;
}

/** Selects `text` in article `index` and codes it as a statement of a new actor. */
async function codeStatement(page, index, text, name, stance) {
  const area = page.locator('[data-role="article-text"]').nth(index);
  await area.evaluate((el, t) => {
    const at = el.value.indexOf(t);
    el.focus();
    el.setSelectionRange(at, at + t.length);
  }, text);
  await page.locator('[data-role="add-statement"]').nth(index).click();
  const form = page.locator('[data-role="statement-form"]');
  await form.waitFor();
  assert.equal(await form.locator('[data-role="statement-text"]').textContent(), text, 'the selection is the evidence');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.role), 'statement-actor', 'the form takes the focus');
  await form.locator('[data-role="statement-actor"]').selectOption('+new');
  await form.locator('[data-role="statement-new-actor"]').fill(name);
  await form.locator('[data-role="statement-kind"]').selectOption('state');
  await form.locator('[data-role="statement-stance"]').selectOption(stance);
  await form.locator('[data-role="statement-note"]').fill('رمّزه المحرر يدوياً');
  await form.locator('[data-role="save-statement"]').click();
  await form.waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.role), 'add-statement', 'the focus goes back to the button');
}

/** An editor's session: the examples, a fourth article, a statement coded by hand, a checked cell, publishing settings. */
async function editorSession(page) {
  await loadExamples(page);
  await page.click('[data-role="add-article"]');
  await page.locator('[data-role="article-text"]').nth(3).fill(ARTICLE4);
  await page.locator('[data-stance][data-document="a3"]').first().waitFor();
  await codeStatement(page, 3, RUSSIA, 'روسيا الاتحادية', 'for');
  const cell = page.locator('[data-actor="hand-1"][data-document="a4"][data-stance="for"]');
  await cell.waitFor();
  await cell.click();
  await page.locator('[data-role="cell-check"]').check();
  await page.locator('[data-actor="hand-1"][data-checked="true"]').waitFor();
  await page.locator('[data-role="publish"] summary').click();
  await page.fill('[data-role="pub-title"]', 'من يريد خروج القوات؟');
  await page.fill('[data-role="pub-description"]', 'مواقف الأطراف في أربعة مقالات، كما حللتها الأداة وراجعها المحرر.');
  await page.fill('[data-role="pub-credit"]', 'تحليل: غرفة الأخبار. المقالات: أمثلة توضيحية.');
  await page.locator('[data-role="pub-url"]').nth(3).fill('https://news.example/moscow');
  // Every field of the panel has a box (the panel re-made in place lost them: 0×0 inputs).
  const boxless = await page.evaluate(() =>
    [...document.querySelectorAll('[data-role="publish"] input, [data-role="publish"] textarea')].filter((el) => el.getClientRects().length === 0).map((el) => el.dataset.role),
  );
  assert.deepEqual(boxless, [], 'every publishing field is laid out');
  return cell;
}

test('a statement added from a selection survives reload, export and share link', async () => {
  const { context, page, errors } = await openWidget(env.browser, env.server.url, { permissions: ['clipboard-read', 'clipboard-write'] });
  const cell = await editorSession(page);
  await cell.click();
  const evidence = page.locator('[data-role="evidence"] blockquote');
  assert.equal(await evidence.first().textContent(), RUSSIA);
  assert.equal(await page.locator('[data-role="evidence"] [data-role="hand-coded"]').count(), 1);
  assert.match(await page.locator('[data-role="cell-note"]').textContent(), /رمّزه المحرر يدوياً/);
  await screenshot(page, 'newsroom-editor');

  // Reload: the statement, its actor, the note and the check are all kept.
  await page.waitForTimeout(400);
  await page.reload();
  await page.locator('[data-actor="hand-1"][data-document="a4"][data-stance="for"][data-checked="true"]').waitFor();

  // Export: the JSON and the CSV hold it.
  const json = JSON.parse((await download(page, '[data-role="export-json"]')).body.toString());
  const russia = json.actors.find((a) => a.id === 'hand-1');
  assert.equal(russia.name, 'روسيا الاتحادية');
  assert.equal(russia.kind, 'state');
  const coded = russia.cells.find((c) => c.document === 'a4');
  assert.equal(coded.stance, 'for');
  assert.equal(coded.hand_coded, true);
  assert.equal(coded.checked, true);
  assert.equal(coded.evidence[0].text, RUSSIA);
  assert.equal(coded.evidence[0].rule, 'hand');
  const text = await page.locator('[data-role="article-text"]').nth(3).inputValue();
  assert.equal([...text].slice(coded.evidence[0].start, coded.evidence[0].end).join(''), RUSSIA, 'offsets are code points of the article');
  const csv = (await download(page, '[data-role="export-csv"]')).body.toString();
  assert.ok(csv.split('\r\n').some((l) => l.startsWith('hand-1,روسيا الاتحادية,') && l.includes(',true,true,')), csv);

  // The PNG is publishable: twice the pixels, and room for title, legend, articles and credit.
  const png = (await download(page, '[data-role="export-png"]')).body;
  const [pngWidth, pngHeight] = [png.readUInt32BE(16), png.readUInt32BE(20)];
  assert.ok(pngWidth >= 2 * 760 && pngHeight >= 2 * 34 * (json.actors.length + 3 + 2 + 4), `${pngWidth}×${pngHeight}`);
  await writeFile(join(artifactsDir, 'newsroom-export.png'), png);

  // The JSON export opened as a result file shows its marks and says where it came from.
  const exported = join(artifactsDir, 'newsroom-export.json');
  await writeFile(exported, JSON.stringify(json));
  await page.setInputFiles('[data-role="open-result"]', exported);
  await page.locator('[data-role="loaded-result"]').waitFor();
  assert.match(await page.locator('[data-role="loaded-result"]').textContent(), /كما صدّرتها هذه الأداة/);
  await page.locator('[data-actor="hand-1"][data-document="a4"][data-checked="true"]').waitFor();
  await page.locator('[data-role="article-text"]').first().press('End');
  await page.locator('[data-role="article-text"]').first().type(' ');
  await page.locator('[data-role="loaded-result"]').waitFor({ state: 'detached' });

  // Share link: a fresh browser gets it all.
  await page.click('[data-role="share-link"]');
  await page.waitForFunction(() => document.querySelector('[data-role="notice"]')?.textContent.includes('نُسخ الرابط'));
  const link = await page.evaluate(() => navigator.clipboard.readText());
  const other = await env.browser.newContext();
  const fresh = await other.newPage();
  await fresh.goto(link);
  await fresh.locator('[data-actor="hand-1"][data-document="a4"][data-stance="for"][data-checked="true"]').click();
  assert.equal(await fresh.locator('[data-role="evidence"] blockquote').first().textContent(), RUSSIA);

  // Deleting the statement takes the cell away, and undoing is a click on the check box away from nothing.
  await fresh.locator('[data-role="delete-statement"]').click();
  await fresh.locator('[data-actor="hand-1"][data-document="a4"]').waitFor({ state: 'detached' });
  await other.close();
  assert.deepEqual(errors, []);
  await context.close();
});

test('the published view shows the matrix, evidence and credit, has no editing control and writes no storage', async () => {
  const { context, page, errors } = await openWidget(env.browser, env.server.url, { permissions: ['clipboard-read', 'clipboard-write'] });
  await editorSession(page);
  await page.click('[data-role="copy-published-link"]');
  await page.waitForFunction(() => document.querySelector('[data-role="notice"]')?.textContent.includes('للقراءة فقط'));
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(link, /\?view=published#p=[A-Za-z0-9_-]+$/);

  const readers = await env.browser.newContext({ locale: 'ar' });
  await readers.addInitScript(COUNT_WRITES);
  const reader = await readers.newPage();
  const readerErrors = [];
  reader.on('pageerror', (e) => readerErrors.push(String(e)));
  const foreign = watchOrigins(reader, env.server.url);
  await reader.goto(link);
  const cell = reader.locator('[data-actor="hand-1"][data-document="a4"][data-stance="for"][data-checked="true"]');
  await cell.waitFor();
  assert.equal(await reader.locator('[data-role="title"]').textContent(), 'من يريد خروج القوات؟');
  assert.match(await reader.locator('[data-role="description"]').textContent(), /أربعة مقالات/);
  assert.match(await reader.locator('[data-role="credit"]').textContent(), /غرفة الأخبار/);
  assert.match(await reader.locator('[data-role="automatic-notice"]').textContent(), /آلي/);
  assert.deepEqual(await editingControls(reader), [], 'no editing control');
  // Evidence on click, with the link to the original; no full texts were published.
  await cell.click();
  assert.equal(await reader.locator('[data-role="evidence"] blockquote').first().textContent(), RUSSIA);
  assert.equal(await reader.locator('[data-role="original-link"]').getAttribute('href'), 'https://news.example/moscow');
  assert.equal(await reader.locator('[data-role="open-in-article"]').count(), 0, 'evidence sentences only');
  assert.match(await reader.locator('[data-role="cell-note"]').textContent(), /رمّزه المحرر يدوياً/);
  assert.equal(await reader.locator('[data-role="sources"] li').count(), 4);
  // Reading, sorting, switching the language: still nothing written.
  await reader.selectOption('[data-role="sort"]', 'name');
  await reader.click('[data-role="language"]');
  await reader.waitForTimeout(500);
  assert.deepEqual(await reader.evaluate(() => window.__writes), [], 'no storage write at all');
  assert.equal(await reader.evaluate(() => localStorage.length), 0);
  assert.ok(link.includes('#p='), 'the snapshot stays in the address, so a reader can reload');
  await reader.reload();
  await cell.waitFor();
  await screenshot(reader, 'newsroom-published');
  assert.deepEqual(foreign, []);
  assert.deepEqual(readerErrors, []);

  // With full texts chosen, "show in the article" opens the article at the span.
  await page.locator('[data-role="pub-full-texts"]').check();
  await page.click('[data-role="copy-published-link"]');
  await page.waitForTimeout(300);
  const full = await page.evaluate(() => navigator.clipboard.readText());
  assert.notEqual(full, link);
  await reader.goto(full);
  await cell.click();
  await reader.locator('[data-role="open-in-article"]').click();
  assert.equal(await reader.locator('[data-role="reader-span"]').textContent(), RUSSIA);
  assert.deepEqual(await editingControls(reader), []);
  await readers.close();
  assert.deepEqual(errors, []);
  await context.close();
});

test('the embed code pasted into a plain page on another origin resizes to the whole matrix', async () => {
  const { context, page, errors } = await openWidget(env.browser, env.server.url, { permissions: ['clipboard-read', 'clipboard-write'] });
  const host = env.server.url.replace('127.0.0.1', 'localhost');
  await editorSession(page);
  await page.fill('[data-role="pub-origin"]', host);
  await page.click('[data-role="embed-code"]');
  await page.waitForFunction(() => document.querySelector('[data-role="notice"]')?.textContent.includes('كود التضمين'));
  const code = await page.evaluate(() => navigator.clipboard.readText());
  const origin = host.replace(/\/$/, '');
  assert.ok(code.includes(`&amp;origin=${encodeURIComponent(origin)}`), code);
  assert.match(code, /<script src="http:\/\/127\.0\.0\.1:\d+\/embed\.js" async><\/script>$/);
  PAGES['/plain.html'] = `<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>خبر</title></head>
<body><h1>مقال في موقع الصحيفة</h1><p>قبل المصفوفة.</p>${code}<p id="after">بعد المصفوفة.</p></body></html>`;
  PAGES['/bare.html'] = PAGES['/plain.html'].replace(/<script[^>]*><\/script>/, '');

  // Tall enough that the screenshot paints the whole cross-origin frame.
  const readers = await env.browser.newContext({ viewport: { width: 1000, height: 1700 } });
  await readers.addInitScript(COUNT_WRITES);
  const cms = await readers.newPage();
  await cms.goto(`${host}plain.html`);
  const frame = cms.frameLocator('iframe[data-stance-matrix]');
  await frame.locator('[data-actor="hand-1"][data-document="a4"]').waitFor();
  // The frame grows to its content: no inner scroll box, the last row inside the frame.
  await cms.waitForFunction(() => {
    const f = document.querySelector('iframe[data-stance-matrix]');
    const doc = f.contentDocument;
    return doc === null && f.getBoundingClientRect().height > 900;
  }, null, { timeout: 10000 });
  const sizes = await cms.evaluate(() => document.querySelector('iframe[data-stance-matrix]').getBoundingClientRect().height);
  const inner = await frame.locator('html').evaluate((el) => ({ scroll: el.scrollHeight, client: el.clientHeight, table: el.querySelector('table').getBoundingClientRect().bottom }));
  assert.ok(inner.scroll <= inner.client + 1, `no inner scrolling: ${JSON.stringify(inner)}`);
  assert.ok(inner.table <= sizes, `the whole matrix is inside the frame (${inner.table} ≤ ${sizes})`);
  assert.deepEqual(await editingControls(frame), [], 'the embed is the published view');
  assert.deepEqual(await cms.evaluate(() => window.__writes), []);
  await screenshot(cms, 'newsroom-embed');

  // Without the loader the frame keeps its 600 px and scrolls inside: the loader is what resizes it.
  const bare = await readers.newPage();
  await bare.goto(`${host}bare.html`);
  await bare.frameLocator('iframe').locator('[data-actor="hand-1"]').first().waitFor();
  await bare.waitForTimeout(500);
  assert.equal(await bare.evaluate(() => document.querySelector('iframe').getBoundingClientRect().height), 600);
  await readers.close();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a host re-sending the articles with the editor\'s corrections keeps them', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  PAGES['/host-edits.html'] = `<!DOCTYPE html><html><body><iframe id="widget" style="inline-size:900px;border:0" height="400"></iframe></body></html>`;
  await page.goto(`${env.server.url}host-edits.html`);
  await page.evaluate((src) => (document.getElementById('widget').src = src), `${env.server.url}?embed=1`);
  const frame = page.frameLocator('#widget');
  await frame.locator('[data-role="stance-matrix"], [data-role="empty"]').first().waitFor();
  const articles = [{ title: 'خبر', text: 'وطالب البرلمان العراقي بانسحاب القوات الأمريكية من البلاد.' }];
  const edits = { stances: [{ actor: 'iraq-parliament', document: 'a1', stance: 'against' }], checked: [{ actor: 'iraq-parliament', document: 'a1' }] };
  await page.evaluate(([a, e]) => document.getElementById('widget').contentWindow.postMessage({ type: 'stance-matrix:articles', articles: a, edits: e }, '*'), [articles, edits]);
  await frame.locator('[data-actor="iraq-parliament"][data-stance="against"][data-edited="true"][data-checked="true"]').waitFor();
  await context.close();
});

test('small faults: a skip link first, exports wait for a row, an empty article name reads right to left, the notice is there', async () => {
  const { context, page, errors } = await openWidget(env.browser, env.server.url);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip-link', 'the first tab stop skips to the matrix');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'results-title');
  for (const role of ['export-csv', 'export-json', 'export-png', 'copy-table']) {
    assert.equal(await page.locator(`[data-role="${role}"]`).isDisabled(), true, `${role} waits for a row`);
  }
  assert.equal(await page.locator('[data-role="article-name"]').getAttribute('dir'), 'rtl', 'the Arabic placeholder is not clipped');
  assert.match(await page.locator('[data-role="automatic-notice"]').textContent(), /التحليل آلي/);
  await loadExamples(page);
  assert.equal(await page.locator('[data-role="export-csv"]').isDisabled(), false);
  await page.click('[data-role="language"]');
  assert.match(await page.locator('[data-role="automatic-notice"]').textContent(), /automatic/);
  assert.equal(await page.locator('[data-role="article-name"]').first().getAttribute('dir'), 'ltr');
  assert.deepEqual(errors, []);
  await context.close();
});
