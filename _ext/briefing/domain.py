"""Technologies collected across the whole site, and the `tech` cross-reference.

Style of ``sphinx.ext.todo``: plain picklable data keyed by docname, filled in
``process_doc``, dropped in ``clear_doc`` and merged per docname after a
parallel read, so that the data never depends on the order of reading.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Set
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.domains import Domain, ObjType
from sphinx.util.docutils import SphinxRole
from sphinx.util.nodes import make_refnode, split_explicit_title

from .checks import warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

#: The attribute of a technology card node that holds its record.
TECHNOLOGY_ATTR = "briefing_technology"


class catalogue_placeholder(nodes.General, nodes.Element):
    """Where a `technologies` table goes; replaced in doctree-resolved."""


class TechRole(SphinxRole):
    """``:tech:`id``` or ``:tech:`text <id>```: a link to a technology card."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        has_title, title, target = split_explicit_title(self.text)
        target = target.strip()
        refnode = addnodes.pending_xref(
            self.rawtext,
            refdomain="briefing",
            reftype="tech",
            reftarget=target,
            refexplicit=has_title,
            refdoc=self.env.docname,
            refwarn=True,
        )
        self.set_source_info(refnode)
        refnode += nodes.inline(self.rawtext, title, classes=["xref", "tech"])
        return [refnode], []


def _sort_key(record: dict[str, Any]) -> tuple[str, int]:
    return record["docname"], record["line"]


class BriefingDomain(Domain):
    name = "briefing"
    label = "Technology briefing"
    object_types = {"technology": ObjType("technology", "tech")}
    roles = {"tech": TechRole()}
    # technologies: docname -> [record, ...] in document order
    # catalogues:   docname -> True for pages holding a `technologies` table
    # references:   docname -> sorted ids named by its `tech` roles
    initial_data: dict[str, dict[str, Any]] = {
        "technologies": {},
        "catalogues": {},
        "references": {},
    }
    data_version = 1

    @property
    def technologies(self) -> dict[str, list[dict[str, Any]]]:
        return self.data["technologies"]

    @property
    def catalogues(self) -> dict[str, bool]:
        return self.data["catalogues"]

    @property
    def references(self) -> dict[str, list[str]]:
        return self.data["references"]

    def all_technologies(self) -> list[dict[str, Any]]:
        """Every technology of the site, by docname then line."""
        records = [r for docname in sorted(self.technologies) for r in self.technologies[docname]]
        return sorted(records, key=_sort_key)

    #: id -> first record by docname/line; rebuilt after any change of the data.
    _by_id: dict[str, dict[str, Any]] | None = None

    def find(self, tech_id: str) -> dict[str, Any] | None:
        # With duplicate ids (warned) the first by docname/line wins: deterministic.
        # One index for all `tech` roles: a search each would make them quadratic.
        if self._by_id is None:
            index: dict[str, dict[str, Any]] = {}
            for record in self.all_technologies():
                index.setdefault(record["id"], record)
            self._by_id = index
        return self._by_id.get(tech_id)

    def clear_doc(self, docname: str) -> None:
        self._by_id = None
        for store in self.data.values():
            if isinstance(store, dict):
                store.pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        self._by_id = None
        for key in ("technologies", "catalogues", "references"):
            for docname, value in otherdata[key].items():
                if docname in docnames:
                    self.data[key][docname] = value

    def process_doc(self, env: BuildEnvironment, docname: str, document: nodes.document) -> None:
        self._by_id = None
        records = [
            dict(node[TECHNOLOGY_ATTR], docname=docname)
            for node in document.findall(nodes.Element)
            if TECHNOLOGY_ATTR in node
        ]
        if records:
            self.technologies[docname] = records
        if any(True for _ in document.findall(catalogue_placeholder)):
            self.catalogues[docname] = True
        ids = sorted({
            node["reftarget"]
            for node in document.findall(addnodes.pending_xref)
            if node.get("refdomain") == "briefing"
        })
        if ids:
            self.references[docname] = ids

    def check_consistency(self) -> None:
        # After every read, so both places are known whatever the reading order.
        first: dict[str, dict[str, Any]] = {}
        for record in self.all_technologies():
            earlier = first.setdefault(record["id"], record)
            if earlier is not record:
                warn(
                    "duplicate-id",
                    f"duplicate technology id {record['id']!r}: also defined at "
                    f"{self.env.doc2path(earlier['docname'], False)}:{earlier['line']}",
                    (record["docname"], record["line"]),
                )

    def _refnode(
        self, builder: Builder, fromdocname: str, record: dict[str, Any],
        node: addnodes.pending_xref, contnode: nodes.Element,
    ) -> nodes.reference:
        if not node.get("refexplicit"):
            contnode = nodes.inline(record["title"], record["title"], classes=contnode["classes"])
        return make_refnode(
            builder, fromdocname, record["docname"], record["anchor"], contnode, record["title"]
        )

    def resolve_xref(
        self, env: BuildEnvironment, fromdocname: str, builder: Builder, typ: str,
        target: str, node: addnodes.pending_xref, contnode: nodes.Element,
    ) -> nodes.Element | None:
        record = self.find(target)
        if record is None:
            warn(
                "unknown-tech",
                f"unknown technology {target!r} (no `technology` directive has this id)",
                node,
            )
            # The text stays, unlinked; returning it spares Sphinx's own warning.
            return contnode
        return self._refnode(builder, fromdocname, record, node, contnode)

    def resolve_any_xref(
        self, env: BuildEnvironment, fromdocname: str, builder: Builder, target: str,
        node: addnodes.pending_xref, contnode: nodes.Element,
    ) -> list[tuple[str, nodes.reference]]:
        record = self.find(target)
        if record is None:
            return []
        return [("briefing:tech", self._refnode(builder, fromdocname, record, node, contnode))]

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        seen: set[str] = set()
        for record in self.all_technologies():
            if record["id"] not in seen:
                seen.add(record["id"])
                yield (record["id"], record["title"], "technology",
                       record["docname"], record["anchor"], 1)


def pages_to_reread(
    app: Sphinx, env: BuildEnvironment, added: Set[str], changed: Set[str], removed: Set[str],
) -> Iterable[str]:
    """``env-get-outdated``: re-read catalogue pages and `tech` users after any change.

    Whether a changed page gained, changed or lost a technology is known only
    after reading it; re-reading the (few) pages that list or name technologies
    is cheap and keeps them right without a clean build.
    """
    if not (added or changed or removed):
        return []
    domain: BriefingDomain = env.domains["briefing"]  # type: ignore[assignment]
    pages = set(domain.catalogues) | set(domain.references)
    return sorted(pages - set(removed) - set(added) - set(changed))


def setup_domain(app: Sphinx) -> None:
    app.add_domain(BriefingDomain)
    app.add_node(catalogue_placeholder)
    app.add_role("tech", TechRole())
    app.connect("env-get-outdated", pages_to_reread)
