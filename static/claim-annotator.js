// <claim-annotator>: Claim Annotator as a custom element. This module is all a page loads up
// front; the WebAssembly widget (pkg/) is fetched only when the reader engages:
//   - they select text in the story,
//   - they press the element's "Tag claims" button,
//   - or this story has saved claims (or the link carries shared ones) and the element comes
//     near the viewport.
// When it loads, the files the widget will need next (an own copy's article, the language's
// table) are asked for with it, not after it has started.
// An element without `for` shows its own copy of an article, so it loads when it comes near
// the viewport; a page may prerender that copy into the element at build time
// (examples/prerender.rs), and the widget then takes its place without a flash. Nothing here
// touches the host page's DOM or CSS: the element's UI lives in its
// own (open) shadow root, styled by a constructed stylesheet, which a strict CSP allows.
//
// Attributes: for (id of the story element: annotate it in place), article-url (a .txt article
// shown in the element), article-id (names the article for storage), panel (inline | drawer),
// lang (the interface's language: en, fr, ar; else the reader's browser decides).
// Methods: claims() and exportW3C() (both async). Events: claim-added, claim-changed,
// claim-removed, bubbling, with the claim as W3C Web Annotation JSON in `detail`.

const widgetUrl = new URL('./pkg/claim_annotator.js', import.meta.url);
const wasmUrl = new URL('./pkg/claim_annotator_bg.wasm', import.meta.url);
const storagePrefix = 'claim-annotator:annotations:id-';
let widgetModule;

/**
 * `fetch(url)`, started before whoever reads it (the glue, the widget) is there: they report its
 * failure when they read it; unread (the glue itself failed to load first, the widget chose
 * another file), it is nobody's error, so the browser must not call it unhandled.
 */
function request(url) {
  const response = fetch(url);
  response.catch(() => {});
  return response;
}

/**
 * Loads and starts the WebAssembly widget once per page; every element shares it. The wasm is
 * requested with the glue, not after it: the glue would ask for it only once it had arrived
 * and run, one round trip later.
 */
function loadWidget() {
  if (!widgetModule) {
    const wasm = request(wasmUrl);
    widgetModule = import(widgetUrl.href).then(async (module) => {
      await module.default({ module_or_path: wasm });
      return module;
    });
  }
  return widgetModule;
}

/**
 * Resolves once the page has drawn its next two frames. A widget mounting over a prerendered
 * copy waits for it: the mount is a long task, and run straight after the element came near,
 * it often kept Chromium from counting the copy's paint as the page's largest contentful paint
 * (which a host page's Core Web Vitals report): in 30 of 123 loads of bench/first-paint.mjs
 * the LCP came after the live widget was ready, though screenshot traces showed the article on
 * screen 73 and 100 ms before such an LCP. With the wait, 13 of 123. It costs the start about
 * a frame (bench/start-phases.mjs: 11 ms). A hidden page draws no frames and shows nothing: it
 * does not wait.
 * A page that stops drawing meanwhile (hidden, or a throttled frame) waits 250 ms at most, so
 * that `claims()` still answers.
 */
function afterTwoFrames() {
  if (document.hidden) return null;
  return new Promise((resolve) => {
    requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve)));
    setTimeout(resolve, 250);
  });
}

const sheet = new CSSStyleSheet();
sheet.replaceSync(`
:host { display: block; }
.ca-loader { all: initial; display: flex; flex-wrap: wrap; gap: .5em; align-items: center; font: 15px/1.5 var(--claim-annotator-ui-font, system-ui, sans-serif); color: #1b1b1b; }
.ca-loader button { font: inherit; font-weight: 600; color: #fff; background: #1b1b1b; border: 0; border-radius: 4px; padding: .45em .9em; min-height: 36px; cursor: pointer; }
.ca-loader button:focus-visible { outline: 3px solid #0b4f8a; outline-offset: 2px; }
.ca-loader button:disabled { background: #595959; cursor: default; }
.ca-loader p { margin: 0; }
.ca-loader-problem { border: 2px solid #8a1a1a; background: #fde8e8; padding: .5em .75em; border-radius: 4px; }
`);

