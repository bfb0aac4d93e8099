// Draws the library's app icons (static/icons/library-192.png and library-512.png) from
// static/icons/library.svg in headless Chromium. The PNGs are square and full-bleed (no rounded
// corners), with the drawing inside the central 80 %, so they serve as maskable icons too.
// Run: node scripts/make-icons.mjs (the PNGs are committed; run again after changing the SVG).
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser } from '../tests/e2e/support.mjs';

const svg = (await readFile(new URL('../static/icons/library.svg', import.meta.url), 'utf8')).replace(' rx="96"', '');
const browser = await launchBrowser();
for (const size of [192, 512]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  // The icon opened as an SVG document of the icon's size (no page around it to style).
  const file = join(await mkdtemp(join(tmpdir(), 'claim-annotator-icon-')), 'icon.svg');
  await writeFile(file, svg.replace('<svg ', `<svg width="${size}" height="${size}" `));
  await page.goto(`file://${file}`);
  await page.screenshot({ path: new URL(`../static/icons/library-${size}.png`, import.meta.url).pathname });
  await page.close();
}
await browser.close();
