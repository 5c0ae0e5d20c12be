"""An agreement's life: the chain of its versions (`previous`), where each
version stands on the build date (current, superseded, upcoming), the
notices that say so at the top of a version's page, and the checks of a
chain (effective dates in order, no cycle, no renamed label).

The build date is `foundation.dates.build_date`: ``SOURCE_DATE_EPOCH`` when
set, else today. A version whose effective date lies after it is upcoming;
a version with a later version in effect is superseded; the rest is current.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.locale import get_translation

from foundation.dates import build_date, parse_iso_date, readable_date
from foundation.messages import fill

from .diagnostics import __, warn
from .domain import agreement_domain

if TYPE_CHECKING:
    import datetime
    from collections.abc import Callable

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from .domain import AgreementDomain
    from .records import AgreementRecord, ClauseRecord, Status

__all__ = ["STATUS_TEXT", "current_version", "effective_of", "notices", "setup_lifecycle",
           "status_of"]

_ = get_translation("agreement")

#: How a status reads in tables and feeds (translated when shown).
STATUS_TEXT: dict[Status, Any] = {
    "current": _("current"), "superseded": _("superseded"), "upcoming": _("upcoming"),
}

def effective_of(meta: AgreementRecord) -> datetime.date | None:
    """The date a version takes effect (`effective`, else last updated)."""
    value = meta.get("effective") or meta.get("last_updated")
    return parse_iso_date(value) if value else None


def _in_effect(meta: AgreementRecord, today: datetime.date) -> bool:
    date = effective_of(meta)
    return date is None or date <= today


def status_of(domain: AgreementDomain, docname: str, today: datetime.date) -> Status:
    """Where version `docname` stands on `today`."""
    meta = domain.agreements[docname]
    if not _in_effect(meta, today):
        return "upcoming"
    chain = domain.version_chain(docname)
    later = chain[chain.index(docname) + 1:]
    if any(_in_effect(domain.agreements[doc], today) for doc in later):
        return "superseded"
    return "current"


def current_version(domain: AgreementDomain, docname: str,
                    today: datetime.date) -> str | None:
    """The version of `docname`'s chain in effect on `today` (None when
    every version is upcoming)."""
    chain = domain.version_chain(docname)
    effective = [doc for doc in chain if _in_effect(domain.agreements[doc], today)]
    return effective[-1] if effective else None


def next_version(domain: AgreementDomain, docname: str, today: datetime.date) -> str | None:
    """The first upcoming version after `docname` in its chain."""
    chain = domain.version_chain(docname)
    return next((doc for doc in chain[chain.index(docname) + 1:]
                 if not _in_effect(domain.agreements[doc], today)), None)


def _readable(meta: AgreementRecord, language: str | None) -> str:
    date = effective_of(meta)
    return readable_date(date, language) if date is not None else ""


def _notice(kind: str, title: str, *body: nodes.Node) -> nodes.admonition:
    """A notice at the top of a version's page: an admonition, which every
    builder sets apart in its own way, with the class the contract names."""
    notice = nodes.admonition(classes=[f"agreement-{kind}", "agreement-notice"])
    notice += nodes.title(title, title)
    notice += nodes.paragraph("", "", *body)
    return notice


def notices(app: Sphinx, docname: str, make_link: Callable[[str, str], nodes.Node]
            ) -> list[nodes.Node]:
    """The notice at the top of version `docname`'s page, if it needs one:
    superseded (links to the current version), upcoming (names its date and
    the version that applies until then), or current with an upcoming
    successor (links forward and names the date)."""
    domain = agreement_domain(app.env)
    today = build_date()
    language = app.config.language
    status = status_of(domain, docname, today)
    current = current_version(domain, docname, today)
    def link(doc: str) -> list[nodes.Node]:
        return [make_link(doc, domain.agreements[doc]["title"])]

    def date_of(doc: str) -> list[nodes.Node]:
        return [nodes.Text(_readable(domain.agreements[doc], language))]

    if status == "superseded" and current is not None:
        return [_notice("superseded", str(_("Superseded version")), *fill(
            str(_("This version is no longer in effect. The version in effect is {current}, "
                  "in effect since {date}.")), current=link(current), date=date_of(current)))]
    if status == "upcoming":
        if current is None:
            body = fill(str(_("This version takes effect on {date}.")), date=date_of(docname))
        else:
            body = fill(str(_("This version takes effect on {date}. Until then, {current} "
                              "applies.")), date=date_of(docname), current=link(current))
        return [_notice("upcoming", str(_("Upcoming version")), *body)]
    upcoming = next_version(domain, docname, today)
    if upcoming is not None:
        return [_notice("changing", str(_("A new version is coming")), *fill(
            str(_("This version applies until a new version takes effect on {date}: "
                  "{successor}.")), date=date_of(upcoming), successor=link(upcoming)))]
    return []


# -- the checks of a chain, once every document is read ----------------------------


def check_versions(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-check-consistency``: cycles of `previous`, effective dates in
    order along a chain, and labels renamed from one version to the next."""
    domain = agreement_domain(env)
    agreements = domain.agreements
    in_cycle: set[str] = set()
    for docname in sorted(agreements):
        if docname in in_cycle:
            continue
        seen: list[str] = []
        current: str | None = docname
        while current in agreements and current not in seen:
            seen.append(current)
            current = agreements[current]["previous"]
        if current is None or current not in seen:
            continue
        cycle = seen[seen.index(current):]
        if len(cycle) > 1:  # (a version naming itself warns bad-previous)
            if not in_cycle & set(cycle):
                first = min(cycle)
                warn("version-cycle", __("agreement: the previous options form a cycle: "
                                         "{cycle}").format(cycle=" -> ".join([*cycle, cycle[0]])),
                     (first, agreements[first]["line"]))
            in_cycle.update(cycle)
    for docname in sorted(agreements):
        meta = agreements[docname]
        previous = meta["previous"]
        if previous is None or previous == docname or previous not in agreements:
            continue
        if docname in in_cycle:
            continue
        own, earlier = effective_of(meta), effective_of(agreements[previous])
        if own is not None and earlier is not None and own <= earlier:
            warn("bad-effective", __("agreement: effective {effective} is not after the "
                                     "effective date {earlier} of the previous version "
                                     "{previous}").format(
                                         effective=own.isoformat(), earlier=earlier.isoformat(),
                                         previous=repr(previous)), (docname, meta["line"]))
        _check_renamed_labels(docname, domain.clauses.get(docname, []),
                              previous, domain.clauses.get(previous, []))