/** What names a story for storage: the page's id for it, else its canonical address. */
function articleIdentity(element) {
  const given = element.getAttribute('article-id')?.trim();
  if (given) return given;
  const canonical = document.querySelector('link[rel~=canonical][href]');
  return canonical ? canonical.href : location.origin + location.pathname;
}

function hasSavedClaims(identity) {
  let raw = null;
  try {
    raw = localStorage.getItem(storagePrefix + identity);
    return raw !== null && JSON.parse(raw)?.annotations?.length !== 0;
  } catch {
    // Unreadable saved data is worth showing (the widget offers a backup); blocked storage is not.
    return raw !== null;
  }
}

// The loader's own few words: the `loader_*` messages of each table in i18n/. scripts/build.sh
// writes every language's in place of the English below (scripts/loader-words.mjs), so adding a
// language's table is all it takes.
const words = /* loader words */ {
  en: {
    loader_tag: 'Tag claims',
    loader_no_wasm: "This page's security policy does not allow WebAssembly ('wasm-unsafe-eval' in script-src), so Claim Annotator cannot start. The page itself is not affected.",
    loader_failed: 'Claim Annotator could not load: {error}',
    loader_no_story: 'Claim Annotator: this page has no element with the id \u201C{id}\u201D to annotate.',
    loader_empty_story: 'Claim Annotator: the element \u201C#{id}\u201D has no text to annotate.',
  },
} /* end of loader words */;

/** `template` with `{name}` replaced by `values[name]`. */
const fill = (template, values) => template.replace(/\{(\w+)\}/g, (whole, name) => values[name] ?? whole);

/** The element's language, else the reader's, else English: as the widget chooses it. */
function languageOf(element) {
  const wanted = [element.getAttribute('lang'), ...navigator.languages, navigator.language];
  return wanted.map((tag) => tag?.split(/[-_]/)[0].toLowerCase()).find((code) => code in words) ?? 'en';
}

/** The loader's words in the element's language. */
const wordsFor = (element) => words[languageOf(element)];

/**
 * Asks for the files the widget will fetch once it runs (the language's table, an own copy's
 * article), so that they come with the wasm instead of a round trip after it. `mount` takes
 * them as `startedRequests`; one it does not use costs a request, never a wrong file.
 */
function startRequests(element) {
  const urls = [];
  const code = languageOf(element);
  if (code !== 'en') urls.push(new URL(`./i18n/${code}.json`, import.meta.url));
  if (!element.hasAttribute('for')) {
    const article = element.getAttribute('article-url')?.trim();
    try {
      urls.push(article ? new URL(article, document.baseURI) : new URL('./article.txt', import.meta.url));
    } catch {
      // Not an address: the widget says so when it tries it.
    }
  }
  return Object.fromEntries(urls.map((url) => [url.href, request(url)]));
}

function explain(error, said) {
  const text = String(error?.message ?? error);
  if (error instanceof WebAssembly.CompileError || /WebAssembly|wasm/i.test(text)) return said.loader_no_wasm;
  return fill(said.loader_failed, { error: text });
}

export class ClaimAnnotatorElement extends HTMLElement {
  static observedAttributes = ['for', 'article-url', 'article-id', 'panel', 'lang'];
  #widget = null;
  #cleanups = [];
  #generation = 0;
  #started = null;

  #connected = false;

