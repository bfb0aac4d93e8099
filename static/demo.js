// The demo page: one <claim-annotator> showing its own copy of an article.
// ?article=other.txt opens another article served beside this page; ?id= names it for storage;
// ?panel=drawer puts the claims in a drawer; ?lang=fr or ?lang=ar chooses the interface's language.
const params = new URLSearchParams(location.search);
const element = document.createElement('claim-annotator');
for (const [param, attribute] of [['article', 'article-url'], ['id', 'article-id'], ['panel', 'panel'], ['lang', 'lang']]) {
  if (params.get(param)) element.setAttribute(attribute, params.get(param));
}
document.getElementById('claim-annotator').append(element);
