"""Facts of Arabic news articles into a CSV file, and a chart of followers per platform.

    python examples/facts_to_csv.py                      # the articles in tests/fixtures/
    python examples/facts_to_csv.py news/*.txt --out results/

Writes ``facts.csv`` (one row per fact, with the article it comes from) and
``followers.png`` (followers per social platform, one bar per article). Needs pandas
(``pip install 'arabic-stats[pandas]'``); matplotlib is optional: without it the chart
is skipped with a message.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import arabic_stats

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"


def extract_articles(paths: list[Path]) -> dict[str, arabic_stats.Extraction]:
    """Every article's extraction, by file name (extract_many keeps the order)."""
    texts = (path.read_text(encoding="utf-8") for path in paths)
    return {path.name: ext for path, ext in zip(paths, arabic_stats.extract_many(texts))}


def followers_per_platform(facts: Any) -> Any:
    """A table of followers: one row per platform, one column per article (the largest
    figure when an article gives several)."""
    rows = facts[(facts["metric"] == "followers") & facts["platform"].notna()]
    return rows.pivot_table(index="platform", columns="doc", values="count", aggfunc="max")


def draw(table: Any, path: Path) -> bool:
    """A bar chart of ``table`` in ``path``; False (with a message) without matplotlib."""
    try:
        import matplotlib
    except ImportError:
        print("matplotlib is not installed: no chart (pip install matplotlib)", file=sys.stderr)
        return False
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 4))
    table.plot.bar(ax=ax, rot=0)
    ax.set_title("Followers per platform")
    ax.set_xlabel("platform")
    ax.set_ylabel("followers")
    ax.yaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: f"{v:,.0f}"))
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", nargs="*", type=Path, help="UTF-8 text files (default: tests/fixtures/*.txt)")
    parser.add_argument("--out", type=Path, default=Path("."), help="where to write facts.csv and followers.png")
    args = parser.parse_args(argv)
    paths = args.articles or sorted(FIXTURES.glob("*.txt"))
    args.out.mkdir(parents=True, exist_ok=True)

    facts = arabic_stats.to_frame(extract_articles(paths), what="facts")
    facts.to_csv(args.out / "facts.csv", index=False)
    print(f"{len(facts)} facts from {len(paths)} articles in {args.out / 'facts.csv'}")

    table = followers_per_platform(facts)
    if table.empty:
        print("no followers per platform in these articles: no chart")
    elif draw(table, args.out / "followers.png"):
        print(f"followers per platform in {args.out / 'followers.png'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
