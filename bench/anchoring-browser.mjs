// The anchoring benchmark in headless Chromium (wasm), with the npm package approx-string-match
// (the matcher Hypothesis uses) timed in the same page on the same inputs:
// a generated 200,000-character article with 1,000 annotations.
// Run: bench/build-wasm-bench.sh && node bench/anchoring-browser.mjs [runs]
import { writeFile } from 'node:fs/promises';
import { startServer, launchBrowser } from '../tests/e2e/support.mjs';

const runs = Number(process.argv[2] ?? 5);
const server = await startServer('target/bench-web');
const browser = await launchBrowser();
const context = await browser.newContext();
const page = await context.newPage();
await page.goto(`${server.url}/`);
await page.waitForFunction(() => window.benchReady);
const results = await page.evaluate((runs) => window.runBenchmark(runs), runs);

const show = (name, measured) => console.log(`${name}: median ${measured.median.toFixed(1)} ms (samples ${measured.samples.map((s) => s.toFixed(1)).join(', ')}) -> ${measured.result}`);
console.log(`article: ${results.articleLength} characters, ${results.annotations} annotations, ${runs} runs each`);
show('re-anchor, nothing changed (wasm)', results.reanchorUnchanged);
show('re-anchor, every quote approximate (wasm)', results.reanchorCorrected);
show('Myers over the whole text for every quote (wasm)', results.myersWholeText);
show('approx-string-match over the whole text for every quote (JS)', results.approxStringMatchWholeText);
console.log(`ratio approx-string-match / Myers, like for like: ${(results.approxStringMatchWholeText.median / results.myersWholeText.median).toFixed(2)}`);
console.log(`ratio approx-string-match / our full re-anchoring: ${(results.approxStringMatchWholeText.median / results.reanchorCorrected.median).toFixed(2)}`);

// Adding one highlight in the real widget while 1,000 are shown, against the same with none.
await writeFile(new URL('../target/bench-web/widget/bench-article.txt', import.meta.url), results.article);
async function timeAdding(storedValue, articleId) {
  const widgetPage = await context.newPage();
  await widgetPage.goto(`${server.url}/widget/`);
  await widgetPage.evaluate(({ key, value }) => { localStorage.clear(); if (value) localStorage.setItem(key, value); }, { key: `claim-annotator:annotations:id-${articleId}`, value: storedValue });
  await widgetPage.goto(`${server.url}/widget/?article=bench-article.txt&id=${articleId}`);
  await widgetPage.waitForSelector('[data-ca-ready]', { timeout: 60000 });
  const shown = await widgetPage.locator('.ca-claim').count();
  const samples = [];
  for (let run = 0; run < runs; run += 1) {
    await widgetPage.evaluate((run) => {
      // The widget draws in its element's shadow root.
      const root = document.querySelector('claim-annotator').shadowRoot;
      const free = [...root.querySelectorAll('.ca-article span[data-ca-start]')].filter((node) => node.textContent.length > 40)[run * 7];
      getSelection().setBaseAndExtent(free.firstChild, 5, free.firstChild, 30);
      free.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    }, run);
    await widgetPage.waitForSelector('.ca-tag-picker');
    // Listeners first (awaited), then the key: the measurement cannot miss the change.
    await widgetPage.evaluate(() => {
      window.addSample = new Promise((resolve) => {
        const root = document.querySelector('claim-annotator').shadowRoot;
        const before = root.querySelectorAll('mark.ca-highlight').length;
        let started;
        document.addEventListener('keydown', () => { started = performance.now(); }, { capture: true, once: true });
        const observer = new MutationObserver(() => {
          if (root.querySelectorAll('mark.ca-highlight').length > before) {
            observer.disconnect();
            const domUpdated = performance.now() - started;
            requestAnimationFrame(() => setTimeout(() => resolve({ domUpdated, nextFrame: performance.now() - started }), 0));
          }
        });
        observer.observe(root.querySelector('.ca-article'), { subtree: true, childList: true, characterData: true, attributes: true });
      });
    });
    await widgetPage.keyboard.press('1');
    const sample = widgetPage.evaluate(() => window.addSample);
    samples.push(await sample);
  }
  await widgetPage.close();
  const median = (values) => { const sorted = [...values].sort((a, b) => a - b); const middle = sorted.length >> 1; return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2; };
  return { shown, domUpdated: median(samples.map((s) => s.domUpdated)), nextFrame: median(samples.map((s) => s.nextFrame)), samples };
}
const withThousand = await timeAdding(results.storedValue, 'bench');
const withNone = await timeAdding(null, 'bench-empty');
for (const [name, measured] of [['with 1,000 shown', withThousand], ['with none shown (baseline)', withNone]]) {
  console.log(`add one highlight ${name} (${measured.shown} in the panel before): median ${measured.domUpdated.toFixed(1)} ms to the DOM, ${measured.nextFrame.toFixed(1)} ms to the next frame (samples ${measured.samples.map((s) => s.domUpdated.toFixed(1)).join(', ')})`);
}
console.log(`ratio 1,000 shown / none shown (to the DOM): ${(withThousand.domUpdated / withNone.domUpdated).toFixed(2)}`);
await browser.close();
await server.close();
