// The demo page: one <claim-annotator> showing its own copy of an article, the seed article
// prerendered into the page at build time. ?article=other.txt opens another article served
// beside this page; ?id= names it for storage; ?panel=drawer puts the claims in a drawer;
// ?lang=fr or ?lang=ar chooses the interface's language. Any of them makes the prerendered
// copy (the seed, in English, inline) wrong, so it is removed and the widget renders afresh.
const params = new URLSearchParams(location.search);
const element = document.querySelector('claim-annotator');
let changed = false;
for (const [param, attribute] of [['article', 'article-url'], ['id', 'article-id'], ['panel', 'panel'], ['lang', 'lang']]) {
  if (params.get(param)) {
    element.setAttribute(attribute, params.get(param));
    changed = true;
  }
}
if (changed) element.shadowRoot?.querySelectorAll('[data-ca-prerendered]').forEach((node) => node.remove());
