// Types for <claim-annotator> (claim-annotator.js). The WebAssembly API, `mount`, is typed in
// pkg/claim_annotator.d.ts.

/** A claim as a W3C Web Annotation (https://www.w3.org/TR/annotation-model/). */
export interface W3CAnnotation {
  '@context': 'http://www.w3.org/ns/anno.jsonld';
  /** `urn:uuid:…` */
  id: string;
  type: 'Annotation';
  motivation: 'tagging' | ['tagging', 'commenting'];
  created: string;
  modified: string;
  /** The tag (`purpose: "tagging"`: allegation, denial, demand, or a tag from another tool),
   * then the reader's note if there is one (`purpose: "commenting"`). */
  body: Array<{ type: 'TextualBody'; value: string; purpose: 'tagging' | 'commenting'; format?: 'text/plain' }>;
  target: {
    /** The page's canonical URL (a story in place), the article's URL, or a `urn:`. */
    source: string;
    selector: [
      { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string },
      /** Code points of the article's text (for a story in place: of the element's text). */
      { type: 'TextPositionSelector'; start: number; end: number },
    ];
  };
}

/** All claims of an article as one W3C AnnotationCollection with an embedded page. */
export interface W3CAnnotationCollection {
  '@context': 'http://www.w3.org/ns/anno.jsonld';
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  modified: string;
  first: { id: string; type: 'AnnotationPage'; startIndex: 0; items: W3CAnnotation[] };
}

export interface ClaimAnnotatorEventMap extends HTMLElementEventMap {
  /** A claim was tagged (here, in another tab, by an import, or by undo). */
  'claim-added': CustomEvent<W3CAnnotation>;
  /** A claim's tag, note or place changed. */
  'claim-changed': CustomEvent<W3CAnnotation>;
  /** A claim was deleted; `detail` is the claim as it was. */
  'claim-removed': CustomEvent<W3CAnnotation>;
}

/**
 * `<claim-annotator for="story-id" article-id="…" panel="inline|drawer">` annotates the story
 * element in place; `<claim-annotator article-url="article.txt">` shows its own copy of a
 * plain-text article. The widget loads when the reader engages.
 */
export declare class ClaimAnnotatorElement extends HTMLElement {
  static readonly observedAttributes: string[];
  /** Every claim, in reading order. Loads the widget if it is not loaded yet. */
  claims(): Promise<W3CAnnotation[]>;
  /** The claims as an AnnotationCollection, as the Export button writes it. */
  exportW3C(): Promise<W3CAnnotationCollection | null>;
  addEventListener<K extends keyof ClaimAnnotatorEventMap>(
    type: K,
    listener: (this: ClaimAnnotatorElement, event: ClaimAnnotatorEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'claim-annotator': ClaimAnnotatorElement;
  }
}
