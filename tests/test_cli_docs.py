"""The docs stay true: their examples run, the schema file is current, every public
name is documented and every link leads somewhere."""
from __future__ import annotations

import doctest
import io
import json
import re
import shlex
import sys
from pathlib import Path

import pytest

import arabic_stats
from arabic_stats import Extraction
from arabic_stats.cli import main

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
#: The pages of issue 5 (docs/architecture.md and docs/dates.md have their own owners).
PAGES = ["getting-started.md", "api.md", "cli.md", "schema.md", "lexicons.md", "resolution.md", "walkthrough.md"]


def test_the_pages_exist() -> None:
    assert [p for p in PAGES if not (DOCS / p).is_file()] == []


@pytest.mark.parametrize("page", [p for p in PAGES if (DOCS / p).is_file()
                                  and ">>>" in (DOCS / p).read_text(encoding="utf-8")])
def test_python_examples(page: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = doctest.testfile(str(DOCS / page), module_relative=False, encoding="utf-8", report=True,
                              optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
                              globs={"__name__": "docs"})
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples of docs/{page} failed (see stdout)"


def console_examples(page: str) -> list[tuple[str, str]]:
    """(command line, expected stdout) of the ```console blocks of a page."""
    text = (DOCS / page).read_text(encoding="utf-8")
    examples = []
    for block in re.findall(r"```console\n(.*?)```", text, re.S):
        for chunk in re.split(r"^\$ ", block, flags=re.M)[1:]:
            command, _, output = chunk.partition("\n")
            examples.append((command, output))
    return examples


@pytest.mark.parametrize("page", ["cli.md", "getting-started.md"])
def test_command_examples(page: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    examples = console_examples(page)
    assert examples
    for command, expected in examples:
        stdin = ""
        if command.startswith("echo "):
            echo, _, command = command.partition(" | ")
            stdin = shlex.split(echo)[1] + "\n"
        argv = shlex.split(command)
        assert argv[0] == "arabic-stats", command
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin.encode()), encoding="utf-8"))
        main(argv[1:])
        assert capsys.readouterr().out == expected, command


def test_schema_file_is_current() -> None:
    written = json.loads((DOCS / "schema.json").read_text(encoding="utf-8"))
    assert written == Extraction.model_json_schema(), "regenerate it: see docs/schema.md"


def test_every_public_name_is_in_the_api_reference() -> None:
    api = (DOCS / "api.md").read_text(encoding="utf-8")
    missing = [name for name in arabic_stats.__all__ if not re.search(rf"`(arabic_stats\.)?{re.escape(name)}\b", api)]
    assert missing == []


def test_links_lead_somewhere() -> None:
    broken = []
    for page in PAGES:
        for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", (DOCS / page).read_text(encoding="utf-8")):
            if not re.match(r"[a-z]+:", target) and not (DOCS / target).exists():
                broken.append(f"{page} -> {target}")
    assert broken == []
