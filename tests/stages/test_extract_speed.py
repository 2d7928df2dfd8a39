"""extract's faster helpers give what the plain ones gave."""

from __future__ import annotations

import pytest
from lxml import etree

from cleaner.stages.extract import load_page, visible_words

_ANCESTORS = etree.XPath("//body//text()[not(ancestor::script) and not(ancestor::style)"
                         " and not(ancestor::noscript) and not(ancestor::template)]")

PAGES = [
    ("<html><head><title>t</title><script>var a = 1 2 3</script></head><body><p>one two"
    "<script>x y</script> three</p><style>p {}</style><noscript><p>four <b>five</b></p>"
    "<style>six</style></noscript><template><p>seven</p></template>eight</body></html>"),
    "<html><body><div>a b<body>c d</body></div><noscript>e</noscript>f</body></html>",
    "<p>no body tag here but words</p><script>s t</script>",
    "<html><head><noscript><body>g h</body></noscript></head><body>i</body></html>",
]


@pytest.mark.parametrize("html", PAGES)
def test_visible_words_counts_what_the_ancestor_test_counts(html):
    tree = load_page(html)
    assert visible_words(tree) == sum(len(t.split()) for t in _ANCESTORS(tree))
