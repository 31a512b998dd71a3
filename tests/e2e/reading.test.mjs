// Reading a large matrix: sticky header row and actor column when the table
// is wider and taller than its box, column headings from a title, outlet and
// date the editor sets, evidence beside the matrix with the focus kept where
// keyboard users are, the speaker and a "why" toggle, a filter of several
// stances, a legend that defines each label, and one card per actor on a phone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useBrowser, openWidget, screenshot, loadExamples } from './harness.mjs';

const env = useBrowser();

/** A small result file (read on the page): `documents` × `actors`, every actor in every document. */
async function resultFile(documents, actors) {
  const stances = ['for', 'against', 'conditional', 'none'];
  const matrix = {
    schema: 'stance-matrix/1',
    topic: 'withdrawal',
    documents: Array.from({ length: documents }, (_, d) => ({ id: `d${d}.txt`, title: `خبر ${d}`, chars: 100 })),
    actors: Array.from({ length: actors }, (_, a) => ({
      id: `a${a}`,
      name: `الطرف ${a}`,
      kind: 'person',
      aliases: [],
      overall: ['for', 'against', 'conditional', 'none', 'mixed'][a % 5],
      cells: Array.from({ length: documents }, (_, d) => {
        // The cells agree with the overall position (the page recomputes it from them).
        const stance = a % 5 === 4 ? stances[d % 2] : stances[[0, 1, 2, 3][a % 5]];
        return {
          document: `d${d}.txt`,
          stance,
          confidence: 0.7,
          evidence: stance === 'none' ? [] : [{ start: 0, end: 5, text: 'نص قصير', stance, cue: 'قصير', rule: 'speech-verb/demand' }],
        };
      }),
    })),
  };
  const dir = await mkdtemp(join(tmpdir(), 'stance-reading-'));
  const file = join(dir, 'wide.json');
  await writeFile(file, JSON.stringify(matrix));
  return file;
}

/** The box, the first visible row's actor cell and a header cell, measured after scrolling to the far corner. */
function stickyGeometry(page) {
  return page.evaluate(async () => {
    const box = document.querySelector('[data-role="matrix-scroll"]');
    const rtl = getComputedStyle(box).direction === 'rtl';
    box.scrollTop = box.scrollHeight;
    box.scrollLeft = rtl ? -box.scrollWidth : box.scrollWidth;
    await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
    const b = box.getBoundingClientRect();
    const row = [...box.querySelectorAll('tbody tr[data-actor-row]')].find((r) => r.getBoundingClientRect().bottom > b.top + 100);
    const actor = row.querySelector('th.actor').getBoundingClientRect();
    const head = [...box.querySelectorAll('thead th[data-document]')].pop().getBoundingClientRect();
    const corner = box.querySelector('thead th.actor-head').getBoundingClientRect();
    return {
      rtl,
      scrolled: [box.scrollTop, Math.abs(box.scrollLeft)],
      actorEdge: rtl ? b.right - actor.right : actor.left - b.left,
      headTop: head.top - b.top,
      cornerEdge: rtl ? b.right - corner.right : corner.left - b.left,
      cornerTop: corner.top - b.top,
    };
  });
}

