"""Every builder Sphinx ships, on the whole site: zero warnings, no
traceback, and what each family must show of the agreements and briefings.

The site is read once (the session's HTML build); every other builder
writes from a copy of its doctrees. The PDF is compiled with latexmk and
read back with pypdf; the EPUB is checked with epubcheck. Where a tool is
missing, its tests skip with the Debian package to install; on CI
(``CI`` set) they fail instead, since .ci/run installs them.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sitebuild import FIXED_EPOCH, REPO, SiteBuild, build_site, write_linking_project

BUILDERS = ["dirhtml", "singlehtml", "epub", "latex", "text", "man", "texinfo", "xml",
            "pseudoxml", "gettext"]
TERMS = "source/terms/leap-terms-of-use"
SAMPLE_V1 = "source/guide/examples/sample-terms-v1"


def build_with(builder: str, outroot: Path, doctrees: Path) -> SiteBuild:
    """Build the site with `builder` as `make html` would (``-W --keep-going
    -n``), from the doctrees of an earlier build."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": FIXED_EPOCH}
    env.pop("READTHEDOCS_CANONICAL_URL", None)
    outdir = outroot / builder
    proc = subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", builder, "-W", "--keep-going", "-n", "-q",
         "-d", str(doctrees), str(REPO), str(outdir)],
        capture_output=True, text=True, env=env, check=False)
    return SiteBuild(REPO, outdir, doctrees, proc.returncode, proc.stderr, proc.stdout)


@pytest.fixture(scope="session")
def built(site: SiteBuild, tmp_path_factory: pytest.TempPathFactory):
    """The build of the site by a builder, made on first use and then shared."""
    assert site.returncode == 0, site.warnings
    done: dict[str, SiteBuild] = {}

    def get(builder: str) -> SiteBuild:
        if builder not in done:
            root = tmp_path_factory.mktemp(builder)
            # gettext keeps its own kind of environment (versioned nodes).
            if builder != "gettext":
                shutil.copytree(site.doctreedir, root / "doctrees")
            done[builder] = build_with(builder, root, root / "doctrees")
        return done[builder]

    return get


def need(tool: str, package: str) -> str:
    """The path of `tool`; skip (fail on CI) when it is missing."""
    path = shutil.which(tool)
    if path is None:
        message = f"{tool} is missing: apt-get install {package}"
        if os.environ.get("CI"):
            pytest.fail(f"CI must run this test but {message}")
        pytest.skip(message)
    return path


def text_of(build: SiteBuild, *patterns: str) -> str:
    return "".join(path.read_text(encoding="utf-8", errors="replace")
                   for pattern in patterns for path in sorted(build.outdir.glob(pattern)))


# -- every builder ---------------------------------------------------------------------------


@pytest.mark.parametrize("builder", BUILDERS)
def test_every_builder_writes_the_site_without_a_warning(built, builder):
    build = built(builder)
    assert build.returncode == 0, build.warnings[-3000:]
    assert build.warnings.strip() == ""
    assert "Traceback" not in build.status + build.warnings
    assert any(build.outdir.iterdir())


@pytest.mark.parametrize("builder", ["latex", "man", "texinfo", "singlehtml"])
def test_clause_references_read_as_in_html_when_documents_are_joined(built, builder):
    """Inside the Terms, a reference reads "Section 13", never "Section 13 of
    LEAP Terms of Use" (the joined tree's root is not the Terms); the older
    sample version still names its successor."""
    output = text_of(built(builder), "*.tex", "*.1", "*.texi", "index.html")
    assert "of LEAP Terms of Use" not in output
    assert output.count("Superseded by") >= 1
    if builder in ("man", "singlehtml"):  # text between the links' markup
        shown = re.sub(r"\s+", " ", re.sub(r"<[^>]+>|\\f[BIRP]", "", output))
        assert "Sections 4 through 10 and 12 through 19" in shown


