"""The two places where the extensions rely on another package's internals,
because it offers no public way (each in one adapter module that says so):
these tests fail loudly when a release of that package changes them.

- ``briefing.bibtex``: sphinxcontrib-bibtex's per-document ``temp_data``
  (the pending footnotes a page's `footbibliography` would print, the
  names of the footnotes of each key) and its parsed entries;
- ``agreement.toc_copies``: Sphinx's copies of the headings in ``env.tocs``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import sitebuild  # noqa: F401 - puts _ext/ on sys.path, as the site's conf.py does
from docutils import nodes
from sphinx.testing.util import SphinxTestApp

from agreement.clause_refs import clause_reference
from briefing import bibtex

BIB = "@misc{deck, title = {The deck}, year = {2023}}\n"


def build(srcdir: Path, files: dict[str, str], **kwargs) -> SphinxTestApp:
    for name, text in files.items():
        (srcdir / name).write_text(text, encoding="utf-8")
    app = SphinxTestApp("html", srcdir=srcdir, freshenv=True, **kwargs)
    app.build()
    return app


def test_sphinxcontrib_bibtex_keeps_pending_footnotes_in_temp_data(tmp_path, monkeypatch):
    """A footcite leaves its footnote in the temp data keys that
    `PlaceSourceNotes` reads, as a container, with the key among the new
    references; a footbibliography moves it to the old ones."""
    seen: list[dict] = []
    apply = bibtex.PlaceSourceNotes.apply

    def spy(self, **kwargs):
        temp = self.env.temp_data
        seen.append({key: temp.get(key) for key in (bibtex.NEW_REFS, bibtex.OLD_REFS,
                                                   bibtex.BIBLIOGRAPHY)})
        seen[-1]["new_refs_copy"] = set(temp.get(bibtex.NEW_REFS) or ())
        return apply(self, **kwargs)

    monkeypatch.setattr(bibtex.PlaceSourceNotes, "apply", spy)
    app = build(tmp_path, {
        "conf.py": "extensions = ['sphinxcontrib.bibtex', 'briefing']\n"
                   "bibtex_bibfiles = ['refs.bib']\nbibtex_foot_reference_style = 'foot'\n",
        "refs.bib": BIB,
        "index.rst": "Index\n=====\n\n.. metric:: 16x\n   :label: a figure\n   :source: deck\n",
    })
    try:
        assert app.statuscode == 0, app.warning.getvalue()
        index = next(entry for entry in seen if entry["new_refs_copy"])
        assert index["new_refs_copy"] == {"deck"}, "sphinxcontrib-bibtex renamed its new refs"
        assert isinstance(index[bibtex.OLD_REFS], set), "sphinxcontrib-bibtex renamed its old refs"
        assert isinstance(index[bibtex.BIBLIOGRAPHY], nodes.container), \
            "sphinxcontrib-bibtex keeps its pending footnotes elsewhere"
        # And the adapter placed the note on the page.
        html = (Path(app.outdir) / "index.html").read_text("utf-8")
        assert "briefing-source-notes" in html and "The deck" in html
    finally:
        app.cleanup()


def test_sphinxcontrib_bibtex_names_each_keys_footnote_and_keeps_its_entries(tmp_path):
    """The register reads a note's key back from ``bibtex_footcite_names``
    (key -> the footnote's name) and its title from the ``cite`` domain's
    parsed entries: a figure's source is then its key and title."""
    app = build(tmp_path, {
        "conf.py": "extensions = ['sphinxcontrib.bibtex', 'briefing']\n"
                   "bibtex_bibfiles = ['refs.bib']\nbibtex_foot_reference_style = 'foot'\n",
        "refs.bib": BIB,
        "index.rst": "Index\n=====\n\n.. metric:: 16x\n   :label: a figure\n   :source: deck\n"
                     "\n.. figures::\n",
    })
    try:
        assert app.statuscode == 0, app.warning.getvalue()
        record = app.env.get_domain("briefing").figures["index"][0]
        assert [source["key"] for source in record["sources"]] == ["deck"], \
            "sphinxcontrib-bibtex no longer keeps bibtex_footcite_names"
        assert bibtex.entry_title(app.env, "deck") == "The deck", \
            "sphinxcontrib-bibtex keeps its entries elsewhere"
        html = (Path(app.outdir) / "index.html").read_text("utf-8")
        assert 'href="#footcite-deck"' in html
    finally:
        app.cleanup()


@pytest.mark.parametrize("syntax", ["rst", "md"])
def test_sphinx_keeps_copies_of_the_headings_in_env_tocs(tmp_path, syntax):
    heading = {"rst": "Fees under :clause:`other-fees`\n-------------------------------\n",
               "md": "## Fees under {clause}`other-fees`\n"}[syntax]
    page = {"rst": "Terms\n=====\n\n.. agreement::\n   :provider: A\n   :last-updated: 2025-07-15"
                   "\n\n.. _own-fees:\n\n",
            "md": "# Terms\n\n```{agreement}\n:provider: A\n:last-updated: 2025-07-15\n```\n\n"
                  "(own-fees)=\n"}[syntax] + heading + "\nText.\n"
    other = ("Other\n=====\n\n.. agreement::\n   :provider: B\n   :last-updated: 2025-07-15\n\n"
             ".. _other-fees:\n\nFees\n----\n\nText.\n")
    app = build(tmp_path, {
        "conf.py": "extensions = ['myst_parser', 'agreement']\n",
        "index.rst": "Index\n=====\n\n.. toctree::\n\n   terms\n   other\n",
        f"terms.{syntax}": page, "other.rst": other,
    })
    try:
        assert app.statuscode == 0, app.warning.getvalue()
        tocs = app.env.tocs
        assert isinstance(tocs, dict) and isinstance(tocs["terms"], nodes.bullet_list), \
            "Sphinx no longer keeps the tables of contents in env.tocs"
        copies = list(tocs["terms"].findall(clause_reference))
        assert len(copies) == 1, "Sphinx no longer copies the heading's nodes into env.tocs"
        assert copies[0].astext() == "Section 1 of Other"
    finally:
        app.cleanup()
