"""The `agreement` extension with one of its performance tricks written the
plain way instead, for bench/tricks_bench.py: each variant is what the
code would be without the trick, so that the bench measures what the
trick still buys. Loaded from a bench project's conf.py::

    import plain_variants
    plain_variants.use("link-caches")
    setup = plain_variants.setup

Each variant writes the same HTML as the shipped code (the bench checks it).
Three tricks measured here earlier bought nothing and were removed from the
extension, with their variants: lru_caches on the links' start tags and
escaped sentences (CPU time 0.96x), the definitions' quotation marks cached
per language (0.97x), the matcher cache keyed by one string (0.98x).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx.transforms import SphinxTransform

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx

#: Variant name -> what it undoes (printed by the bench).
VARIANTS = {
    "nodes-at-write": "HTML writes a node per link (the other formats' path), "
                      "not the hand-written visitor",
    "nodes-at-read": "a node per link in the doctree from the read on, not one "
                     "linked_text with a flat tuple",
    "nested-trie": "the matcher's trie as a dict per node, not one flat dict of paths",
}

_chosen: str | None = None


def use(variant: str) -> None:
    """Undo the trick `variant` in the imported extension."""
    global _chosen  # noqa: PLW0603 - one variant per bench project
    if variant not in VARIANTS:
        raise ValueError(f"unknown variant {variant!r}")
    _chosen = variant
    from agreement import linking, matcher

    if variant == "nested-trie":
        linking.matcher_for = _nested_matcher_for(matcher)


def setup(app: Sphinx) -> None:
    """The variants that move work between passes."""
    from agreement.term_nodes import expand_linked_text, linked_text

    if _chosen == "nodes-at-write":
        def expand(app: Sphinx, doctree: nodes.document, docname: str) -> None:
            expand_linked_text(list(doctree.findall(linked_text)))

        app.connect("doctree-resolved", expand, priority=400)
    elif _chosen == "nodes-at-read":
        class ExpandLinkedText(SphinxTransform):
            default_priority = 801  # right after the agreement's reader (800)

            def apply(self, **kwargs: object) -> None:
                expand_linked_text(list(self.document.findall(linked_text)))

        app.add_transform(ExpandLinkedText)


def _nested_matcher_for(matcher):  # type: ignore[no-untyped-def]
    """matcher_for with a trie of nested dicts: a dict per node, keyed by
    token, the form that ends at a node under the key None."""
    base = matcher.TermMatcher

    class NestedTrieMatcher(base):  # type: ignore[misc, valid-type]
        def __init__(self, owners):  # type: ignore[no-untyped-def]
            super().__init__(owners)
            root: dict = {}
            for form in self.owner:
                keys = matcher._keys(matcher.straight_quotes(form) if self.quoted else form)
                node = root
                for key in keys:
                    node = node.setdefault(key, {})
                node[None] = form
            self.root = root
            del self.trie, self.continued  # the flat trie, not used here

        def _find(self, text):  # type: ignore[no-untyped-def]
            root, owner = self.root, self.owner
            search, next_token = self.candidates.search, matcher._NEXT_TOKEN.match
            word_char = matcher._WORD_CHAR
            found = []
            first = search(text)
            while first is not None:
                start, end = first.span()
                last = first.group()
                node = root.get(last)
                if node is None or (start and not last[0].isalnum()
                                    and word_char.match(text, start - 1)):
                    first = search(text, end)
                    continue
                best, best_end, word_end = None, end, end
                while True:
                    form = node.get(None)
                    if form and (last[-1].isalnum() or not word_char.match(text, end)):
                        best, best_end = form, end
                        if len(node) == 1:
                            break
                    following = next_token(text, end)
                    if following is None:
                        break
                    space, last = following.groups()
                    node = node.get(last if space else matcher._GLUED + last)
                    if node is None:
                        break
                    end = following.end()
                if best is None:
                    first = search(text, word_end)
                else:
                    found.append((start, best_end, owner[best]))
                    first = search(text, best_end)
            return found

    cache: dict[tuple[tuple[str, str], ...], base] = {}

    def matcher_for(owners):  # type: ignore[no-untyped-def]
        owner = dict(owners)
        key = tuple(owner.items())
        found = cache.pop(key, None) or NestedTrieMatcher(owner)
        cache[key] = found
        while len(cache) > matcher._MATCHERS_KEPT:
            del cache[next(iter(cache))]
        return found

    return matcher_for