def test_latex_sets_the_blocks_apart_with_the_extensions_styles(built):
    tex = text_of(built("latex"), "*.tex")
    assert r"\usepackage{sphinxagreement}" in tex and r"\usepackage{sphinxbriefing}" in tex
    assert (built("latex").outdir / "sphinxagreement.sty").is_file()
    for container in ("conspicuous", "clause-summary", "agreement-header", "technology",
                      "metric", "ranking", "timeline", "disclaimer"):
        assert rf"\begin{{sphinxuseclass}}{{{container}}}" in tex, container
    # Definitions are targets of the uses' links; the ranking's bars are drawn.
    assert r"\label{\detokenize{source/terms/leap-terms-of-use:term-customer-data}}" in tex
    assert r"\hyperref[\detokenize{source/terms/leap-terms-of-use:term-customer-data}]" in tex
    assert tex.count(r"\sphinxbriefingbar{") >= 10
    # The highlighted row of the ranking's table is bold too (LaTeX has no row
    # classes): NEC's rank, name and count, and NEC's bar's label.
    assert r"\sphinxstylestrong{NEC}" in tex and r"\sphinxstylestrong{215}" in tex
    assert r"\textbf{NEC}" in tex


def test_text_and_man_mark_conspicuous_blocks_and_summaries(built):
    text = (built("text").outdir / f"{TERMS}.txt").read_text(encoding="utf-8")
    disclaimer = text[text.index("16. Disclaimer"):text.index("17. Limitation of Liability")]
    assert "|   In short" in disclaimer
    assert disclaimer.count("=" * 60) == 2
    man = text_of(built("man"), "*.1")
    assert ".ft B" in man and ".ft R" in man
    texinfo = text_of(built("texinfo"), "*.texi")
    assert "@quotation" in texinfo and "@cartouche" in texinfo


def test_xml_is_well_formed_and_keeps_the_extensions_nodes(built):
    path = built("xml").outdir / f"{TERMS}.xml"
    tree = ET.parse(path)
    tags = {element.tag for element in tree.iter()}
    assert {"term_definition", "conspicuous_block", "summary_block"} <= tags
    assert "linked_text" not in tags  # written as text and term references


# -- outputs per builder -------------------------------------------------------------------


def test_dirhtml_links_its_own_outputs_and_its_sitemap_lists_only_real_pages(built):
    build = built("dirhtml")
    page = BeautifulSoup((build.outdir / TERMS / "index.html").read_text("utf-8"),
                         "html.parser")
    export = page.find("a", string="JSON export")["href"]
    assert (build.outdir / TERMS / export).resolve().is_file()
    assert json.loads((build.outdir / TERMS / export).read_text("utf-8"))["title"]
    sample = BeautifulSoup((build.outdir / "source/guide/examples/sample-terms-v2" /
                            "index.html").read_text("utf-8"), "html.parser")
    redline = sample.find("a", string=re.compile("redline"))["href"]
    target = (build.outdir / "source/guide/examples/sample-terms-v2" / redline).resolve()
    assert (target / "index.html" if target.is_dir() else target).is_file()
    locs = re.findall(r"<loc>http://127\.0\.0\.1:8000/([^<]*)</loc>",
                      (build.outdir / "sitemap.xml").read_text("utf-8"))
    assert len(locs) > 20
    missing = [loc for loc in locs
               if not (build.outdir / loc / "index.html" if loc.endswith("/") or not loc
                       else build.outdir / loc).is_file()]
    assert missing == []


def test_builders_that_write_no_json_link_none(built):
    for builder in ("singlehtml", "epub"):
        build = built(builder)
        pages = [*build.outdir.glob("*.html"), *build.outdir.rglob("*.xhtml")]
        hrefs = [anchor["href"] for page in pages
                 for anchor in BeautifulSoup(page.read_text("utf-8"), "html.parser")
                 .find_all("a", href=True)]
        assert hrefs, builder
        assert [href for href in hrefs if ".agreement.json" in href or ".redline" in href] == []
        assert not list(build.outdir.rglob("*.agreement.json"))
        assert not list(build.outdir.rglob("*.redline*"))
    assert not (built("singlehtml").outdir / "sitemap.xml").exists()


