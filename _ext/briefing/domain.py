"""Technologies collected across the whole site, and the `tech` cross-reference.

Style of ``sphinx.ext.todo`` and the std domain: plain picklable data keyed
by docname, noted by the directives and roles through the domain's
``note_*`` methods while a document is read, dropped in ``clear_doc`` and
merged per docname after a parallel read, so that the data never depends
on the order of reading.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING, Any, cast

from docutils import nodes
from sphinx import addnodes
from sphinx.domains import Domain, ObjType
from sphinx.util.docutils import SphinxRole
from sphinx.util.nodes import make_refnode

from foundation.roles import split_title

from .diagnostics import warn
from .translations import __

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Set

    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

    from .records import FigureRecord, TechnologyRecord

__all__ = ["BriefingDomain", "TechRole", "briefing_domain", "setup_domain"]


class TechRole(SphinxRole):
    """``:tech:`id``` or ``:tech:`text <id>```: a link to a technology card."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        title, target = split_title(self.text)
        target = target.strip()
        refnode = addnodes.pending_xref(
            self.rawtext,
            refdomain="briefing",
            reftype="tech",
            reftarget=target,
            refexplicit=bool(title),
            refdoc=self.env.docname,
            refwarn=True,
        )
        self.set_source_info(refnode)
        refnode += nodes.inline(self.rawtext, title or target, classes=["xref", "tech"])
        briefing_domain(self.env).note_reference(self.env.docname, target)
        return [refnode], []


def _sort_key(record: TechnologyRecord) -> tuple[str, int]:
    return record["docname"], record["line"]


class BriefingDomain(Domain):
    name = "briefing"
    label = "Technology briefing"
    object_types = {"technology": ObjType("technology", "tech")}
    roles = {"tech": TechRole()}
    initial_data = {
        "technologies": {},  # docname -> [TechnologyRecord, ...] in document order
        "catalogues": {},  # docname -> True for pages holding a `technologies` table
        "references": {},  # docname -> sorted ids named by its `tech` roles
        "figures": {},  # docname -> [FigureRecord, ...] (metrics, rankings) in document order
        "registers": {},  # docname -> True for pages holding a `figures` register
        "confdir": "",  # the folder of conf.py (disclaimer files are relative to it)
    }
    data_version = 3
    #: The per-docname parts of the data (dropped and merged by docname).
    PER_DOCUMENT = ("technologies", "catalogues", "references", "figures", "registers")

    @property
    def technologies(self) -> dict[str, list[TechnologyRecord]]:
        return cast("dict[str, list[TechnologyRecord]]", self.data["technologies"])

    @property
    def catalogues(self) -> dict[str, bool]:
        return cast("dict[str, bool]", self.data["catalogues"])

    @property
    def references(self) -> dict[str, list[str]]:
        return cast("dict[str, list[str]]", self.data["references"])

    @property
    def figures(self) -> dict[str, list[FigureRecord]]:
        return cast("dict[str, list[FigureRecord]]", self.data.setdefault("figures", {}))

    @property
    def registers(self) -> dict[str, bool]:
        return cast("dict[str, bool]", self.data.setdefault("registers", {}))

    @property
    def confdir(self) -> str:
        return cast("str", self.data.get("confdir", ""))

    #: id -> first record by docname/line; rebuilt after any change of the data.
    _by_id: dict[str, TechnologyRecord] | None = None

    # -- noting what a document holds, while it is read ------------------------------

    def note_technology(self, record: TechnologyRecord) -> None:
        self._by_id = None
        self.technologies.setdefault(record["docname"], []).append(record)

    def note_catalogue(self, docname: str) -> None:
        self.catalogues[docname] = True

    def note_reference(self, docname: str, tech_id: str) -> None:
        ids = self.references.setdefault(docname, [])
        position = bisect.bisect_left(ids, tech_id)
        if position == len(ids) or ids[position] != tech_id:
            ids.insert(position, tech_id)

    def note_figure(self, record: FigureRecord) -> None:
        self.figures.setdefault(record["docname"], []).append(record)

    def note_register(self, docname: str) -> None:
        self.registers[docname] = True

    def note_confdir(self, confdir: str) -> None:
        self.data["confdir"] = confdir

    def retitle_technology(self, docname: str, anchor: str, title: str) -> None:
        """The translated title of the card `anchor` of `docname`."""
        for record in self.technologies.get(docname, []):
            if record["anchor"] == anchor:
                record["title"] = title
                self._by_id = None

    def revise_figure(self, docname: str, anchor: str, *, figure: str | None = None,
                      label: str | None = None) -> None:
        """The translated figure or label of the metric or ranking `anchor`."""
        for record in self.figures.get(docname, []):
            if record["anchor"] == anchor:
                if figure is not None:
                    record["figure"] = figure
                if label is not None:
                    record["label"] = label

    # -- what the rest of the build asks --------------------------------------------

    def all_technologies(self) -> list[TechnologyRecord]:
        """Every technology of the site, by docname then line."""
        records = [r for docname in sorted(self.technologies) for r in self.technologies[docname]]
        return sorted(records, key=_sort_key)

    def page_order(self) -> list[str]:
        """Every page of the site in reading order: the root document, then
        depth first through the toctrees (each page where a toctree first
        names it); pages that no toctree reaches follow, by docname."""
        env = self.env
        includes = env.toctree_includes
        order: list[str] = []
        seen: set[str] = set()
        stack = [env.config.root_doc]
        while stack:
            docname = stack.pop()
            if docname in seen or docname not in env.all_docs:
                continue
            seen.add(docname)
            order.append(docname)
            stack.extend(reversed(includes.get(docname, [])))
        order += sorted(set(env.all_docs) - seen)
        return order

    def figures_in_page_order(self) -> list[FigureRecord]:
        """Every metric and ranking of the site: pages in `page_order`, the
        figures of a page in the order it shows them."""
        figures = self.figures
        return [record for docname in self.page_order() for record in figures.get(docname, [])]

    def find(self, tech_id: str) -> TechnologyRecord | None:
        # With duplicate ids (warned) the first by docname/line wins: deterministic.
        # One index for all `tech` roles: a search each would make them quadratic.
        if self._by_id is None:
            index: dict[str, TechnologyRecord] = {}
            for record in self.all_technologies():
                index.setdefault(record["id"], record)
            self._by_id = index
        return self._by_id.get(tech_id)

    def clear_doc(self, docname: str) -> None:
        self._by_id = None
        for key in self.PER_DOCUMENT:
            self.data.setdefault(key, {}).pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        self._by_id = None
        for key in self.PER_DOCUMENT:
            for docname, value in otherdata.get(key, {}).items():
                if docname in docnames:
                    self.data.setdefault(key, {})[docname] = value

    def check_consistency(self) -> None:
        # After every read, so both places are known whatever the reading order.
        first: dict[str, TechnologyRecord] = {}
        for record in self.all_technologies():
            earlier = first.setdefault(record["id"], record)
            if earlier is not record:
                warn(
                    "duplicate-id",
                    __("duplicate technology id {id}: also defined at {path}:{line}").format(
                        id=repr(record["id"]),
                        path=self.env.doc2path(earlier["docname"], False),
                        line=earlier["line"]),
                    (record["docname"], record["line"]),
                )

    def _refnode(
        self, builder: Builder, fromdocname: str, record: TechnologyRecord,
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
    ) -> nodes.reference | None:
        record = self.find(target)
        if record is None:
            return None  # warned by `warn_unknown_tech`; the text stays, unlinked
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


