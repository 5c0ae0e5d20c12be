"""Auto-linking of defined terms, against its floor and its peer.

Generates one corpus of agreement pages and writes it three ways:
- real:  the `agreement` extension, terms defined with `define` and used as
         plain words that the extension links automatically;
- floor: the same sources built with bench/floor/agreement, a stub that only
         parses the markup (no numbering, no linking, no checks);
- peer:  the same text written with Sphinx's own `glossary` and an explicit
         `:term:` role at every use;
- critique: the real build with the plain-language critique on
         (``agreement_critique = True``: reading figures, word checks and
         their warnings; the corpus's long sentences warn).
It prints the time ratio real/floor (target ≤ 1.15) and critique/floor
(target ≤ 1.30) at 50 and at 500
defined terms per page, and real/peer in time (target ≤ 0.5) and peak memory
(target ≤ 0.8). Then how the real build scales with the text: the same
pages with ten times the uses of terms must take at most 11 times as long.

    .venv/bin/python bench/autolink_bench.py [--pages 60] [--uses 550] [--runs 2]

With --spread 56 58 60 62 64 66 it prints instead the ratio real/floor for
corpora of those numbers of pages, and their range and median: how much a
single figure may move.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import tempfile
from pathlib import Path

from common import REPO, BuildResult, best_of_each, report, sphinx_build

WORDS_A = ("Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Lambda Sigma Omega "
           "Amber Basalt Cobalt Dune Ember Fjord Garnet Harbor Indigo Jasper Krypton Lumen "
           "Marble Nickel Onyx Pearl Quartz Russet Slate Topaz Umber Velvet Willow Xenon "
           "Yarrow Zircon").split()
WORDS_B = ("Service Platform License Account Model Dataset Order Invoice Report Module "
           "Record Portal Channel Device Ledger Policy Profile Request Schedule Token").split()
#: The Japanese corpus: terms of three parts, text without spaces.
JA_WORDS_A = ("アルファ ベータ ガンマ デルタ イプシロン ゼータ イータ シータ "
              "イオタ カッパ ラムダ シグマ オメガ アンバー バサルト コバルト "
              "デューン エンバー フィヨルド ガーネット ハーバー インディゴ "
              "ジャスパー クリプトン ルーメン マーブル ニッケル オニキス パール "
              "クォーツ ラセット スレート トパーズ アンバー2 ベルベット ウィロー "
              "キセノン ヤロウ ジルコン ルビー").split()
JA_WORDS_B = ("役務 基盤 許諾 口座 模型 資料 注文 請求 報告 部品 記録 窓口 経路 端末 台帳 方針 "
              "情報 依頼 日程 証票").split()
JA_FILLER = ("当事者は この契約に基づき 合理的な努力により 書面による事前の同意なく 通知期間内に "
             "適用される場合には 他の目的のために いずれかの当事者が 解除されるまで すべての義務を "
             "確保するため 提供するものとし").split()
FILLER = ("the party shall provide any such within notice period under this agreement "
          "and may not use for other purpose without prior written consent of each "
          "where applicable in accordance with reasonable efforts to ensure that all "
          "obligations remain in effect until terminated by either side").split()

CONF = {
    "real": "import sys\nsys.path.insert(0, {ext!r})\nextensions = ['agreement']\n",
    "floor": "import sys\nsys.path.insert(0, {floor!r})\nextensions = ['agreement']\n",
    "peer": "extensions = []\n",
    "critique": "import sys\nsys.path.insert(0, {ext!r})\nextensions = ['agreement']\n"
                "agreement_critique = True\n",
    "real-ja": "import sys\nsys.path.insert(0, {ext!r})\nextensions = ['agreement']\n"
               "language = 'ja'\n",
    "floor-ja": "import sys\nsys.path.insert(0, {floor!r})\nextensions = ['agreement']\n"
                "language = 'ja'\n",
}
#: The Japanese corpus's variants (write_japanese_corpus).
JA_KINDS = ("real-ja", "floor-ja")
#: The variants that are the real extension's markup.
REAL_KINDS = ("real", "floor", "critique")


def term_names(count: int, offset: int) -> list[str]:
    """`count` distinct three-word terms, unique across the whole corpus."""
    names = []
    for i in range(offset, offset + count):
        a, rest = WORDS_A[i % len(WORDS_A)], i // len(WORDS_A)
        b, c = WORDS_B[rest % len(WORDS_B)], WORDS_A[(rest // len(WORDS_B)) % len(WORDS_A)]
        names.append(f"{a} {c} {b}")
    return names


def _start_corpus(root: Path, kinds: tuple[str, ...]) -> None:
    """A folder with its conf.py for each variant of a corpus."""
    for kind in kinds:
        (root / kind).mkdir(parents=True)
        (root / kind / "conf.py").write_text(CONF[kind].format(
            ext=str(REPO / "_ext"), floor=str(REPO / "bench" / "floor")))


def _finish_corpus(root: Path, kinds: tuple[str, ...], pages: int) -> None:
    """The index of each variant: a toctree of its pages."""
    index = ["Corpus", "======", "", ".. toctree::", ""]
    index += [f"   page{p:03d}" for p in range(pages)]
    for kind in kinds:
        (root / kind / "index.rst").write_text("\n".join(index) + "\n", "utf-8")


def _uses_of_clause(names: list[str], clause: int, count: int,
                    rng: random.Random) -> list[str]:
    """The `count` uses of terms in clause `clause`, in a shuffled order:
    over the clauses every term is used, the rest of the uses repeat them."""
    chosen = [names[(clause * count + k) % len(names)] for k in range(count)]
    rng.shuffle(chosen)
    return chosen


def japanese_term_names(count: int, offset: int) -> list[str]:
    """`count` distinct three-part Japanese terms (no spaces)."""
    names = []
    for i in range(offset, offset + count):
        a, rest = JA_WORDS_A[i % len(JA_WORDS_A)], i // len(JA_WORDS_A)
        b = JA_WORDS_B[rest % len(JA_WORDS_B)]
        c = JA_WORDS_A[(rest // len(JA_WORDS_B)) % len(JA_WORDS_A)]
        names.append(f"{a}{c}{b}")
    return names


def write_japanese_corpus(root: Path, pages: int, terms: int, uses: int,
                          clauses: int = 10) -> None:
    """The corpus of write_corpus in Japanese, as a real and a floor build:
    the same pages, clauses, definitions and uses, in text without spaces
    between words (so that terms are found by their characters)."""
    rng = random.Random(terms * 7919 + pages + 1)
    _start_corpus(root, JA_KINDS)
    for p in range(pages):
        names = japanese_term_names(terms, p * terms)
        body = [f"契約{p}", "=" * 20, "", ".. agreement::", "   :provider: 例示株式会社",
                "   :last-updated: 2025-07-15", ""]
        per_clause_terms = [names[i::clauses] for i in range(clauses)]
        uses_left = uses
        for c in range(clauses):
            title = f"{JA_FILLER[(p + c) % len(JA_FILLER)]}に関する条項{c}"
            body += [title, "-" * (2 * len(title)), ""]
            for name in per_clause_terms[c]:
                # reST needs an escaped space between a role and Japanese text.
                body += [f":define:`{name}`\\ とは、この契約における{name}をいう。", ""]
            chosen = _uses_of_clause(names, c, uses_left // (clauses - c), rng)
            uses_left -= len(chosen)
            for start in range(0, len(chosen), 8):
                sentence = "".join(
                    "".join(rng.choice(JA_FILLER) for _ in range(rng.randint(2, 4))) + name + "を"
                    for name in chosen[start:start + 8])
                body += [sentence + "利用する。", ""]
        for kind in JA_KINDS:
            (root / kind / f"page{p:03d}.rst").write_text("\n".join(body), "utf-8")
    _finish_corpus(root, JA_KINDS, pages)


def plural_of(name: str) -> str:
    """The plural of a term (its last word is one of WORDS_B)."""
    return name[:-1] + "ies" if name.endswith("y") else name + "s"


def write_corpus(root: Path, pages: int, terms: int, uses: int, clauses: int = 10,
                 kinds: tuple[str, ...] = ("real", "floor", "peer", "critique")) -> None:
    """Write the variants `kinds` of the corpus under root/{real,floor,peer}."""
    rng = random.Random(terms * 7919 + pages)
    _start_corpus(root, kinds)
    for p in range(pages):
        names = term_names(terms, p * terms)
        body = {kind: [f"Agreement {p}", "=" * 20, ""]
                for kind in ("real", "floor", "peer", "critique")}
        for kind in REAL_KINDS:
            body[kind] += [".. agreement::", "   :provider: Example Corp.",
                           "   :last-updated: 2025-07-15", ""]
        per_clause_terms = [names[i::clauses] for i in range(clauses)]
        uses_left = uses
        for c in range(clauses):
            title = f"Clause about {FILLER[(p + c) % len(FILLER)]} {c}"
            for kind in body:
                body[kind] += [title, "-" * len(title), ""]
            definitions = per_clause_terms[c]
            if definitions:
                body["peer"] += [".. glossary::", ""]
                for name in definitions:
                    meaning = f"means the {name.lower()} in this agreement."
                    body["peer"] += [f"   {name}", f"      {meaning}", ""]
                    for kind in REAL_KINDS:
                        body[kind] += [f":define:`{name}` {meaning}", ""]
            chosen = _uses_of_clause(names, c, uses_left // (clauses - c), rng)
            uses_left -= len(chosen)
            for start in range(0, len(chosen), 8):
                real, peer = [], []
                for name in chosen[start:start + 8]:
                    filler = " ".join(rng.choice(FILLER) for _ in range(rng.randint(4, 9)))
                    plural = rng.random() < 0.2
                    real.append(f"{filler} {plural_of(name) if plural else name}")
                    peer.append(f"{filler} :term:`{plural_of(name)} <{name}>`" if plural
                                else f"{filler} :term:`{name}`")
                for kind, words in (("real", real), ("floor", real), ("peer", peer),
                                    ("critique", real)):
                    body[kind] += [" ".join(words) + ".", ""]
        for kind in kinds:
            (root / kind / f"page{p:03d}.rst").write_text("\n".join(body[kind]), "utf-8")
    _finish_corpus(root, kinds, pages)


def main() -> list[dict]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=60)
    parser.add_argument("--uses", type=int, default=550, help="uses of terms per page")
    parser.add_argument("--runs", type=int, default=2, help="builds per variant (best kept)")
    parser.add_argument("--terms", type=int, nargs="+", default=[50, 500])
    parser.add_argument("--spread", type=int, nargs="+", metavar="PAGES",
                        help="only print the time ratio real/floor of corpora of these "
                             "numbers of pages (no figures): how far it moves with the size")
    args = parser.parse_args()
    if args.spread:
        spread(args)
        return []
    rows = []
    print(f"corpus: {args.pages} agreement pages, {args.pages * args.uses} uses of terms")
    for terms in args.terms:
        times = timed_corpus(args.pages, terms, args.uses, args.runs,
                             ("real", "floor", "peer", "critique"))
        for kind, result in times.items():
            print(f"  {terms} terms/page, {kind:<5}: {result.seconds:6.2f} s, "
                  f"peak {result.peak_bytes / 2**20:6.0f} MiB")
        rows.append(report(f"autolink time / floor ({terms} terms/page)",
                           times["real"].seconds / times["floor"].seconds, 1.15))
        rows.append(report(f"autolink time, critique on / floor ({terms} terms/page)",
                           times["critique"].seconds / times["floor"].seconds, 1.30))
        rows.append(report(f"autolink time / glossary peer ({terms} terms/page)",
                           times["real"].seconds / times["peer"].seconds, 0.5))
        rows.append(report(f"autolink peak memory / glossary peer ({terms} terms/page)",
                           times["real"].peak_bytes / times["peer"].peak_bytes, 0.8))
        rows.append(report(f"autolink peak memory / floor ({terms} terms/page)",
                           times["real"].peak_bytes / times["floor"].peak_bytes, 1.3))
    rows.append(japanese(args))
    rows.append(scaling(args))
    return rows


def japanese(args: argparse.Namespace) -> dict:
    """The time ratio real/floor of the corpus of the same size in Japanese
    (50 terms a page): terms matched by their characters, not by words."""
    terms = 50
    root = Path(tempfile.mkdtemp(prefix="autolink-ja-"))
    try:
        write_japanese_corpus(root, args.pages, terms, args.uses)
        times = best_of_each(args.runs, {
            kind: lambda k=kind: sphinx_build(root / k, root / f"_out-{k}") for kind in JA_KINDS})
    finally:
        shutil.rmtree(root, ignore_errors=True)
    for kind, result in times.items():
        print(f"  Japanese, {terms} terms/page, {kind:<8}: {result.seconds:6.2f} s, "
              f"peak {result.peak_bytes / 2**20:6.0f} MiB")
    return report(f"autolink time / floor (Japanese, {terms} terms/page)",
                  times["real-ja"].seconds / times["floor-ja"].seconds, 1.15)


def timed_corpus(pages: int, terms: int, uses: int, runs: int,
                 kinds: tuple[str, ...]) -> dict[str, BuildResult]:
    """Write the variants `kinds` of a corpus in a throw-away folder and
    time the clean build of each (best of `runs`, variants in turn)."""
    root = Path(tempfile.mkdtemp(prefix=f"autolink-{terms}-{pages}-"))
    try:
        write_corpus(root, pages, terms, uses, kinds=kinds)
        return best_of_each(runs, {
            kind: lambda k=kind: sphinx_build(root / k, root / f"_out-{k}") for kind in kinds})
    finally:
        shutil.rmtree(root, ignore_errors=True)


def spread(args: argparse.Namespace) -> None:
    """The time ratio real/floor for each number of pages in args.spread.
    The ratio moves by several per cent from one corpus to the next and from
    one run to the next, partly with where CPython's full garbage
    collections fall (after a count of allocations, not at fixed points of
    the build): a single figure is one draw from that range."""
    for terms in args.terms:
        ratios = []
        for pages in args.spread:
            times = timed_corpus(pages, terms, args.uses, args.runs, ("real", "floor"))
            ratios.append(times["real"].seconds / times["floor"].seconds)
            print(f"  {terms} terms/page, {pages} pages: real {times['real'].seconds:6.2f} s, "
                  f"floor {times['floor'].seconds:6.2f} s, ratio {ratios[-1]:.3f}x", flush=True)
        print(f"  {terms} terms/page: ratio from {min(ratios):.3f}x to {max(ratios):.3f}x, "
              f"median {statistics.median(ratios):.3f}x", flush=True)


def scaling(args: argparse.Namespace) -> dict:
    """Time of the real build of the same pages (50 terms each) with ten
    times the uses of terms, over the time with the usual uses. The build
    without any use is timed too and printed: the ratio of the times above
    it is the growth of the part of the build that grows with the text."""
    pages, terms = max(1, args.pages // 3), 50
    root = Path(tempfile.mkdtemp(prefix="autolink-scale-"))
    try:
        for factor in (0, 1, 10):
            write_corpus(root / f"x{factor}", pages, terms, args.uses * factor, kinds=("real",))
        results = best_of_each(args.runs, {
            factor: lambda f=factor: sphinx_build(root / f"x{f}" / "real", root / f"_out-x{f}")
            for factor in (0, 1, 10)})
    finally:
        shutil.rmtree(root, ignore_errors=True)
    seconds = {factor: result.seconds for factor, result in results.items()}
    print(f"  {pages} pages, {terms} terms/page, real: no uses {seconds[0]:.2f} s, "
          f"{args.uses}/page {seconds[1]:.2f} s, {args.uses * 10}/page {seconds[10]:.2f} s "
          f"(beyond the build without uses: "
          f"{(seconds[10] - seconds[0]) / (seconds[1] - seconds[0]):.2f}x)")
    return report("autolink time, 10x the text / 1x", seconds[10] / seconds[1], 11)


if __name__ == "__main__":
    main()