# -- the PDF -------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def pdf(built) -> Path:
    need("latexmk", "latexmk")
    need("xelatex", "texlive-xetex")
    path, log = compile_pdf(built("latex").outdir)
    assert "Hyper reference" not in log and "Missing character" not in log
    return path


def compile_pdf(latex_dir: Path) -> tuple[Path, str]:
    """Compile the site's LaTeX in `latex_dir` as ``make pdf`` does (latexmk,
    XeLaTeX); the PDF and the log."""
    proc = subprocess.run(["latexmk", "-pdfxe", "-interaction=nonstopmode", "-halt-on-error",
                           "corporate-documents.tex"], cwd=latex_dir,
                          capture_output=True, text=True, check=False)
    path = latex_dir / "corporate-documents.pdf"
    assert proc.returncode == 0 and path.is_file(), proc.stdout[-3000:]
    return path, (latex_dir / "corporate-documents.log").read_text(errors="replace")


def pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "".join(page.extract_text() for page in PdfReader(path).pages)


def squeezed(text: str) -> str:
    """Text without whitespace: how words are spaced in a PDF is a guess."""
    return re.sub(r"\s+", "", text)


def test_pdf_has_the_terms_clauses_references_and_defined_terms(pdf, site):
    text = squeezed(pdf_text(pdf))
    export = json.loads((site.outdir / f"{TERMS}.agreement.json").read_text("utf-8"))
    assert len(export["clauses"]) == 19
    for clause in export["clauses"]:
        assert squeezed(f"{clause['number']}. {clause['title']}") in text, clause["title"]
    assert squeezed("Sections 4 through 10 and 12 through 19") in text
    index = text[text.index(squeezed("Term Defined in Used in")):]
    for definition in export["definitions"]:
        assert squeezed(definition["term"]) in index, definition["term"]