  connectedCallback() {
    this.#connected = true;
    // A story in place waits for the page's load event, which is not ours to delay; an own copy
    // is the page's content, so it starts at once.
    if (document.readyState === 'complete' || !this.hasAttribute('for')) this.#setUp();
    else window.addEventListener('load', () => this.#connected && !this.#cleanups.length && !this.#widget && this.#setUp(), { once: true });
  }

  disconnectedCallback() {
    this.#connected = false;
    this.#tearDown();
  }

  attributeChangedCallback(_name, before, after) {
    // Attributes present at upgrade arrive before connectedCallback, which sets up once.
    if (before !== after && this.#connected) {
      this.#tearDown();
      this.#setUp();
    }
  }

  /** Every claim, as W3C Web Annotations (loads the widget if it is not loaded yet). */
  async claims() {
    const widget = await this.#start();
    return widget ? widget.claims() : [];
  }

  /** The claims as one W3C AnnotationCollection (loads the widget if needed). */
  async exportW3C() {
    const widget = await this.#start();
    return widget ? widget.exportW3C() : null;
  }

  #setUp() {
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    const storyId = this.getAttribute('for');
    if (storyId === null) {
      this.#whenNear(() => this.#start());
      return;
    }
    const said = wordsFor(this);
    const story = document.getElementById(storyId);
    if (!story) return this.#say(fill(said.loader_no_story, { id: storyId }));
    if (!story.textContent.trim()) return this.#say(fill(said.loader_empty_story, { id: storyId }));
    this.#say(null, said.loader_tag);
    this.#listen(document, 'selectionchange', () => {
      const selection = document.getSelection();
      if (selection && !selection.isCollapsed && (story.contains(selection.anchorNode) || story.contains(selection.focusNode))) this.#start();
    });
    // Saved claims, or claims shared in the link (#ca1=…), are shown without a click.
    if (hasSavedClaims(articleIdentity(this)) || location.hash.startsWith('#ca1=')) this.#whenNear(() => this.#start());
  }

  #tearDown() {
    this.#generation += 1;
    for (const cleanup of this.#cleanups.splice(0)) cleanup();
    this.#widget?.destroy();
    this.#widget = null;
    this.#started = null;
    this.shadowRoot?.querySelector('.ca-loader')?.remove();
    // A copy prerendered into the page (a declarative shadow root) showed what the attributes
    // said before; the next widget renders afresh.
    this.shadowRoot?.querySelectorAll('[data-ca-prerendered]').forEach((node) => node.remove());
  }

  /** Loads the widget and mounts it; resolves to the mounted widget, or null. */
  #start() {
    if (this.#started) return this.#started;
    const generation = this.#generation;
    this.shadowRoot?.querySelector('.ca-loader button')?.setAttribute('disabled', '');
    const widget = loadWidget();
    const startedRequests = startRequests(this);
    const copyCounted = this.shadowRoot?.querySelector('[data-ca-prerendered]') ? afterTwoFrames() : null;
    this.#started = Promise.all([widget, copyCounted]).then(([module]) => {
      if (generation !== this.#generation) return null;
      const options = {
        articleId: this.getAttribute('article-id') ?? undefined,
        panel: this.getAttribute('panel') ?? undefined,
        lang: this.getAttribute('lang') ?? undefined,
        startedRequests,
      };
      const storyId = this.getAttribute('for');
      if (storyId !== null) {
        options.story = document.getElementById(storyId);
        options.articleId = articleIdentity(this);
      } else {
        options.articleUrl = this.getAttribute('article-url') ?? undefined;
      }
      this.shadowRoot.querySelector('.ca-loader')?.remove();
      this.#widget = module.mount(this, options);
      return this.#widget;
    }).catch((error) => {
      if (generation === this.#generation) {
        this.#say(explain(error, wordsFor(this)));
      }
      return null;
    });
    return this.#started;
  }

  /** Shows the loader's own line: a message, a button, or both. */
  #say(message, buttonLabel) {
    const root = this.shadowRoot;
    root.querySelector('.ca-loader')?.remove();
    const box = document.createElement('div');
    box.className = 'ca-loader';
    if (message) {
      const text = document.createElement('p');
      text.className = 'ca-loader-problem';
      text.setAttribute('role', 'alert');
      text.textContent = message;
      box.append(text);
    }
    if (buttonLabel) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = buttonLabel;
      button.addEventListener('click', () => this.#start());
      box.append(button);
    }
    root.append(box);
  }

  #listen(target, type, handler) {
    target.addEventListener(type, handler);
    this.#cleanups.push(() => target.removeEventListener(type, handler));
  }

  #whenNear(then) {
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) {
        observer.disconnect();
        then();
      }
    }, { rootMargin: '400px' });
    observer.observe(this);
    this.#cleanups.push(() => observer.disconnect());
  }
}

if (!customElements.get('claim-annotator')) customElements.define('claim-annotator', ClaimAnnotatorElement);
