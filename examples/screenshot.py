"""A picture of the highlighted view of an article, taken with headless Chromium.

    python examples/screenshot.py                       # docs/highlighted-article.png
    python examples/screenshot.py article.txt --out picture.png --reference-date 2025-12-17

The page is what ``arabic-stats extract --format html`` writes, with the hover text of
one highlight opened so that the picture shows it too. Needs a ``chromium`` (Debian's
package) on the PATH; Pillow, when installed, makes the PNG smaller.
"""
from __future__ import annotations

import argparse
import datetime as dt
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import arabic_stats
from arabic_stats.render import render_page

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "fixtures" / "002_998fd68fe5c758e3.txt"
# Open the hover text of the first fact with a platform (else of the first fact).
OPEN = """<script>
const facts = [...document.querySelectorAll(".as-text mark.as-fact")];
(facts.find(m => m.dataset.tip.includes("platform")) || facts[0])?.classList.add("as-open");
</script>"""
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars"]
HEIGHT = """<script>document.title = document.documentElement.scrollHeight;</script>"""


def chromium(*args: str, profile: Path) -> str:
    exe = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)
    if exe is None:
        sys.exit("no chromium on the PATH (apt-get install -y chromium)")
    done = subprocess.run([exe, *FLAGS, f"--user-data-dir={profile}", *args], capture_output=True, text=True,
                          timeout=120, check=True)
    return done.stdout


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("article", nargs="?", type=Path, default=SEED)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "highlighted-article.png")
    parser.add_argument("--reference-date", type=dt.date.fromisoformat, default=dt.date(2025, 12, 17))
    parser.add_argument("--width", type=int, default=1000)
    args = parser.parse_args(argv)

    ext = arabic_stats.extract(args.article.read_text(encoding="utf-8"), args.reference_date)
    page = render_page([(args.article.name, ext)])
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "measure.html").write_text(page.replace("</body>", HEIGHT + "</body>"), encoding="utf-8")
        dom = chromium(f"--window-size={args.width},800", "--dump-dom", (work / "measure.html").as_uri(),
                       profile=work / "profile")
        height = int(dom.split("<title>", 1)[1].split("</title>", 1)[0])
        (work / "page.html").write_text(page.replace("</body>", OPEN + "</body>"), encoding="utf-8")
        chromium(f"--window-size={args.width},{height}", f"--screenshot={args.out.resolve()}",
                 (work / "page.html").as_uri(), profile=work / "profile")
    try:
        from PIL import Image
    except ImportError:
        pass
    else:
        Image.open(args.out).convert("RGB").quantize(colors=64).save(args.out, optimize=True)
    print(f"{args.out} ({args.width}x{height})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