test('the header row and the actor column stay put when a wide matrix is scrolled, right to left and left to right', async () => {
  const { context, page, errors } = await openWidget(env.browser, env.server.url, { viewport: { width: 1280, height: 800 } });
  await page.setInputFiles('[data-role="open-result"]', await resultFile(24, 60));
  await page.locator('[data-role="stance-matrix"] [data-stance]').first().waitFor();
  for (const lang of ['ar', 'en']) {
    const g = await stickyGeometry(page);
    assert.ok(g.scrolled[0] > 500 && g.scrolled[1] > 500, `scrolled ${g.scrolled} (${lang})`);
    for (const [what, px] of Object.entries({ actorEdge: g.actorEdge, headTop: g.headTop, cornerEdge: g.cornerEdge, cornerTop: g.cornerTop })) {
      assert.ok(Math.abs(px) <= 2, `${what} is ${px}px from the box's edge (${lang})`);
    }
    if (lang === 'ar') {
      assert.equal(g.rtl, true);
      await screenshot(page, 'sticky-rtl');
      await page.click('[data-role="language"]');
    }
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('column headings show the title, outlet and date the editor sets, and keep them', async () => {
  const { context, page, errors } = await openWidget(env.browser, env.server.url);
  await loadExamples(page);
  const card = page.locator('[data-role="article"]').first();
  await card.locator('[data-role="article-heading"] summary').click();
  await card.locator('[data-role="article-name"]').fill('بيان البرلمان');
  await card.locator('[data-role="article-outlet"]').fill('الصباح');
  await card.locator('[data-role="article-date"]').fill('2024-05-03');
  const head = page.locator('[data-role="stance-matrix"] thead th[data-document="a1"]');
  await page.waitForFunction(() => document.querySelector('thead th[data-document="a1"] [data-role="doc-outlet"]')?.textContent === 'الصباح');
  assert.equal(await head.locator('.doc-title').textContent(), 'بيان البرلمان');
  assert.equal(await head.locator('time').getAttribute('datetime'), '2024-05-03');
  await page.waitForTimeout(400);
  await page.reload();
  await page.waitForFunction(() => document.querySelector('thead th[data-document="a1"] [data-role="doc-outlet"]')?.textContent === 'الصباح');
  assert.equal(await page.locator('thead th[data-document="a1"] time').textContent(), '2024-05-03');
  assert.deepEqual(errors, []);
  await context.close();
});

test('evidence opens beside the matrix, names the speaker, hides the rule behind "why", and Escape gives the focus back to the cell', async () => {
  const { context, page, errors } = await openWidget(env.browser, env.server.url, { viewport: { width: 1400, height: 900 } });
  await loadExamples(page);
  const cell = page.locator('[data-row="0"][data-col="0"]');
  await cell.focus();
  const scrollY = await page.evaluate(() => window.scrollY);
  await page.keyboard.press('Enter');
  const panel = page.locator('[data-role="evidence"]');
  await panel.locator('blockquote').first().waitFor();
  // The focus stays on the cell; the page does not jump.
  assert.equal(await page.evaluate(() => [document.activeElement.dataset.row, document.activeElement.dataset.col].join()), '0,0');
  assert.equal(await page.evaluate(() => window.scrollY), scrollY);
  // Beside the matrix: side by side, level with it, both in view.
  const [box, aside] = await Promise.all([page.locator('[data-role="matrix-scroll"]').boundingBox(), panel.boundingBox()]);
  assert.ok(aside.x + aside.width <= box.x + 1, `the panel (${aside.x}…${aside.x + aside.width}) is to the left of the matrix (${box.x}…) in Arabic`);
  assert.ok(aside.y < box.y + box.height && aside.y + 50 < 900, 'level with the matrix, in view');
  // The speaker of each sentence, and the rule behind a closed toggle.
  const speaker = await panel.locator('[data-role="speaker"]').first().textContent();
  assert.match(speaker, /القائل: مجلس النواب العراقي/);
  const why = panel.locator('[data-role="why"]').first();
  assert.equal(await why.locator('code').isVisible(), false);
  await why.locator('summary').click();
  assert.match(await why.locator('code').textContent(), /^[a-z-]+\/[a-z-]+/);
  await screenshot(page, 'evidence-beside');
  // Arrow keys still move in the grid with the panel open, and the panel follows.
  await cell.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('[data-row="1"][data-col="0"]')?.getAttribute('aria-selected') === 'true' || document.querySelector('[data-row="1"][data-col="0"]')?.classList.contains('absent'));
  // Tab goes into the panel; Escape there closes it and returns to the cell.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => !!document.activeElement.closest('[data-role="evidence"]')), true, 'Tab enters the panel');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('[data-role="evidence"] blockquote'));
  await page.waitForFunction(() => document.activeElement?.dataset.row === '1' && document.activeElement?.dataset.col === '0');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the stance filter takes several values ("everything but none"), and the legend defines each label and "—"', async () => {
  const { context, page, errors } = await openWidget(env.browser, env.server.url);
  await page.setInputFiles('[data-role="open-result"]', await resultFile(3, 25));
  await page.locator('[data-role="stance-matrix"] [data-stance]').first().waitFor();
  const overalls = () => page.locator('tbody tr[data-actor-row] [data-overall]').evaluateAll((c) => c.map((x) => x.dataset.overall));
  assert.equal((await overalls()).length, 25);
  await page.click('[data-role="filter-not-none"]');
  await page.waitForFunction(() => document.querySelectorAll('tbody tr[data-actor-row]').length === 20);
  assert.ok(!(await overalls()).includes('none'));
  // Two values: for and against only.
  await page.uncheck('[data-filter="conditional"]');
  await page.uncheck('[data-filter="mixed"]');
  await page.waitForFunction(() => document.querySelectorAll('tbody tr[data-actor-row]').length === 10);
  assert.deepEqual([...new Set(await overalls())].sort(), ['against', 'for']);
  assert.equal(await page.isChecked('[data-filter="for"]'), true);
  assert.equal(await page.isChecked('[data-filter="none"]'), false);
  await page.click('[data-role="filter-everything"]');
  await page.waitForFunction(() => document.querySelectorAll('tbody tr[data-actor-row]').length === 25);
  // The legend: a definition for each of the five labels and for "—".
  const terms = await page.locator('[data-role="legend-definitions"] dt').evaluateAll((d) => d.map((x) => x.dataset.term));
  assert.deepEqual(terms, ['for', 'against', 'conditional', 'mixed', 'none', 'absent']);
  const defs = await page.locator('[data-role="legend-definitions"] dd').allTextContents();
  assert.ok(defs.every((d) => d.length > 10), defs.join(' | '));
  assert.deepEqual(errors, []);
  await context.close();
});

test('on a phone the matrix is one card per actor and the toolbar folds into a menu', async () => {
  const { context, page, errors } = await openWidget(env.browser, env.server.url, { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
  await loadExamples(page);
  const cards = page.locator('[data-role="actor-cards"] .actor-card');
  await cards.first().waitFor();
  assert.equal(await page.locator('[data-role="stance-matrix"]').count(), 0, 'no table');
  const shown = await page.locator('[data-role="rows-shown"]').textContent();
  assert.equal(String(await cards.count()), shown.match(/\d+/g)[1], shown);
  // Nothing wider than the phone.
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 375), 'no sideways scrolling');
  // The toolbar is a closed menu; opening it shows the exports.
  const menu = page.locator('[data-role="toolbar-menu"]');
  assert.equal(await menu.getAttribute('open'), null);
  assert.equal(await page.locator('[data-role="export-csv"]').isVisible(), false);
  await menu.locator('summary').click();
  assert.equal(await page.locator('[data-role="export-csv"]').isVisible(), true);
  await menu.locator('summary').click();
  // A card's article opens its evidence in a sheet at the bottom of the screen.
  const first = cards.first().locator('button[data-stance]').first();
  await first.click();
  const panel = page.locator('[data-role="evidence"]');
  await panel.locator('blockquote').first().waitFor();
  const sheet = await panel.boundingBox();
  assert.ok(Math.abs(sheet.y + sheet.height - 740) <= 2 && sheet.width >= 370, `the sheet is at ${JSON.stringify(sheet)}`);
  await screenshot(page, 'phone-cards');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('[data-role="evidence"] blockquote'));
  assert.deepEqual(errors, []);
  await context.close();
});
