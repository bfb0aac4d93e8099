// How long adding, retagging and deleting one claim takes with 1,000 claims shown, against the
// same actions with none shown, in one run of headless Chromium. The article is the seed's
// paragraphs ten times over (about 40,000 characters), so 1,000 claims of a few words each
// lie side by side without overlapping. The claims are written to localStorage in the stored
// format, copied from one the widget itself saved, and the page is reloaded.
//
// Each action is timed inside the page from just before the click that makes it to the next
// frame: a requestAnimationFrame callback, then a message posted from it (which runs after that
// frame's style, layout and paint). "work" is the click's own task and the microtasks where Yew
// renders, up to a message posted right after the click (so without the wait for the frame).
// "list" goes on to after the frame that shows the change in the panel's list, which follows
// the article's frame (`ui::claims_panel`).
// N runs of each action (default 7), medians.
// Then the article corrected: opened again under the same id with a sentence added before
// every claim and a letter changed in one claim of every hundred (CHANGE_EVERY=n: one in n),
// timed until every claim is drawn, then reloaded (measureReanchoring). DEBUG_REANCHOR=1 shows
// each changed claim that is not at its own, moved place (there should be none).
// Run: scripts/build.sh && node bench/many-claims.mjs [runs]
// CLAIMS=n claims instead of 1,000, REPEAT=n copies of the paragraphs instead of 10 (250 make
// about 1 MB). To see where the time goes: PROFILE=1 (V8's sampling profiler over
// the timed clicks, self time by function, then inclusive time of the widget's and Yew's;
// build with names kept for wasm frames), TRACE=1
// (Chromium trace event totals per click; TRACE=tasks adds each task, TRACE=forced each style or
// layout update a script forced, with its calls), MUTATIONS=1 (the DOM changes each click made),
// NOTES=n (type the note n times over, for more saves), SAVES=1 (each save's task while typing, and the time in the calls it makes: Storage, the
// text encoder and decoder that copy strings into and out of the wasm, dispatchEvent).
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { startServer, launchBrowser, deepQueryScript, dragOver } from '../tests/e2e/support.mjs';

const runs = Number(process.argv[2] ?? 7);
const claimCount = Number(process.env.CLAIMS ?? 1000);
const seed = await readFile(new URL('../static/article.txt', import.meta.url), 'utf8');
const paragraphs = seed.split('\n\n').slice(3).join('\n\n');
const repeat = Number(process.env.REPEAT ?? 10);
const article = `${seed.trim()}\n\n${Array(repeat - 1).fill(paragraphs.trim()).join('\n\n')}\n`;
// dist/ and the long article, in a folder of the repository (the server serves only those).
const folder = 'target/bench-many-claims';
const here = (path) => new URL(`../${path}`, import.meta.url).pathname;
await rm(here(folder), { recursive: true, force: true });
await mkdir(here(folder), { recursive: true });
// DIST=<folder>: another build's dist/, to compare two builds by running the bench on each.
await cp(here(process.env.DIST ?? 'dist'), here(folder), { recursive: true });
await writeFile(here(`${folder}/long.txt`), article);
const server = await startServer(folder);
const browser = await launchBrowser();
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Times `click` on the first element matching `selector` (seen through shadow roots). */
const timeClick = (page, selector) => page.evaluate((selector) => new Promise((resolve) => {
  const target = window.caQuery(selector);
  if (!target) throw new Error(`nothing matches ${selector}`);
  const mutated = { added: 0, removed: 0, attributes: 0, text: 0 };
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      mutated.added += record.addedNodes.length;
      mutated.removed += record.removedNodes.length;
      if (record.type === 'attributes') { mutated.attributes += 1; (mutated.which ??= []).push(`${record.target.tagName}.${record.target.className}@${record.attributeName}`); }
      if (record.type === 'characterData') mutated.text += 1;
    }
  });
  for (const root of [document, ...window.caQueryAll('*').filter((element) => element.shadowRoot).map((element) => element.shadowRoot)]) {
    observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  }
  window.caMutated = mutated;
  const start = performance.now();
  let work = null;
  const afterTask = new MessageChannel();
  afterTask.port1.onmessage = () => { work ??= performance.now() - start; };
  target.click();
  afterTask.port2.postMessage(null);
  // The panel's list follows a frame later: "list" is from the click to after the frame that
  // shows the list's change.
  let listChanged = false;
  const listObserver = new MutationObserver(() => { listChanged = true; });
  const list = window.caQuery('.ca-claims');
  if (list) listObserver.observe(list, { subtree: true, childList: true, attributes: true, characterData: true });
  const afterNextFrame = (then) => requestAnimationFrame(() => {
    const afterFrame = new MessageChannel();
    afterFrame.port1.onmessage = then;
    afterFrame.port2.postMessage(null);
  });
  afterNextFrame(() => {
    const frame = performance.now() - start;
    const finish = (listFrame) => { observer.disconnect(); listObserver.disconnect(); resolve({ work: work ?? frame, frame, list: listFrame, mutated }); };
    const waitForList = () => {
      if (listChanged) afterNextFrame(() => finish(performance.now() - start));
      else if (performance.now() - start > 1000) finish(null);
      else setTimeout(waitForList, 1);
    };
    if (listChanged) finish(frame); else waitForList();
  });
}), selector);

