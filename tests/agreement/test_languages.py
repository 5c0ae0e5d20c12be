"""The agreement extension in another language (issue 20, in part): every
word it generates goes through its message catalog, the Japanese catalog
translates every one, and a ``language = "ja"`` build writes Japanese legal
forms -- 第10条, 第4条から第10条まで, lists with 、 and 及び, 第3.1条, the
agreement's title before の from another page -- Japanese dates, 「…」
around a defined term, and Japanese headers, notices, tables and feeds.
The English forms are tested, unchanged, by the other modules."""

from __future__ import annotations

import ast
import json
import re
from typing import TYPE_CHECKING

import feedparser
import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup
from sitebuild import REPO, ROOTS, build_site

if TYPE_CHECKING:
    from pathlib import Path

EXTENSIONS = ["agreement", "briefing"]
#: The message catalogs: the extensions', and that of the pieces they share.
CATALOGS = [*EXTENSIONS, "foundation"]


def catalog_dir(extension: str) -> Path:
    return REPO / "_ext" / extension / "locale" / "ja" / "LC_MESSAGES"


def generated_messages(package: Path) -> dict[str, str]:
    """Every message the package's code passes to ``_()`` or ``__()``, with
    where: a literal first argument (an f-string there would be a bug)."""
    found: dict[str, str] = {}
    for path in sorted(package.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in {"_", "__"} and node.args):
                argument = node.args[0]
                assert isinstance(argument, ast.Constant), f"{path.name}:{node.lineno}"
                found.setdefault(argument.value, f"{path.name}:{node.lineno}")
    return found


@pytest.mark.parametrize("extension", CATALOGS)
def test_every_generated_word_has_a_japanese_entry(extension):
    with (catalog_dir(extension) / f"{extension}.po").open("rb") as stream:
        catalog = read_po(stream)
    messages = generated_messages(REPO / "_ext" / extension)
    assert len(messages) >= (15 if extension in EXTENSIONS else 4)
    missing = {message: where for message, where in messages.items()
               if not (catalog.get(message) and catalog.get(message).string)}
    assert missing == {}
    # Every placeholder of a message is kept by its translation.
    for message in messages:
        wanted = set(re.findall(r"\{\w+\}", message))
        assert set(re.findall(r"\{\w+\}", catalog.get(message).string)) == wanted, message


#: The functions that emit a warning, and the position of their message:
#: ``warn(subtype, message, location)``, the registry's ``.warn`` (the same
#: arguments) and ``defer_warning(node, subtype, message)``.
WARNING_FUNCTIONS = {"warn": 1, "defer_warning": 2}


