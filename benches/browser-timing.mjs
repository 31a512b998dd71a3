// Browser timings of the built widget (dist/), in headless Chromium:
//   node benches/browser-timing.mjs
// Reports time to interactive, the time to analyze the five seed articles in
// WebAssembly, and the longest main-thread task while typing into a 1 MB
// document (measured with the Long Tasks API and an event-loop probe).
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { serveDist, launchBrowser, pasteText, seedsDir } from '../tests/e2e/harness.mjs';

const server = await serveDist();
const browser = await launchBrowser();
try {
  const context = await browser.newContext({ locale: 'ar' });
  const page = await context.newPage();

  // Time to interactive: navigation until the editor takes input and the
  // wasm module is running.
  const start = Date.now();
  await page.goto(server.url);
  await page.waitForFunction(() => window.wasmBindings && document.querySelector('textarea'));
  const tti = await page.evaluate(() => performance.now());
  console.log(`time to interactive: ${tti.toFixed(0)} ms (wall ${Date.now() - start} ms)`);

  // The five seeds through the JS API, median of 7 runs.
  const files = (await readdir(seedsDir)).filter((f) => f.endsWith('.txt')).sort();
  const docs = await Promise.all(files.map(async (f) => ({ id: f, text: await readFile(join(seedsDir, f), 'utf8') })));
  const times = await page.evaluate((docs) => {
    const out = [];
    for (let i = 0; i < 7; i++) {
      const t = performance.now();
      window.wasmBindings.analyze(docs);
      out.push(performance.now() - t);
    }
    return out.sort((a, b) => a - b);
  }, docs);
  console.log(`five seeds in wasm: ${times[3].toFixed(1)} ms median (min ${times[0].toFixed(1)}, max ${times[6].toFixed(1)})`);

  // Typing into a 1 MB document.
  const paragraph = docs.map((d) => d.text).join('\n');
  // 1 MB of UTF-8 (Arabic letters take two bytes each).
  let big = paragraph.repeat(Math.ceil(1_000_000 / Buffer.byteLength(paragraph)) + 1);
  while (Buffer.byteLength(big) > 1_000_000) big = big.slice(0, big.length - 1000);
  await pasteText(page, big);
  await page.waitForSelector('[data-stance]', { timeout: 120_000 });
  await page.evaluate(() => {
    window.__longest = 0;
    window.__gap = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
    }).observe({ type: 'longtask' });
    let last = performance.now();
    const tick = () => {
      const now = performance.now();
      window.__gap = Math.max(window.__gap, now - last);
      last = now;
      window.__probe = setTimeout(tick, 5);
    };
    tick();
  });
  await page.focus('textarea');
  await page.keyboard.press('End');
  const typed = 'وقال مسؤول إن الانسحاب قريب';
  for (const ch of typed) {
    await page.keyboard.type(ch);
    await page.waitForTimeout(40);
  }
  await page.waitForTimeout(2500); // let the last analysis come back
  const { longest, gap } = await page.evaluate(() => {
    clearTimeout(window.__probe);
    return { longest: window.__longest, gap: window.__gap };
  });
  console.log(`typing ${typed.length} characters into 1 MB: longest main-thread task ${longest ? longest.toFixed(0) + ' ms' : 'under 50 ms (no long task)'}, longest event-loop gap ${gap.toFixed(0)} ms`);
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
