"""Do-nothing stand-in for the `agreement` extension: the benchmark's floor.

It accepts the same markup (directive options, roles, block directives) and
turns it into plain docutils nodes, but numbers nothing, links nothing and
checks nothing. Building a corpus with it measures what parsing the markup
costs, so the real extension's time can be given as a ratio to it.
"""

from __future__ import annotations

from docutils import nodes
from docutils.parsers.rst import Directive, directives


class _Agreement(Directive):
    option_spec = dict.fromkeys(
        ("provider", "last-updated", "governing-law", "source", "previous"), directives.unchanged)

    def run(self):
        return [nodes.container()]


class _Block(Directive):
    has_content = True
    optional_arguments = 1
    final_argument_whitespace = True

    def run(self):
        node = nodes.container()
        self.state.nested_parse(self.content, self.content_offset, node)
        return [node]


def _text_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    return [nodes.inline(rawtext, text)], []


def setup(app):
    app.add_directive("agreement", _Agreement)
    for name in ("conspicuous", "summary", "defined-terms"):
        app.add_directive(name, _Block)
    for name in ("define", "use", "clause"):
        app.add_role(name, _text_role)
    app.add_config_value("agreement_link_terms", "all", "env")
    return {"version": "floor", "parallel_read_safe": True, "parallel_write_safe": True}
