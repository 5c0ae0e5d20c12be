"""The site as a whole: strict build, navigation, publishing and tooling."""

from __future__ import annotations

import json
import pickle
import re
import runpy

import jsonschema
import yaml
from sitebuild import REPO


def read_conf() -> dict:
    """The values that the site's conf.py sets, read as Sphinx reads them."""
    return runpy.run_path(str(REPO / "conf.py"))


# Read the Docs' published schema of .readthedocs.yaml (version 2), kept in
# the repository so that the test runs where only the repository exists.
SCHEMA = REPO / "tests" / "data" / "readthedocs-config-v2.schema.json"


def test_site_builds_with_zero_warnings(site):
    assert site.warnings.strip() == "", site.warnings
    assert site.returncode == 0
    assert (site.outdir / "index.html").is_file()


def _page_sources() -> set[str]:
    """Docnames of every page under source/, minus what conf.py excludes."""
    config = read_conf()
    excluded = tuple(p + "/" for p in config["exclude_patterns"])
    docs = set()
    for path in (REPO / "source").rglob("*"):
        if path.suffix in (".rst", ".md"):
            rel = path.relative_to(REPO).as_posix()
            if not rel.startswith(excluded):
                docs.add(rel.rsplit(".", 1)[0])
    return docs


def test_every_page_is_in_the_toctree(site):
    with open(site.doctreedir / "environment.pickle", "rb") as f:
        env = pickle.load(f)
    reached, todo = set(), ["index"]
    while todo:
        doc = todo.pop()
        if doc not in reached:
            reached.add(doc)
            todo.extend(env.toctree_includes.get(doc, []))
    pages = _page_sources()
    assert {"source/briefing/index", "source/terms/index", "source/guide/index"} <= pages
    assert pages - reached == set()
    # Every page was built, too.
    for doc in pages:
        assert (site.outdir / f"{doc}.html").is_file(), doc


def test_home_leads_to_the_three_sections(site):
    html = site.html("index")
    for target in ("source/briefing/index.html", "source/terms/index.html",
                   "source/guide/index.html"):
        assert f'href="{target}"' in html


def test_published_site_extras(site):
    # sphinx-notfound-page, the sitemap (_ext/sitemap.py), sphinxext-opengraph
    notfound = (site.outdir / "404.html").read_text(encoding="utf-8")
    assert "Page not found" in notfound
    sitemap = (site.outdir / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>http://127.0.0.1:8000/source/terms/index.html</loc>" in sitemap
    locs = re.findall(r"<loc>http://127\.0\.0\.1:8000/([^<]+)</loc>", sitemap)
    assert locs == sorted(locs)
    assert {f"{doc}.html" for doc in _page_sources()} <= set(locs)
    assert '<meta property="og:title"' in site.html("index")
    # furo, with its light/dark switch
    assert "theme-toggle" in site.html("index")


def test_canonical_url_comes_from_read_the_docs(monkeypatch):
    url = "https://docs.example.org/en/latest/"
    monkeypatch.setenv("READTHEDOCS_CANONICAL_URL", url)
    config = read_conf()
    assert config["html_baseurl"] == url
    assert config["ogp_site_url"] == url
    assert config["notfound_urls_prefix"] == "/en/latest/"
    monkeypatch.delenv("READTHEDOCS_CANONICAL_URL")
    assert read_conf()["notfound_urls_prefix"] == "/"


def test_copyright_year_honours_source_date_epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "946684800")  # 2000-01-01
    assert read_conf()["copyright"].startswith("2000,")


def test_conf_is_strict_for_read_the_docs():
    config = read_conf()
    assert config["nitpicky"] is True
    assert config["html_theme"] == "furo"
    assert {"colon_fence", "deflist"} <= set(config["myst_enable_extensions"])
    assert {"agreement", "briefing"} <= set(config["extensions"])


def test_read_the_docs_config_validates():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    config = yaml.safe_load((REPO / ".readthedocs.yaml").read_text(encoding="utf-8"))
    jsonschema.validate(config, schema)
    assert config["version"] == 2
    assert config["sphinx"]["configuration"] == "conf.py"
    assert config["sphinx"]["fail_on_warning"] is True
    assert {"requirements": "requirements.txt"} in config["python"]["install"]
    assert config["build"]["os"] and config["build"]["tools"]["python"]


def test_requirements_are_pinned():
    lines = [line.split("#")[0].strip()
             for line in (REPO / "requirements.txt").read_text().splitlines()]
    lines = [line for line in lines if line]
    assert all(re.fullmatch(r"[A-Za-z0-9_.\-\[\]]+==[0-9][^\s;]*", line) for line in lines), lines
    names = {line.split("==")[0].lower().replace("_", "-") for line in lines}
    for needed in ("sphinx", "furo", "myst-parser", "sphinx-autobuild",
                   "sphinxcontrib-bibtex", "sphinx-notfound-page",
                   "sphinxext-opengraph", "pytest", "jsonschema", "pyyaml"):
        assert needed in names, needed
