// A corpus analysed with the `stance` CLI opens in the widget.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useBrowser, openWidget, screenshot, seedPath } from './harness.mjs';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const env = useBrowser();

test('a result file written by the CLI opens in the matrix', async () => {
  const stance = join(root, 'target', 'release', 'stance');
  const json = execFileSync(stance, ['analyze', '--quiet', seedPath('001_868e95aa441b7ad2.txt', 0), seedPath('004_a0135c7d4c557503.txt', 1)]);
  const dir = await mkdtemp(join(tmpdir(), 'stance-result-'));
  const file = join(dir, 'corpus-result.json');
  await writeFile(file, json);
  const expected = JSON.parse(json.toString());

  const { context, page, errors } = await openWidget(env.browser, env.server.url);
  await page.setInputFiles('[data-role="open-result"]', file);
  await page.locator('[data-role="loaded-result"]').waitFor();
  const cells = page.locator('[data-role="stance-matrix"] [data-stance]');
  const expectedCells = expected.actors.reduce((n, a) => n + a.cells.length, 0);
  await page.waitForFunction((n) => document.querySelectorAll('[data-role="stance-matrix"] [data-stance]').length === n, expectedCells);
  assert.equal(await cells.count(), expectedCells);
  assert.equal(await page.locator('[data-role="stance-matrix"] thead th[scope="col"]').count(), expected.documents.length + 2);

  await page.locator('[data-stance="for"]').first().click();
  await page.locator('[data-role="evidence"] blockquote').first().waitFor();
  await screenshot(page, 'result-file');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a file that is not a result is refused with a message', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'stance-result-'));
  const file = join(dir, 'not-a-result.json');
  await writeFile(file, JSON.stringify({ hello: 'world' }));
  const { context, page } = await openWidget(env.browser, env.server.url);
  await page.setInputFiles('[data-role="open-result"]', file);
  const alert = page.locator('[role="alert"]');
  await alert.waitFor();
  assert.match(await alert.textContent(), /not-a-result\.json/);
  await context.close();
});