def _check_renamed_labels(docname: str, new: list[ClauseRecord],
                          previous: str, old: list[ClauseRecord]) -> None:
    """A clause the redline pairs with one of the previous version must keep
    its anchor, or links into the earlier version stop matching."""
    # Imported here: only a site with versions pays for loading the comparison.
    from .redline import ClauseVersion, match_clauses  # noqa: PLC0415

    def versions(records: list[ClauseRecord]) -> list[ClauseVersion]:
        return [ClauseVersion(number=r["number"], label=r["anchor"] if r["label"] else None,
                              title=r["title"], text="", depth=r["depth"], index=index)
                for index, r in enumerate(records)]

    for new_index, (old_index, _how) in sorted(match_clauses(versions(old),
                                                             versions(new)).items()):
        was, now = old[old_index], new[new_index]
        if was["label"] and now["label"] and was["anchor"] != now["anchor"]:
            warn("renamed-label", __("clause {number} ({title}): its anchor {anchor} was "
                                     "{was} in {previous}, so links to that clause differ "
                                     "between the versions (give both the same label after "
                                     "the label-prefix)").format(
                                         number=now["number"], title=now["title"],
                                         anchor=repr(now["anchor"]), was=repr(was["anchor"]),
                                         previous=repr(previous)), (docname, now["line"]))


def setup_lifecycle(app: Sphinx) -> None:
    app.connect("env-check-consistency", check_versions)