async function measure(shown) {
  let loadMs = null;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(deepQueryScript);
  // Each save of the claims: from reading the stored value to the end of writing it back.
  await page.addInitScript(() => {
    window.caSaves = [];
    let started = null;
    const { getItem, setItem } = Storage.prototype;
    Storage.prototype.getItem = function (key) {
      if (this === window.localStorage && key.startsWith('claim-annotator:annotations:')) started = performance.now();
      return getItem.call(this, key);
    };
    Storage.prototype.setItem = function (key, value) {
      const result = setItem.call(this, key, value);
      if (this === window.localStorage && key.startsWith('claim-annotator:annotations:') && started !== null) {
        window.caSaves.push(performance.now() - started);
        started = null;
      }
      return result;
    };
  });
  // SAVES=1: each save's pieces, from wrappers around the calls it makes (their own time).
  if (process.env.SAVES) await page.addInitScript(() => {
    window.caPieces = [];
    let pieces = null;
    const wrap = (object, name, label) => {
      const original = object[name];
      object[name] = function (...args) {
        const start = performance.now();
        try { return original.apply(this, args); } finally {
          if (pieces) {
            const end = performance.now();
            pieces[label] = (pieces[label] ?? 0) + end - start;
            const size = label === 'setItem' ? ` (${this === window.localStorage ? 'local' : 'session'}, ${args[1].length} chars)` : '';
            if (end - start > 0.05) pieces.calls.push(`${label}${size} ${(start - pieces.start).toFixed(1)}-${(end - pieces.start).toFixed(1)}`);
          }
        }
      };
    };
    wrap(TextEncoder.prototype, 'encodeInto', 'encode');
    wrap(TextEncoder.prototype, 'encode', 'encode');
    wrap(TextDecoder.prototype, 'decode', 'decode');
    wrap(Storage.prototype, 'getItem', 'getItem');
    wrap(Storage.prototype, 'setItem', 'setItem');
    wrap(EventTarget.prototype, 'dispatchEvent', 'dispatchEvent');
    // The whole task of each timer that wrote the claims (the save runs in one).
    const { setTimeout } = window;
    window.setTimeout = function (callback, ...rest) {
      if (typeof callback !== 'function') return setTimeout.call(this, callback, ...rest);
      return setTimeout.call(this, function (...args) {
        const outer = pieces;
        const start = performance.now();
        pieces = { start, calls: [] };
        window.caWrote = false;
        try { return callback.apply(this, args); } finally {
          pieces.task = performance.now() - start;
          if (window.caWrote) window.caPieces.push(pieces);
          pieces = outer;
        }
      }, ...rest);
    };
    const { setItem } = Storage.prototype;
    Storage.prototype.setItem = function (key, value) {
      if (this === window.localStorage && key.startsWith('claim-annotator:annotations:')) window.caWrote = true;
      return setItem.call(this, key, value);
    };
  });
  await page.goto(`${server.url}/?article=long.txt&id=many-claims`);
  await page.waitForSelector('.ca-article');
  if (shown > 0) {
    // One claim made by the widget gives the storage key and the shape of a stored claim.
    await dragOver(page, 'Hundreds of organisations');
    await page.waitForSelector('.ca-tag-picker');
    await page.keyboard.press('1');
    await page.waitForSelector('mark.ca-highlight');
    await page.waitForFunction(() => Object.keys(localStorage).some((key) => key.startsWith('claim-annotator:annotations:')));
    await page.evaluate(({ shown, article }) => {
      const key = Object.keys(localStorage).find((name) => name.startsWith('claim-annotator:annotations:'));
      const stored = JSON.parse(localStorage.getItem(key));
      const model = stored.annotations[0];
      const text = [...article];
      // Claims of three words, evenly spaced, from the end of the article backwards,
      // so the first paragraphs stay free for the actions measured.
      const annotations = [];
      const step = Math.floor((text.length - 2500) / shown);
      let at = text.length - 1;
      while (annotations.length < shown) {
        at -= step;
        let start = at;
        while (start > 0 && text[start - 1] !== ' ') start -= 1;
        let end = start;
        for (let words = 0; words < 3 && end < text.length; words += 1) {
          while (end < text.length && text[end] !== ' ' && text[end] !== '\n') end += 1;
          if (words < 2) end += 1;
        }
        annotations.push({
          ...model,
          id: `bench-${annotations.length}`,
          tag: ['allegation', 'denial', 'demand'][annotations.length % 3],
          exact: text.slice(start, end).join(''),
          prefix: text.slice(Math.max(0, start - 32), start).join(''),
          suffix: text.slice(end, end + 32).join(''),
          start,
          end,
        });
      }
      stored.annotations = annotations;
      localStorage.setItem(key, JSON.stringify(stored));
    }, { shown, article });
    const loadStart = Date.now();
    await page.reload();
    await page.waitForSelector('.ca-article');
    await page.waitForFunction((shown) => new Set([...window.caQueryAll('mark.ca-highlight')].flatMap((mark) => mark.dataset.caIds.split(' '))).size === shown, shown, { timeout: 600_000 });
    loadMs = Date.now() - loadStart;
  }
  const profiler = process.env.PROFILE && shown > 0 ? await context.newCDPSession(page) : null;
  if (profiler) { await profiler.send('Profiler.enable'); await profiler.send('Profiler.setSamplingInterval', { interval: 100 }); }
  const self = new Map();
  // Inclusive: each function counted once per sample in whose stack it is.
  const inclusive = new Map();
  const timed = async (selector) => {
    if (profiler) await profiler.send('Profiler.start');
    const forced = process.env.TRACE === 'forced';
    if (process.env.TRACE && shown > 0) await browser.startTracing(page, { categories: ['devtools.timeline', 'blink', 'v8', ...(forced ? ['disabled-by-default-devtools.timeline.stack'] : [])] });
    const result = await timeClick(page, selector);
    if (process.env.TRACE && shown > 0) {
      const trace = JSON.parse((await browser.stopTracing()).toString());
      const totals = new Map();
      for (const event of trace.traceEvents) {
        if (event.ph === 'X' && event.dur > 0 && /^(UpdateLayoutTree|Layout|Paint|PrePaint|Layerize|RecalculateStyles|ParseHTML|FunctionCall|EventDispatch|RunMicrotasks|v8.callFunction|MajorGC|MinorGC|ScheduleStyleRecalculation|HitTest|IntersectionObserverController::computeIntersections|UpdateLayer|Commit|AXObjectCache::ProcessDeferredUpdates|Document::updateStyleAndLayout|LocalFrameView::UpdateAllLifecyclePhases|ProxyMain::BeginMainFrame|ThreadControllerImpl::RunTask|V8.GC_SCAVENGER|V8.GC_MARK_COMPACTOR|TimerFire|FireAnimationFrame)$/.test(event.name)) {
          totals.set(event.name, (totals.get(event.name) ?? 0) + event.dur / 1000);
        }
      }
      console.log(selector, [...totals].sort((a, b) => b[1] - a[1]).map(([name, ms]) => `${name} ${ms.toFixed(1)}`).join(', '));
      // TRACE=forced: each style or layout update a script forced in the middle of its task,
      // with the calls that forced it (wasm frames are named in a build with names kept).
      if (forced) {
        for (const event of trace.traceEvents) {
          const stack = event.args?.beginData?.stackTrace;
          if (stack && event.dur > 0 && /^(UpdateLayoutTree|Layout)$/.test(event.name)) {
            console.log(`  forced ${event.name} ${(event.dur / 1000).toFixed(2)} ms by ${stack.slice(0, 4).map((frame) => frame.functionName || '(anonymous)').join(' < ')}`);
          }
        }
      }
      if (process.env.TRACE === 'tasks') {
        const main = trace.traceEvents.find((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain');
        const tasks = trace.traceEvents.filter((event) => event.ph === 'X' && event.tid === main?.tid && event.pid === main?.pid && event.dur > 500 && /RunTask|FunctionCall|TimerFire|EventDispatch|RunMicrotasks|FireAnimationFrame|Layout|UpdateLayoutTree|Paint|v8.callFunction|ParseHTML|MajorGC|MinorGC|V8.GC/.test(event.name));
        const t0 = Math.min(...tasks.map((event) => event.ts));
        for (const event of tasks.sort((a, b) => a.ts - b.ts)) {
          console.log(`  ${((event.ts - t0) / 1000).toFixed(1).padStart(7)} +${(event.dur / 1000).toFixed(1).padStart(6)} ${event.name} ${event.args?.data?.type ?? event.args?.data?.functionName ?? ''}`);
        }
      }
    }
    if (profiler) {
      await page.waitForTimeout(200);
      const { profile } = await profiler.send('Profiler.stop');
      const byId = new Map(profile.nodes.map((node) => [node.id, node]));
      const parentOf = new Map(profile.nodes.flatMap((node) => (node.children ?? []).map((child) => [child, node.id])));
      for (const sample of profile.samples) {
        const seen = new Set();
        for (let node = byId.get(sample); node; node = byId.get(parentOf.get(node.id))) {
          const name = node.callFrame.functionName.replace(/::h[0-9a-f]{16}$/, '');
          if (!seen.has(name)) {
            seen.add(name);
            inclusive.set(name, (inclusive.get(name) ?? 0) + 1);
          }
        }
      }
      for (const sample of profile.samples) {
        const frame = byId.get(sample).callFrame;
        const name = `${frame.functionName || '(anon)'} ${frame.url.split('/').pop()}`;
        self.set(name, (self.get(name) ?? 0) + 1);
      }
    }
    if (process.env.MUTATIONS) console.log(shown, selector, JSON.stringify(result.mutated));
    return result;
  };
  const times = { add: [], retag: [], delete: [], note: [] };
  const phrases = ['Hundreds of organisations', 'UN rights chief Michelle Bachelet', 'can no longer sit back',
    'pointed to an unprecedented call', 'highlighted rights violations', 'deeply concerned', 'academic freedom',
    'distort the mandate', 'fundamental threat', 'International Service for Human Rights', 'rewrite international standards'];
  for (let run = 0; run < runs; run += 1) {
    const phrase = phrases[run % phrases.length];
    await dragOver(page, phrase);
    await page.waitForSelector('.ca-tag-picker');
    const added = await timed('.ca-tag-picker .ca-tag-allegation');
    times.add.push(added);
    await page.waitForSelector('.ca-tag-picker', { state: 'detached' });
    await page.waitForTimeout(300);
    // Open the new claim: its first run.
    const mark = await page.evaluateHandle((phrase) => [...window.caQueryAll('mark.ca-highlight[tabindex]')].find((mark) => phrase.startsWith(mark.textContent.trim().slice(0, 8))), phrase);
    await mark.asElement().click();
    await page.waitForSelector('.ca-editor');
    times.retag.push(await timed('.ca-editor .ca-tag-demand'));
    await page.waitForTimeout(300);
    await page.click('.ca-editor .ca-delete');
    await page.waitForSelector('.ca-editor .ca-danger');
    times.delete.push(await timed('.ca-editor .ca-danger'));
    await page.waitForSelector('.ca-editor', { state: 'detached' });
    await page.waitForTimeout(300);
  }
  // Typing a note: every keystroke is saved.
  const first = await page.evaluateHandle(() => window.caQueryAll('mark.ca-highlight[tabindex]').at(-1));
  if (shown > 0) {
    await first.asElement().scrollIntoViewIfNeeded();
    await first.asElement().click();
    await page.waitForSelector('.ca-editor');
    await page.focus('.ca-editor .ca-note-input');
    await page.evaluate(() => { window.caSaves = []; window.caPieces = []; });
    for (let note = 0; note < Number(process.env.NOTES ?? 1); note += 1) await page.keyboard.type('Who says so, and where?', { delay: 60 });
    await page.waitForTimeout(300);
    times.note = await page.evaluate(() => window.caSaves);
    if (process.env.SAVES) {
      const pieces = await page.evaluate(() => window.caPieces);
      const names = [...new Set(pieces.flatMap(Object.keys))].filter((name) => !['start', 'calls'].includes(name));
      console.log(`each save's task while typing (${pieces.length}), medians in ms: ${names.map((name) => `${name} ${median(pieces.map((p) => p[name] ?? 0)).toFixed(2)}`).join(', ')}`);
      const typical = pieces.find((p) => p.task === median(pieces.map((p) => p.task)));
      console.log(`the median task's calls over 0.05 ms (ms from its start): ${typical.calls.join(', ')}; end ${typical.task.toFixed(2)}`);
    }
  }
  if (profiler) {
    console.log([...self].filter(([name]) => !/idle/.test(name)).sort((a, b) => b[1] - a[1]).slice(0, 40).map(([name, count]) => `${(count * 0.1).toFixed(1)} ms ${name}`).join('\n'));
    console.log('inclusive, the widget\'s and Yew\'s functions:');
    console.log([...inclusive].filter(([name]) => /claim_annotator|yew::/.test(name)).sort((a, b) => b[1] - a[1]).slice(0, 40).map(([name, count]) => `${(count * 0.1).toFixed(1)} ms ${name.slice(0, 160)}`).join('\n'));
  }
  const drawn = await page.evaluate(() => new Set([...window.caQueryAll('mark.ca-highlight')].flatMap((mark) => mark.dataset.caIds.split(' '))).size);
  const reanchoring = shown > 0 ? await measureReanchoring(page) : null;
  await context.close();
  return { drawn, times, loadMs, reanchoring };
}

/** The article corrected and opened again under the same id: a sentence added near its start,
 * so every claim's words moved, and in one claim of every hundred (CHANGE_EVERY) a letter
 * changed, so that claim is found only approximately and must be listed for review. Times the
 * load until every claim is drawn, counts the claims needing review and the changed claims
 * that are not at their own (moved) place, times Accept on five of those needing review, then
 * times a reload (the new places were saved, so
 * nothing needs finding). */
async function measureReanchoring(page) {
  const readStored = () => page.evaluate(() => {
    const key = Object.keys(localStorage).find((name) => name.startsWith('claim-annotator:annotations:'));
    return JSON.parse(localStorage.getItem(key)).annotations;
  });
  const stored = (await readStored()).sort((a, b) => a.start - b.start);
  const changeEvery = Number(process.env.CHANGE_EVERY ?? 100);
  const changed = stored.filter((_, index) => index % changeEvery === Math.floor(changeEvery / 2));
  const text = [...article];
  for (const claim of changed) {
    const at = claim.start + 1;
    text[at] = text[at] === 'x' ? 'q' : 'x';
  }
  // Before the first claim, at the start of a paragraph.
  const added = [...'This article was corrected: a sentence was added here. '];
  text.splice(text.lastIndexOf('\n', stored[0].start) + 1, 0, ...added);
  await writeFile(here(`${folder}/long-corrected.txt`), text.join(''));
  const everyClaimDrawn = (count) => new Set([...window.caQueryAll('mark.ca-highlight')].flatMap((mark) => mark.dataset.caIds.split(' '))).size === count;
  const opened = Date.now();
  await page.goto(`${server.url}/?article=long-corrected.txt&id=many-claims`);
  await page.waitForFunction(everyClaimDrawn, stored.length, { timeout: 600_000 });
  const firstMs = Date.now() - opened;
  // The new places are saved after the frame that shows them, and the panel lists the claims
  // for review a frame after the article.
  await page.waitForTimeout(1000);
  const review = await page.evaluate(() => Number(window.caQuery('.ca-review h3')?.textContent.replace(/\D/g, '') || 0));
  // Working through the list: Accept on the first claim listed for review, five times.
  const accepts = [];
  for (let done = 0; done < Math.min(5, review); done += 1) {
    accepts.push(await timeClick(page, '.ca-review .ca-accept'));
    await page.waitForTimeout(300);
  }
  const accept = accepts.length ? median(accepts.map((sample) => sample.frame)) : null;
  const now = new Map((await readStored()).map((claim) => [claim.id, claim]));
  const elsewhere = changed.filter((claim) => now.get(claim.id)?.start !== claim.start + added.length);
  for (const claim of process.env.DEBUG_REANCHOR ? elsewhere : []) {
    const { exact, start } = now.get(claim.id) ?? {};
    console.log(`${claim.id} ${JSON.stringify(claim.exact)} at ${claim.start} is now ${JSON.stringify(exact)} at ${start}; the text at its own place: ${JSON.stringify(text.slice(claim.start + added.length - 30, claim.end + added.length + 30).join(''))}`);
  }
  const reloaded = Date.now();
  await page.reload();
  await page.waitForFunction(everyClaimDrawn, stored.length, { timeout: 600_000 });
  return { claims: stored.length, changed: changed.length, review, accept, elsewhere: elsewhere.length, firstMs, againMs: Date.now() - reloaded };
}

const results = [];
for (const shown of [0, claimCount]) results.push([shown, await measure(shown)]);
console.log(`${runs} runs each, medians in ms (work = the click's task and Yew's render; frame = click to after the next frame; list = click to after the frame that shows the change in the panel's list)`);
console.log('| claims shown | add: work / frame / list | retag: work / frame / list | delete: work / frame / list |');
console.log('|---|---|---|---|');
const cell = (samples) => ['work', 'frame', 'list'].map((key) => median(samples.map((s) => s[key] ?? NaN)).toFixed(1)).join(' / ');
console.log(`article: ${[...article].length} characters; reload to every claim drawn with ${claimCount}: ${results[1][1].loadMs} ms`);
for (const [shown, { drawn, times }] of results) {
  console.log(`| ${shown} (${drawn} drawn at the end) | ${cell(times.add)} | ${cell(times.retag)} | ${cell(times.delete)} |`);
}
const [base, many] = results.map(([, result]) => result.times);
if (many.note.length) {
  console.log(`typing a note with ${claimCount} claims: ${many.note.length} saves, median ${median(many.note).toFixed(2)} ms from reading the stored value to the end of writing it (max ${Math.max(...many.note).toFixed(2)})`);
}
const { reanchoring } = results[1][1];
if (reanchoring) {
  console.log(`the article corrected (a sentence added before every claim; a letter changed in ${reanchoring.changed} of the ${reanchoring.claims} claims): open until every claim is drawn ${reanchoring.firstMs} ms, ${reanchoring.review} under Needs review, ${reanchoring.elsewhere} changed claims not at their own place; Accept on one of them, click to the next frame: ${reanchoring.accept?.toFixed(1)} ms (median of 5); reload after ${reanchoring.againMs} ms`);
}
for (const action of ['add', 'retag', 'delete']) {
  const ratio = median(many[action].map((s) => s.frame)) / median(base[action].map((s) => s.frame));
  console.log(`${action}: frame with ${claimCount} / with 0 = ${ratio.toFixed(2)}`);
}
await browser.close();
await server.close();