def briefing_domain(env: BuildEnvironment) -> BriefingDomain:
    """The `briefing` domain of `env`, typed."""
    return cast("BriefingDomain", env.get_domain("briefing"))


def pages_to_reread(
    app: Sphinx, env: BuildEnvironment, added: Set[str], changed: Set[str], removed: Set[str],
) -> Iterable[str]:
    """``env-get-outdated``: re-read catalogue and register pages and `tech`
    users after any change.

    Whether a changed page gained, changed or lost a technology or a figure
    is known only after reading it; re-reading the (few) pages that list
    technologies or figures, or name technologies, is cheap and keeps them
    right without a clean build (a change of a toctree, which changes the
    register's page order, is a change of a page too).
    """
    if not (added or changed or removed):
        return []
    domain = briefing_domain(env)
    pages = set(domain.catalogues) | set(domain.references) | set(domain.registers)
    return sorted(pages - set(removed) - set(added) - set(changed))


def warn_unknown_tech(app: Sphinx, domain: Domain | None, node: addnodes.pending_xref) -> bool:
    """``warn-missing-reference``: a `tech` that names no technology gets the
    extension's own warning, in place of Sphinx's."""
    if domain is None or domain.name != BriefingDomain.name:
        return False
    warn("unknown-tech",
         __("unknown technology {id} (no `technology` directive has this id)").format(
             id=repr(node["reftarget"])),
         node)
    return True


def _note_confdir(app: Sphinx) -> None:
    briefing_domain(app.env).note_confdir(str(app.confdir))


def setup_domain(app: Sphinx) -> None:
    app.add_domain(BriefingDomain)
    app.add_role("tech", TechRole())
    app.connect("builder-inited", _note_confdir)
    app.connect("env-get-outdated", pages_to_reread)
    app.connect("warn-missing-reference", warn_unknown_tech)
