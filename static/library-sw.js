// The library's service worker: keeps the library page's own files so that, once opened, the
// page works with the network off and can be installed as an app.
//
// - Registered only by library.js, with the scope "./library": it controls the library page and
//   nothing else (not the demo page, not news pages, never a page embedding <claim-annotator>).
// - Answers only for the files listed below, each checked against the SHA-256 the build
//   recorded; every other request (an article's address a reader typed, any other site) goes
//   to the network untouched.
// - A broken cache never locks a reader out: a file missing from the cache, one whose bytes do
//   not match, or any error of the cache, and the file comes from the network instead.
// - A new version (scripts/build.sh writes VERSION and FILES from the built files, so any
//   change makes a new worker) is fetched in full and checked, then takes over; the library
//   says so quietly, and the next visit runs it.

const VERSION = 'unbuilt';
/** Path (relative to this file) → base64 SHA-256 of its bytes. */
const FILES = {};
const CACHE = `claim-annotator-library-${VERSION}`;
const PAGE = 'library.html';

const base = new URL('./', self.location).href;
const address = (path) => new URL(path, base).href;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await Promise.all(Object.entries(FILES).map(async ([path, hash]) => {
      // Past the HTTP cache: what is kept must be what the server has now.
      const response = await fetch(address(path), { cache: 'no-cache' });
      if (!response.ok) throw new Error(`${path}: ${response.status}`);
      if ((await digest(await response.clone().arrayBuffer())) !== hash) {
        // The server has files of another build (a deployment under way): try again later.
        throw new Error(`${path} is not the file of version ${VERSION}`);
      }
      await cache.put(address(path), response);
    }));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names.filter((name) => name.startsWith('claim-annotator-library-') && name !== CACHE).map((name) => caches.delete(name)));
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data?.type === 'version') event.ports[0]?.postMessage({ version: VERSION });
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(base)) return;
  const path = new URL(request.url).pathname.slice(new URL(base).pathname.length);
  const file = request.mode === 'navigate' && path === 'library' ? PAGE : path;
  if (!Object.hasOwn(FILES, file)) return;
  event.respondWith(fromCache(file).then((kept) => kept ?? fetch(request)));
});

/** The kept file if it is there and intact; `null` otherwise, and on any error. */
async function fromCache(file) {
  try {
    const cache = await caches.open(CACHE);
    const kept = await cache.match(address(file));
    if (!kept) return null;
    const bytes = await kept.arrayBuffer();
    if ((await digest(bytes)) !== FILES[file]) return null;
    return new Response(bytes, { status: kept.status, statusText: kept.statusText, headers: kept.headers });
  } catch {
    return null;
  }
}

async function digest(bytes) {
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return btoa(String.fromCharCode(...hash));
}