def _called_name(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return None


def _message_argument(call: ast.Call, position: int) -> ast.expr | None:
    if len(call.args) > position:
        return call.args[position]
    return next((keyword.value for keyword in call.keywords if keyword.arg == "message"), None)


def _is_translated(argument: ast.expr) -> bool:
    """``__("...")`` or ``__("...").format(...)``."""
    if (isinstance(argument, ast.Call) and isinstance(argument.func, ast.Attribute)
            and argument.func.attr == "format"):
        argument = argument.func.value
    return (isinstance(argument, ast.Call) and isinstance(argument.func, ast.Name)
            and argument.func.id == "__")


def untranslated_warnings() -> list[str]:
    """Every warning whose message does not go through ``__()``: the calls of
    the warning functions, and of the functions that pass their ``message``
    parameter on to one (``WordCritic.found``), whose own callers are then
    checked. A message unpacked from deferred warnings (``for subtype,
    message in ...``) was checked where `defer_warning` was called."""
    trees = {path: ast.parse(path.read_text(encoding="utf-8"))
             for package in ("agreement", "briefing", "foundation")
             for path in sorted((REPO / "_ext" / package).glob("*.py"))}
    functions = dict(WARNING_FUNCTIONS)
    changed = True
    while changed:  # the wrappers, to a fixed point
        changed = False
        for tree in trees.values():
            for function in ast.walk(tree):
                if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    continue
                parameters = [argument.arg for argument in function.args.args]
                if "message" not in parameters or function.name in functions:
                    continue
                for call in ast.walk(function):
                    if not isinstance(call, ast.Call) or _called_name(call) not in functions:
                        continue
                    argument = _message_argument(call, functions[_called_name(call)])
                    if isinstance(argument, ast.Name) and argument.id == "message":
                        offset = 1 if parameters[:1] == ["self"] else 0
                        functions[function.name] = parameters.index("message") - offset
                        changed = True
                        break
    problems = []
    for path, tree in trees.items():
        for call in ast.walk(tree):
            if not isinstance(call, ast.Call) or _called_name(call) not in functions:
                continue
            argument = _message_argument(call, functions[_called_name(call)])
            if argument is None or _is_translated(argument):
                continue
            if isinstance(argument, ast.Name) and argument.id == "message":
                continue  # passed on: checked where the wrapper is called
            problems.append(f"{path.relative_to(REPO)}:{call.lineno}: {ast.unparse(argument)}")
    return problems


def test_every_warning_is_translated():
    """A warning's message is ``__("...")`` or ``__("...").format(...)``, a
    message of the console's catalog (a new untranslated warning fails)."""
    assert untranslated_warnings() == []


@pytest.mark.parametrize("extension", CATALOGS)
def test_the_compiled_catalog_is_the_catalog(extension):
    with (catalog_dir(extension) / f"{extension}.po").open("rb") as stream:
        source = {m.id: m.string for m in read_po(stream) if m.id}
    with (catalog_dir(extension) / f"{extension}.mo").open("rb") as stream:
        compiled = {m.id: m.string for m in read_mo(stream) if m.id}
    assert compiled == source


@pytest.fixture(scope="module")
def ja_features(tmp_path_factory):
    result = build_site(tmp_path_factory.mktemp("ja-features"), "-D", "language=ja",
                        srcdir=ROOTS / "test-agreement-all-features")
    assert result.returncode == 0, result.warnings
    return result


@pytest.fixture(scope="module")
def ja_lifecycle(tmp_path_factory):
    result = build_site(tmp_path_factory.mktemp("ja-lifecycle"), "-D", "language=ja",
                        srcdir=ROOTS / "test-agreement-lifecycle")
    assert result.returncode == 0, result.warnings
    return result


def text_of(result, page):
    html = result.html(page)
    page = BeautifulSoup(html, "html.parser")
    body = page.select_one("article") or page.select_one("[role=main]") or page.body
    return re.sub(r"\s+", " ", body.get_text(""))


@pytest.mark.parametrize("syntax", ["rst", "md"])
def test_japanese_clause_references(ja_features, syntax):
    text = text_of(ja_features, f"terms-{syntax}")
    assert "第2条" in text
    assert "第3条から第4条まで" in text
    assert "第1条及び第2条から第4条まで" in text
    assert "第1条、第1.1条及び第4条" in text
    assert "Section" not in text and " through " not in text


def test_japanese_reference_from_another_page(ja_features):
    text = text_of(ja_features, "notes-rst")
    title = json.loads((ja_features.outdir / "terms-rst.agreement.json").read_text())["title"]
    assert f"{title}の第4条" in text
    assert f"{title}の第1条から第2条まで" in text
    assert " of " + title not in text


@pytest.mark.parametrize("syntax", ["rst", "md"])
def test_japanese_header_terms_summary_and_index(ja_features, syntax):
    page = BeautifulSoup(ja_features.html(f"terms-{syntax}"), "html.parser")
    header = page.select_one("div.agreement-header").get_text(" ", strip=True)
    for word in ("提供者", "最終更新日", "準拠法", "2025年7月15日", "正文", "JSON形式のデータ",
                 "前の版"):
        assert word in header, word
    for word in ("Provider", "Last updated", "Governing law", "July", "Authoritative text",
                 "JSON export", "Previous version"):
        assert word not in header, word
    definition = page.select_one("dfn")
    assert definition.get_text().startswith("「") and definition.get_text().endswith("」")
    summary = page.select_one("aside.clause-summary")
    assert summary["aria-label"] == "要約"
    assert "規約本文の一部ではありません" in summary.get_text()
    index = page.select_one(".defined-terms table")
    assert [th.get_text(strip=True) for th in index.select("th")] == ["用語", "定義箇所",
                                                                       "使用箇所"]


def test_japanese_versions_notices_table_and_feed(ja_lifecycle):
    current = BeautifulSoup(ja_lifecycle.html("rst-2024"), "html.parser")
    notice = current.select_one(".agreement-changing").get_text(" ", strip=True)
    assert "2031年1月1日に発効するまで適用されます" in notice
    upcoming = BeautifulSoup(ja_lifecycle.html("rst-2031"), "html.parser")
    header = upcoming.select_one("div.agreement-header").get_text(" ", strip=True)
    assert "発効予定日" in header and "それまでは" in header
    old = BeautifulSoup(ja_lifecycle.html("rst-2023"), "html.parser")
    assert "この版は効力を失っています" in old.select_one(".agreement-superseded").get_text()
    table = BeautifulSoup(ja_lifecycle.html("archive-rst"), "html.parser").select_one(
        "table.agreement-versions")
    assert [th.get_text(strip=True) for th in table.select("th")] == [
        "版", "最終更新日", "発効日", "状態", "変更点"]
    assert [row.select("td")[3].get_text(strip=True) for row in table.select("tbody tr")] == [
        "発効前", "現行", "失効"]
    feed = feedparser.parse((ja_lifecycle.outdir / "rst-2031.atom").read_bytes())
    assert feed.bozo == 0
    assert feed.feed.title.endswith("：版の一覧")
    assert feed.entries[0].summary == "2025年11月1日の版（発効前）。"
    content = feed.entries[1].content[0].value
    assert "変更の概要" in content and "追加された条項" in content
    assert feed.feed.language == "ja"


# -- text without spaces (root test-agreement-japanese, language = "ja") ------------------


@pytest.fixture(scope="module")
def japanese(tmp_path_factory):
    return build_site(tmp_path_factory.mktemp("japanese"), srcdir=ROOTS / "test-agreement-japanese")


def paragraph_links(result, page):
    soup = BeautifulSoup(result.html(page), "html.parser")
    return [[a.get_text() for a in p.select("a.term")] for p in soup.select("section section p")]


@pytest.mark.parametrize("syntax", ["rst", "md"])
def test_terms_link_in_text_without_spaces(japanese, syntax):
    links = paragraph_links(japanese, f"terms-{syntax}")
    # Defining paragraph: 本サービス once more after its definition; the
    # longer term wins, so サービス is not found inside 本サービス.
    assert links[0] == ["本サービス", "本サービス"]
    assert links[1] == ["利用者", "本サービス", "サービス", "Services", "利用者"]
    assert links[2][:2] == ["利用者", "サービス"]
    # A Latin-script term glued to kana (LEAPのServicesを) is linked, and
    # gets no English plural in Japanese text (no "本サービスs" form).
    text = BeautifulSoup(japanese.html(f"terms-{syntax}"), "html.parser").get_text()
    assert "第1条から第2条まで" in text and "第1条及び第2条" in text


@pytest.mark.parametrize("syntax", ["rst", "md"])
def test_japanese_defining_sentence_ends_at_the_full_stop(japanese, syntax):
    # A term's description is its own sentence: the paragraph's second
    # sentence, not the whole paragraph, though no space follows 。.
    soup = BeautifulSoup(japanese.html(f"terms-{syntax}"), "html.parser")
    user = soup.select_one('a.term[href="#term-利用者"]')
    # (The reST source sets its roles apart with spaces.)
    assert user["aria-description"].replace(" ", "") == "本サービスを利用する者を「利用者」という。"
    service = soup.select_one('a.term[href="#term-本サービス"]')
    assert service["aria-description"].startswith("当社が提供する")
    assert service["aria-description"].endswith("という。")


@pytest.mark.parametrize("syntax", ["rst", "md"])
def test_japanese_definitions_must_be_marked(japanese, syntax):
    suffix = ".rst" if syntax == "rst" else ".md"
    name = f"undeclared-{syntax}{suffix}"
    lines = (ROOTS / "test-agreement-japanese" / name).read_text("utf-8").splitlines()
    expected = {(name, number, "agreement.undeclared-definition")
                for number, line in enumerate(lines, 1)
                if "以下" in line or "とは" in line}
    assert len(expected) == 3
    found = {(m[1], int(m[2]), m[3]) for m in re.finditer(
        r"([\w.-]+):(\d+): WARNING: .*? \[([\w.-]+)\]", japanese.warnings)}
    assert {f for f in found if f[0] == name} == expected
    # A corner-quoted word that is not a definition is left alone.
    assert "「本ソフト」を使う" not in japanese.warnings


def test_no_other_warnings_in_japanese_root(japanese):
    assert "terms-" not in japanese.warnings
    assert "Traceback" not in japanese.warnings


# -- governing language (root test-agreement-translated) -------------------------------


@pytest.fixture(scope="module")
def translated(tmp_path_factory):
    """The root built in Japanese and in English, from one copy (Sphinx
    writes the compiled catalogs beside their .po files)."""
    import shutil

    base = tmp_path_factory.mktemp("translated")
    source = base / "src"
    shutil.copytree(ROOTS / "test-agreement-translated", source)
    ja = build_site(base / "ja", srcdir=source)
    en = build_site(base / "en", "-D", "language=en", srcdir=source)
    return ja, en


@pytest.mark.parametrize(("page_name", "first_clause"), [("terms", "kt-use"),
                                                         ("terms-md", "km-use")])
def test_translation_notice_lists_untranslated_clauses(translated, page_name, first_clause):
    result, english = translated
    assert result.returncode == 0, result.warnings
    assert english.returncode == 0, english.warnings
    page = BeautifulSoup(result.html(page_name), "html.parser")
    notice = page.select_one("div.agreement-header > .translation-notice")
    assert notice is not None
    text = notice.get_text(" ", strip=True)
    assert "参考訳" in text and "英語版が正文" in text
    # Clause 2 (Fees) has no translation in the catalog; 1 and 3 have.
    assert "第2条" in text and "第1条" not in text and "第3条" not in text
    assert page.select_one(f"section#{first_clause} h2").get_text().startswith("1. 利用")
    # In the governing language, no notice.
    assert BeautifulSoup(english.html(page_name), "html.parser").select_one(
        ".translation-notice") is None


def test_japanese_redline_page(ja_lifecycle):
    page = BeautifulSoup((ja_lifecycle.outdir / "rst-2024.redline.html").read_text("utf-8"),
                         "html.parser")
    fragment = page.select_one(".agreement-redline")
    assert fragment.select_one(".redline-versions").get_text() == \
        "Rho Terms (2023)からRho Terms (2024)への変更点。"
    assert page.select_one("#redline-summary").get_text() == "変更の概要"
    assert page.select_one("h1").get_text() == "Rho Terms (2024)の変更点"
    statuses = {s.get_text() for s in fragment.select(".redline-status")}
    assert statuses <= {"(追加)", "(削除)", "(変更)", "(変更なし)", "(番号の変更)",
                        "(変更、番号の変更)"}
    assert "このページの読み方" in fragment.select_one(".redline-legend").get_text()
    assert fragment.select_one(".redline-legend-ins") is not None


# -- bad translations (root test-agreement-bad-translation) ----------------------------


@pytest.fixture(scope="module")
def bad_translation(tmp_path_factory):
    return build_site(tmp_path_factory.mktemp("bad-translation"),
                      srcdir=ROOTS / "test-agreement-bad-translation")


BAD = {"rst": ("terms.rst", 13, 22, 24), "md": ("terms-md.md", 11, 18, 20)}


def _warnings_of(result, name):
    return {(int(m[1]), m[2]) for m in re.finditer(
        rf"{re.escape(name)}:(\d+):.*? WARNING: .*? \[([\w.-]+)\]", result.warnings)}


@pytest.mark.parametrize("syntax", ["rst", "md"])
def test_a_bad_translation_warns_at_its_page_and_line(bad_translation, syntax):
    name, dropped_define, broken_role, translated_label = BAD[syntax]
    found = _warnings_of(bad_translation, name)
    assert (dropped_define, "agreement.lost-definition") in found
    # A label translated: the reference names no clause.
    assert (translated_label, "agreement.unknown-clause") in found
    assert (translated_label, "i18n.inconsistent_references") in found
    # A role whose markup is broken: the reference is lost (and docutils
    # reports the broken markup of a reST message).
    assert (broken_role, "i18n.inconsistent_references") in found
    if syntax == "rst":
        assert (broken_role, "docutils") in found
    assert "Traceback" not in bad_translation.warnings
    assert bad_translation.returncode != 0  # under -W


@pytest.mark.parametrize("syntax", ["rst", "md"])
def test_the_rest_of_a_badly_translated_page_is_built(bad_translation, syntax):
    page = BeautifulSoup(bad_translation.html(BAD[syntax][0].rsplit(".", 1)[0]),
                         "html.parser")
    paragraphs = [p.get_text() for p in page.select("section section p")]
    assert any("複製できる" in p for p in paragraphs)
    assert any("領収書を保管する" in p for p in paragraphs)
    # The definition the translation kept is still one.
    assert len(page.select("dfn")) == 1


def test_lost_definition_can_be_suppressed(tmp_path):
    result = build_site(tmp_path, "-D", "suppress_warnings=agreement.lost-definition",
                        srcdir=ROOTS / "test-agreement-bad-translation")
    assert "agreement.lost-definition" not in result.warnings
    assert "agreement.unknown-clause" in result.warnings


def test_a_faithful_translation_loses_no_definition(japanese, translated):
    for result in (japanese, *translated):
        assert "lost-definition" not in result.warnings
