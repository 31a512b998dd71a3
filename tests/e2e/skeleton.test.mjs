// The walking skeleton end to end: paste a seed article, see stance cells,
// open a cell's evidence, and call the JavaScript API.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openWidget, screenshot, seedText } from './harness.mjs';

const env = useBrowser();

test('pasting a seed article fills the matrix and a cell shows its evidence', async () => {
  const { context, page, errors } = await openWidget(env.browser, env.server.url);
  const article = await seedText('001_868e95aa441b7ad2.txt');
  await page.fill('textarea', article);

  const table = page.locator('table[data-role="stance-matrix"]');
  await table.waitFor();
  const cells = page.locator('[data-stance][data-actor][data-document]');
  await cells.first().waitFor();
  assert.ok((await cells.count()) >= 3, 'several actors get a cell');

  const positioned = page.locator('[data-stance="for"], [data-stance="against"], [data-stance="conditional"]');
  await positioned.first().click();
  const evidence = page.locator('[data-role="evidence"] blockquote');
  await evidence.first().waitFor();
  const quoted = await evidence.first().textContent();
  assert.ok(quoted && quoted.length > 10, 'the evidence shows a sentence');
  assert.ok(article.includes(quoted), 'the evidence is a verbatim slice of the article');

  await screenshot(page, 'skeleton-evidence');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the JavaScript API resolves to the stance-matrix/1 contract', async () => {
  const { context, page } = await openWidget(env.browser, env.server.url);
  await page.waitForFunction(() => window.wasmBindings && typeof window.wasmBindings.analyze === 'function');
  // A Promise: the engine runs in the analysis worker, not in the page's module.
  const result = await page.evaluate(() =>
    window.wasmBindings.analyze([{ id: 'x', text: 'وطالب البرلمان العراقي بانسحاب القوات الأمريكية من البلاد.' }]),
  );
  assert.equal(result.schema, 'stance-matrix/1');
  assert.equal(result.documents[0].id, 'x');
  const parliament = result.actors.find((a) => a.id === 'iraq-parliament');
  assert.equal(parliament.cells[0].stance, 'for');
  const message = await page.evaluate(() => {
    try {
      window.wasmBindings.analyze('not a list');
      return 'no error';
    } catch (e) {
      return String(e.message ?? e);
    }
  });
  assert.match(message, /analyze expects an array/);
  // Each article is checked before anything is posted; the caller's other
  // fields (here a function, which cannot be posted) stay behind.
  const messages = await page.evaluate(() =>
    [[{ id: 1, text: 'x' }], [null], [{ id: 'a' }]].map((docs) => {
      try {
        window.wasmBindings.analyze(docs);
        return 'no error';
      } catch (e) {
        return String(e.message ?? e);
      }
    }),
  );
  for (const m of messages) assert.match(m, /analyze expects an array.*item 0/);
  const extra = await page.evaluate(() =>
    window.wasmBindings.analyze([{ id: 'y', text: 'قال الوزير إن الانسحاب ضروري.', onSave() {} }]),
  );
  assert.equal(extra.documents[0].id, 'y');
  await context.close();
});

test('the page asks for nothing beyond its own files', async () => {
  const { context, page } = await openWidget(env.browser, env.server.url);
  const foreign = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(env.server.url) && !r.url().startsWith('data:')) foreign.push(r.url());
  });
  await page.fill('textarea', 'قال بايدن إن القوات باقية.');
  await page.locator('[data-stance]').first().waitFor();
  assert.deepEqual(foreign, []);
  await context.close();
});