@pytest.fixture(scope="session")
def pdf_ja(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Japanese edition's PDF, as ``make pdf-ja`` makes it."""
    need("latexmk", "latexmk")
    need("xelatex", "texlive-xetex")
    build = build_site(tmp_path_factory.mktemp("latex-ja"), "-D", "language=ja",
                       builder="latex")
    assert build.returncode == 0 and build.warnings.strip() == "", build.warnings
    path, log = compile_pdf(build.outdir)
    assert "Missing character" not in log
    return path


def test_japanese_pdf_has_the_translated_terms(pdf_ja):
    text = squeezed(pdf_text(pdf_ja))
    assert squeezed("LEAP利用規約") in text
    assert "参考訳" in text  # the notice that English governs
    assert "第4条から第10条まで及び第12条から第19条まで" in text
    assert "集計匿名データ" in text and "「集計匿名データ」" in text
    assert "生体認証" in text  # the briefing, its vocabulary in Japanese
    assert "Sections 4 through" not in text


def test_pdf_sets_the_disclaimer_in_bold_and_draws_the_ranking(pdf):
    from pypdf import PdfReader

    fonts: set[str] = set()

    def collect(text, cm, tm, font, size):
        if "as available" in text and font:
            fonts.add(str(font.get("/BaseFont")))

    for page in PdfReader(pdf).pages:
        page.extract_text(visitor_text=collect)
    assert fonts and all("Bold" in font for font in fonts), fonts
    text = squeezed(pdf_text(pdf))
    for name in ("Google", "Microsoft", "IBM", "DeepMind", "Meta Platforms", "Yahoo",
                 "Alibaba", "Amazon", "Tencent", "NEC"):
        assert squeezed(name) in text, name


# -- the EPUB ------------------------------------------------------------------------------


def test_epub_passes_epubcheck(built):
    need("java", "default-jre-headless")
    jar = Path("/usr/share/java/epubcheck.jar")
    if not jar.is_file():
        need("epubcheck-jar", "epubcheck")
    book = next(built("epub").outdir.glob("*.epub"))
    proc = subprocess.run(["java", "-jar", str(jar), str(book)], capture_output=True,
                          text=True, check=False)
    report = proc.stdout + proc.stderr
    assert re.search(r"Messages: 0 fatals? / 0 errors? ", report), report[-4000:]


# -- objects.inv: another project links to clauses, terms and technologies ----------------


def test_another_project_links_to_the_site_through_intersphinx(site, tmp_path):
    from sphinx.testing.util import SphinxTestApp

    base = "https://docs.example.org/site/"
    write_linking_project(
        tmp_path, ["agreement", "briefing"], base, site.outdir / "objects.inv",
        "Elsewhere\n=========\n\n"
        "See :clause:`confidentiality`, :use:`Customer Data` and "
        ":tech:`biometric-authentication`; also :any:`liability` and "
        ":use:`the Customer of the Terms <source/terms/leap-terms-of-use:Customer>`.\n")
    app = SphinxTestApp("html", srcdir=tmp_path, freshenv=True)
    try:
        app.build()
        assert app.warning.getvalue().strip() == ""
        page = BeautifulSoup((Path(app.outdir) / "index.html").read_text("utf-8"),
                             "html.parser")
        hrefs = {anchor.get_text(): anchor["href"] for anchor in page.select("p a")}
    finally:
        app.cleanup()
    terms = base + "source/terms/leap-terms-of-use.html"
    assert hrefs["Section 10 of LEAP Terms of Use"] == terms + "#confidentiality"
    # A term by itself is the first agreement's (by docname) that defines it.
    assert hrefs["Customer Data"] == (
        base + "source/guide/example-agreement.html#term-customer-data")
    assert hrefs["Biometric authentication"] == (
        base + "source/briefing/core-technologies.html#technology-biometric-authentication")
    assert hrefs["Section 17 of LEAP Terms of Use"] == terms + "#liability"
    assert hrefs["the Customer of the Terms"] == terms + "#term-customer"


# -- a LaTeX document of one page ------------------------------------------------------------

ONE_PAGE_FILES = {
    "conf.py": (
        "extensions = ['myst_parser', 'agreement', 'briefing']\n"
        "briefing_areas = {'llm': 'Large language models'}\n"
        "briefing_stages = {'rnd': 'R&D'}\n"
        "latex_documents = [('terms', 'terms.tex', 'Terms', 'Them', 'howto')]\n"),
    "index.rst": "Index\n=====\n\n.. toctree::\n\n   terms\n   other\n   cards\n",
    "terms.rst": (
        "Terms\n=====\n\n.. agreement::\n   :provider: A\n   :last-updated: 2025-07-15\n"
        "   :previous: other\n   :label-prefix: terms-\n\n.. _terms-fees:\n\nFees\n----\n\n"
        "See :clause:`other-fees` and :tech:`a-model`.\n\n"
        ".. technologies::\n"),
    "other.rst": (
        "Other\n=====\n\n.. agreement::\n   :provider: B\n   :last-updated: 2024-07-15\n"
        "   :label-prefix: other-\n\n"
        ".. _other-fees:\n\nFees\n----\n\nThe :define:`Fee` is due. Each Fee is paid.\n"),
    "cards.md": ("# Cards\n\n```{technology} A model\n:id: a-model\n:area: llm\n"
                 ":stage: rnd\n\nText.\n```\n"),
}


def test_a_latex_document_of_one_page_links_only_what_it_holds(tmp_path):
    """References to pages that the LaTeX document leaves out keep their
    text (Sphinx raises NoUri for a link to them)."""
    from sphinx.testing.util import SphinxTestApp

    for name, text in ONE_PAGE_FILES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    app = SphinxTestApp("latex", srcdir=tmp_path, freshenv=True)
    try:
        app.build()
        assert app.statuscode == 0
        assert app.warning.getvalue().strip() == ""
        tex = (Path(app.outdir) / "terms.tex").read_text("utf-8")
    finally:
        app.cleanup()
    assert "Section 1 of Other" in tex and "A model" in tex
    assert "Previous version" in tex
