// The matrix: evidence and the article at its span, corrections that
// persist and reach every export, PNG and clipboard, search and filters,
// and keyboard navigation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openWidget, screenshot, download, loadExamples } from './harness.mjs';

const env = useBrowser();

test('a cell lists its evidence with the cue, and an item opens the article at the span', async () => {
  const { context, page, errors } = await openWidget(env.browser, env.server.url, { viewport: { width: 1200, height: 700 } });
  await loadExamples(page);
  const cell = page.locator('[data-stance="conditional"]').first();
  await cell.click();
  const cue = page.locator('[data-role="evidence"] blockquote mark[data-role="cue"]').first();
  await cue.waitFor();
  const quote = await page.locator('[data-role="evidence"] blockquote').first().textContent();
  assert.ok(quote.includes(await cue.textContent()), 'the cue is marked inside its sentence');

  await page.locator('[data-role="open-in-article"]').first().click();
  const span = page.locator('[data-role="reader-span"]');
  await span.waitFor();
  assert.equal(await span.textContent(), quote, 'the reader highlights exactly the evidence span');
  // The span is scrolled into view inside the reader (a timeout here fails the test).
  await page.waitForFunction(() => {
    const mark = document.querySelector('[data-role="reader-span"]');
    const box = mark.getBoundingClientRect();
    const panel = mark.closest('.reader-text').getBoundingClientRect();
    return box.top >= panel.top - 1 && box.bottom <= panel.bottom + 1 && box.top < window.innerHeight && box.bottom > 0;
  }, null, { timeout: 5000 });
  await screenshot(page, 'reader-highlight');
  // Escape closes the reader.
  await page.keyboard.press('Escape');
  await span.waitFor({ state: 'detached' });
  assert.deepEqual(errors, []);
  await context.close();
});

