// The library page: open any article (paste, file, address), keep it with its claims, find it
// again, online or not. The app build (app/) holds the library; ?lang=fr or ?lang=ar chooses
// the interface's language (else the browser's).
//
// This page, and only this page, registers the service worker (library-sw.js) that keeps the
// app's files for offline use, with the scope "./library": the demo page, news pages and every
// page embedding <claim-annotator> (whose loader never registers one) stay out of its reach.
import init, { mountLibrary } from './app/claim_annotator.js';

const SERVICE_WORKER = 'library-sw.js';
const SCOPE = './library';
const CACHE_PREFIX = 'claim-annotator-library-';
/** Set while this tab recovers from a broken cache, so it tries once, not in a loop. */
const RECOVERING = 'claim-annotator:library-recovering';
/** The version of the app's files the last visit ran (from the service worker). */
const LAST_VERSION = 'claim-annotator:library-version';
/** The library listens for this (detail: "ready" or "updated") to say so, quietly. */
const UPDATE_EVENT = 'claim-annotator:app-update';
/** The library dispatches this once it listens: what was said before then is said again (the
 * version check can answer before the library has mounted its listener, on a slow machine). */
const LISTENING_EVENT = 'claim-annotator:app-update-listening';
let lastSaid = null;
window.addEventListener(LISTENING_EVENT, () => { if (lastSaid) say(lastSaid); });

const policy = trustedTypesPolicy();
const element = document.getElementById('library');
const lang = new URLSearchParams(location.search).get('lang') ?? undefined;
try {
  await init();
  mountLibrary(element, { lang });
  session('remove', RECOVERING);
  await keepOffline();
} catch (error) {
  if (!(await recoverFromBrokenCache())) element.textContent = `The library could not start: ${error}`;
}

/** Under the page's Trusted Types policy, HTML may become a document only through DOMParser
 * (which runs nothing), and the only script URL is the service worker's. */
function trustedTypesPolicy() {
  if (!window.trustedTypes?.createPolicy) return null;
  window.trustedTypes.createPolicy('default', {
    createHTML(html, _type, sink) {
      if (sink === 'DOMParser parseFromString') return html;
      throw new TypeError(`Claim Annotator: HTML is never written into ${sink}.`);
    },
  });
  return window.trustedTypes.createPolicy('claim-annotator-library', {
    createScriptURL(url) {
      if (url === SERVICE_WORKER) return url;
      throw new TypeError(`Claim Annotator: ${url} is not the library's service worker.`);
    },
  });
}

/** Registers the service worker; tells the library when this visit runs a newer version than
 * the last one did, and when a new version arrives while the page is open (used from the next
 * visit). Offline use is all that is lost if any of this fails. */
async function keepOffline() {
  if (!('serviceWorker' in navigator)) return;
  try {
    const container = navigator.serviceWorker;
    // The worker that served this page's files says which version this visit runs.
    const servedBy = container.controller;
    const version = servedBy ? await versionOf(servedBy) : null;
    if (version) {
      const last = local('get', LAST_VERSION);
      if (last && last !== version) say('updated');
      local('set', LAST_VERSION, version);
    }
    let controlled = Boolean(servedBy);
    container.addEventListener('controllerchange', () => {
      // The first worker takes the page over: nothing to say. A later one is a new version.
      if (controlled) say('ready');
      controlled = true;
    });
    await container.register(policy ? policy.createScriptURL(SERVICE_WORKER) : SERVICE_WORKER, { scope: SCOPE });
  } catch (error) {
    console.warn(`Claim Annotator: this page will not work offline (${error}).`);
  }
}

/** The version of the files `worker` serves, or `null` when it does not say in time. */
function versionOf(worker) {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) => resolve(event.data?.version ?? null);
    worker.postMessage({ type: 'version' }, [channel.port2]);
    setTimeout(() => resolve(null), 3000);
  });
}

/** The page came from the app's cache and did not start: drop the cache and the worker, and
 * load everything from the network, once. */
async function recoverFromBrokenCache() {
  if (!navigator.serviceWorker?.controller || session('get', RECOVERING)) return false;
  try {
    session('set', RECOVERING, '1');
    const names = await caches.keys();
    await Promise.all(names.filter((name) => name.startsWith(CACHE_PREFIX)).map((name) => caches.delete(name)));
    await (await navigator.serviceWorker.getRegistration(SCOPE))?.unregister();
    location.reload();
    return true;
  } catch {
    return false;
  }
}

function say(update) {
  lastSaid = update;
  window.dispatchEvent(new CustomEvent(UPDATE_EVENT, { detail: update }));
}

/** sessionStorage and localStorage may be refused (a sandboxed frame, some privacy modes). */
function session(verb, key, value) {
  try { return sessionStorage[`${verb}Item`](key, value); } catch { return null; }
}

function local(verb, key, value) {
  try { return localStorage[`${verb}Item`](key, value); } catch { return null; }
}