test('corrections mark their cells, survive a reload and go into CSV and JSON', async () => {
  const { context, page, errors } = await openWidget(env.browser, env.server.url);
  await loadExamples(page);
  // Change a stance.
  const pentagon = page.locator('[data-actor="us-pentagon"]').first();
  await pentagon.click();
  await page.selectOption('[data-role="set-stance"]', 'conditional');
  await page.locator('[data-actor="us-pentagon"][data-edited="true"][data-stance="conditional"]').waitFor();
  assert.match(await pentagon.getAttribute('aria-label'), /مُصحَّح/);
  // Rename.
  const iran = page.locator('[data-actor="iran"]').first();
  await iran.click();
  await page.fill('[data-role="rename"]', 'الجمهورية الإسلامية');
  await page.press('[data-role="rename"]', 'Enter');
  await page.locator('tr[data-actor-row="iran"] .actor-name', { hasText: 'الجمهورية الإسلامية' }).waitFor();
  // Merge the two rows of the prime minister.
  const pmRows = await page.locator('tr[data-actor-row]').evaluateAll((rows) =>
    rows.filter((r) => r.querySelector('.actor-name').textContent.startsWith('رئيس الوزراء')).map((r) => r.dataset.actorRow),
  );
  assert.equal(pmRows.length, 2, 'the examples name one prime minister two ways');
  await page.locator(`[data-actor="${pmRows[1]}"]`).first().click();
  await page.selectOption('[data-role="merge-into"]', pmRows[0]);
  await page.click('[data-role="corrections"] form:has([data-role="merge-into"]) button');
  await page.waitForFunction((id) => !document.querySelector(`tr[data-actor-row="${id}"]`), pmRows[1]);
  assert.equal(await page.locator(`tr[data-actor-row="${pmRows[0]}"] [data-stance]`).count(), 2, 'the merged row has both cells');
  // Hide.
  await page.locator('[data-actor="us-government"]').first().click();
  await page.click('[data-role="hide-actor"]');
  await page.waitForFunction(() => !document.querySelector('tr[data-actor-row="us-government"]'));
  assert.equal(await page.locator('[data-role="show-actor"]').count(), 1);

  // All of it survives a reload.
  await page.waitForTimeout(400);
  await page.reload();
  await page.locator('[data-actor="us-pentagon"][data-edited="true"]').waitFor();
  assert.equal(await page.locator('tr[data-actor-row="us-government"]').count(), 0);
  assert.equal(await page.locator(`tr[data-actor-row="${pmRows[1]}"]`).count(), 0);
  assert.match(await page.locator('tr[data-actor-row="iran"] .actor-name').textContent(), /الجمهورية الإسلامية/);

  // CSV: one line per cell, the edit marked, hidden rows left out.
  const csv = (await download(page, '[data-role="export-csv"]')).body.toString('utf8');
  assert.ok(csv.startsWith('\ufeffactor_id,actor,'), 'a BOM and a header');
  const pentagonLine = csv.split('\r\n').find((l) => l.startsWith('us-pentagon,'));
  assert.match(pentagonLine, /,conditional,true,1\.00,conditional,/);
  assert.ok(!csv.includes('\nus-government,'), 'hidden rows are not exported');
  assert.ok(csv.includes('iran,الجمهورية الإسلامية,'));
  // JSON: the contract, with the edits applied and listed.
  const json = JSON.parse((await download(page, '[data-role="export-json"]')).body.toString('utf8'));
  assert.equal(json.schema, 'stance-matrix/1');
  assert.equal(json.edited, true);
  const p = json.actors.find((a) => a.id === 'us-pentagon');
  assert.equal(p.cells[0].stance, 'conditional');
  assert.equal(p.cells[0].edited, true);
  assert.equal(json.edits.merges[pmRows[1]], pmRows[0]);
  assert.ok(json.edits.hidden.includes('us-government'));

  // Showing a hidden row again brings it back; separating a merged row too.
  await page.click('[data-role="show-actor"]');
  await page.locator('tr[data-actor-row="us-government"]').waitFor();
  assert.match(await page.locator('[data-role="edits-summary"] li:has([data-role="unmerge"])').textContent(), /رئيس الوزراء.*→.*رئيس الوزراء/);
  await page.click('[data-role="unmerge"]');
  await page.locator(`tr[data-actor-row="${pmRows[1]}"]`).waitFor();
  // Every correction can be dropped at once, and that too can be undone.
  await page.click('[data-role="reset-edits"]');
  await page.waitForFunction(() => !document.querySelector('[data-edited="true"]'));
  await page.click('[data-role="undo"]');
  await page.locator('[data-actor="us-pentagon"][data-edited="true"]').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('PNG export and copy as a table', async () => {
  const { context, page, errors } = await openWidget(env.browser, env.server.url, { permissions: ['clipboard-read', 'clipboard-write'] });
  await loadExamples(page);
  const png = await download(page, '[data-role="export-png"]');
  assert.equal(png.name, 'stance-matrix.png');
  assert.deepEqual([...png.body.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG file');
  assert.ok(png.body.length > 5000, 'the picture is not empty');
  const { writeFile, mkdir } = await import('node:fs/promises');
  await mkdir(new URL('../artifacts/', import.meta.url), { recursive: true });
  await writeFile(new URL('../artifacts/export.png', import.meta.url), png.body);

  await page.click('[data-role="copy-table"]');
  await page.waitForFunction(() => document.querySelector('[data-role="notice"]')?.textContent.includes('نُسخ الجدول'));
  const clip = await page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    return { html: await (await item.getType('text/html')).text(), text: await (await item.getType('text/plain')).text() };
  });
  assert.match(clip.html, /<table dir="rtl"/);
  assert.match(clip.html, /<th scope="row">مجلس النواب العراقي<\/th>/);
  const lines = clip.text.split('\n');
  assert.equal(lines[0].split('\t')[0], 'الطرف');
  assert.ok(lines.some((l) => l.startsWith('مجلس النواب العراقي\tمع الانسحاب')));
  assert.deepEqual(errors, []);
  await context.close();
});

test('search, filters, sorting, grouping and counts', async () => {
  const { context, page, errors } = await openWidget(env.browser, env.server.url);
  await loadExamples(page);
  const rows = () => page.locator('tbody tr[data-actor-row]').evaluateAll((r) => r.map((x) => x.dataset.actorRow));
  const all = await rows();
  // Counts: one per overall position, adding up to the rows.
  const counts = await page.locator('[data-role="legend"] [data-count] .count').allTextContents();
  assert.equal(counts.map(Number).reduce((a, b) => a + b, 0), all.length);
  // Search by Arabic name (any spelling) and English name; focus stays in the box.
  await page.fill('[data-role="search"]', 'النواب العراقى');
  await page.waitForFunction(() => document.querySelectorAll('tbody tr[data-actor-row]').length === 1);
  assert.deepEqual(await rows(), ['iraq-parliament']);
  assert.equal(await page.evaluate(() => document.activeElement.dataset.role), 'search');
  await page.fill('[data-role="search"]', 'pentagon');
  await page.waitForFunction(() => document.querySelector('tbody tr[data-actor-row]')?.dataset.actorRow === 'us-pentagon');
  await page.fill('[data-role="search"]', 'zzzz');
  await page.locator('[data-role="no-match"]').waitFor();
  await page.fill('[data-role="search"]', '');
  // Filter by stance: only "against" checked.
  await page.click('[data-role="filter-not-none"]');
  for (const key of ['for', 'conditional', 'mixed']) await page.uncheck(`[data-role="stance-filter"] [data-filter="${key}"]`);
  await page.waitForFunction(() => [...document.querySelectorAll('tbody tr[data-actor-row] [data-overall]')].every((c) => c.dataset.overall === 'against'));
  const against = await rows();
  assert.ok(against.length >= 2 && against.length < all.length);
  await page.click('[data-role="filter-everything"]');
  await page.waitForFunction((n) => document.querySelectorAll('tbody tr[data-actor-row]').length === n, all.length);
  // Sort by stance: for first, none last.
  await page.selectOption('[data-role="sort"]', 'stance');
  const rank = ['for', 'against', 'conditional', 'mixed', 'none'];
  await page.waitForFunction((rank) => {
    const order = [...document.querySelectorAll('tbody tr[data-actor-row] [data-overall]')].map((x) => rank.indexOf(x.dataset.overall));
    return order.length > 0 && order.every((r, i) => i === 0 || order[i - 1] <= r);
  }, rank);
  const order = await page.locator('tbody tr[data-actor-row] [data-overall]').evaluateAll((c) => c.map((x) => x.dataset.overall));
  assert.deepEqual(order, [...order].sort((a, b) => rank.indexOf(a) - rank.indexOf(b)));
  // Group by kind: one heading per kind.
  await page.check('[data-role="group-by-kind"]');
  await page.locator('[data-role="group"]').first().waitFor();
  const groups = await page.locator('[data-role="group"]').allTextContents();
  assert.ok(groups.includes('أشخاص') && groups.includes('دول'), groups.join());
  await screenshot(page, 'matrix-grouped');
  assert.deepEqual(errors, []);
  await context.close();
});

test('arrow keys move between cells and Enter opens the evidence', async () => {
  const { context, page, errors } = await openWidget(env.browser, env.server.url);
  await loadExamples(page);
  // One tab stop for the whole grid.
  assert.equal(await page.locator('table[data-role="stance-matrix"] [tabindex="0"]').count(), 1);
  await page.locator('[data-row="0"][data-col="0"]').focus();
  const at = () => page.evaluate(() => [document.activeElement.dataset.row, document.activeElement.dataset.col].join(','));
  // Right to left: ArrowLeft goes to the next article.
  await page.keyboard.press('ArrowLeft');
  assert.equal(await at(), '0,1');
  await page.keyboard.press('ArrowDown');
  assert.equal(await at(), '1,1');
  await page.keyboard.press('End');
  assert.equal(await at(), '1,2');
  await page.keyboard.press('Home');
  assert.equal(await at(), '1,0');
  await page.keyboard.press('ArrowRight');
  assert.equal(await at(), '1,0', 'no move past the first article');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await page.locator('[data-role="evidence"] blockquote').first().waitFor();
  assert.equal(await page.locator('[data-row="0"][data-col="0"]').getAttribute('aria-selected'), 'true');
  assert.match(await page.locator('[data-row="0"][data-col="0"]').getAttribute('aria-label'), /^مجلس النواب العراقي: مع الانسحاب — المقال 1$/);
  // In English (left to right) ArrowRight goes forward.
  await page.click('[data-role="language"]');
  await page.locator('[data-row="0"][data-col="0"]').focus();
  await page.keyboard.press('ArrowRight');
  assert.equal(await at(), '0,1');
  assert.deepEqual(errors, []);
  await context.close();
});
