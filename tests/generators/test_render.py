"""Render the generated documents with LibreOffice and check the pages: page counts, the 方案 on a
page of its own, page numbers outside right/left, the 版记 at the foot of the last page.

Slow (LibreOffice start-up): run with ``pytest -m slow``. Needs ``soffice`` (Debian
libreoffice-writer-nogui) and fonts-noto-cjk, which a fontconfig file written here substitutes for
the 公文 font names (仿宋_GB2312, 方正小标宋简体, 黑体 …) so the layout matches a Chinese office PC."""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest

pdfplumber = pytest.importorskip("pdfplumber")

pytestmark = pytest.mark.slow

FONTS_CONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  {aliases}
</fontconfig>
"""
ALIASES = {
    "仿宋_GB2312": "Noto Serif CJK SC",
    "方正小标宋简体": "Noto Serif CJK SC",
    "宋体": "Noto Serif CJK SC",
    "黑体": "Noto Sans CJK SC",
    "楷体_GB2312": "Noto Serif CJK SC",
}
PAGE_HEIGHT = 841.9
TEXT_BOTTOM = PAGE_HEIGHT - 35 / 25.4 * 72  # the 版心's bottom edge, in points from the top
LINE = 28.95


@pytest.fixture(scope="module")
def pdfs(generated: dict, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        pytest.skip("LibreOffice (soffice) is not installed")
    work = tmp_path_factory.mktemp("render")
    conf = work / "fonts.conf"
    aliases = "\n  ".join(
        f'<alias binding="same"><family>{k}</family><prefer><family>{v}</family></prefer></alias>'
        for k, v in ALIASES.items()
    )
    conf.write_text(FONTS_CONF.format(aliases=aliases), encoding="utf-8")
    paths = []
    for kind, result in generated.items():
        path = work / f"{kind}.docx"
        path.write_bytes(result.data)
        paths.append(str(path))
    profile = work / f"lo-profile-{uuid.uuid4().hex}"
    env = dict(os.environ, FONTCONFIG_FILE=str(conf), HOME=str(work))
    proc = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work),
            *paths,
        ],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        check=False,
    )
    out = {kind: work / f"{kind}.pdf" for kind in generated}
    missing = [k for k, p in out.items() if not p.exists()]
    assert not missing, f"LibreOffice did not convert {missing}: {proc.stdout}\n{proc.stderr}"
    return out


def _pages(path: Path) -> list[list[dict]]:
    with pdfplumber.open(path) as pdf:
        return [page.extract_words(keep_blank_chars=True) for page in pdf.pages]


def _body(words: list[dict]) -> list[dict]:
    return [w for w in words if w["bottom"] < TEXT_BOTTOM + 2]


def _footer(words: list[dict]) -> list[dict]:
    return [w for w in words if w["top"] > TEXT_BOTTOM + 2]


def _lines(words: list[dict]) -> list[str]:
    rows: dict[int, list[dict]] = {}
    for w in words:
        rows.setdefault(round(w["top"]), []).append(w)
    return [
        "".join(w["text"] for w in sorted(row, key=lambda w: w["x0"])).replace(" ", "")
        for _, row in sorted(rows.items())
    ]


def test_page_counts(pdfs: dict[str, Path]) -> None:
    assert len(_pages(pdfs["notice"])) == 2
    assert 5 <= len(_pages(pdfs["plan"])) <= 9
    assert len(_pages(pdfs["pledge"])) == 2


def test_notice_page_one_has_the_red_header_and_title(pdfs: dict[str, Path]) -> None:
    lines = _lines(_body(_pages(pdfs["notice"])[0]))
    assert lines[0] == "云南省总工会文件"
    assert lines[1] == "云工通〔2026〕5号"
    assert lines[2].startswith("关于做好2026年")


def test_plan_starts_on_a_new_page_after_the_signed_notice(pdfs: dict[str, Path]) -> None:
    pages = [_lines(_body(words)) for words in _pages(pdfs["plan"])]
    # The notice does not fit page 1 at 28.95 pt (5.2.3): it runs on, and its last 正文 line goes with
    # the 署名 and date to page 2, which are never alone there (7.3.5.5).
    signed = next(i for i, lines in enumerate(pages) if "2026年4月10日" in lines)
    date_at = pages[signed].index("2026年4月10日")
    assert any(line.endswith("。") for line in pages[signed][: date_at - 1]), pages[signed]
    starts = [i for i, lines in enumerate(pages) if lines and lines[0] == "附件"]
    assert starts == [signed + 1]
    assert pages[signed + 1][1].startswith("昆明地区2026年职工")  # the label, then the 方案's own title
    assert not any(line.startswith("昆明地区2026年职工") for line in pages[signed])


def test_page_numbers_alternate_sides(pdfs: dict[str, Path]) -> None:
    with pdfplumber.open(pdfs["plan"]) as pdf:
        width = pdf.pages[0].width
    for i, words in enumerate(_pages(pdfs["plan"]), start=1):
        footer = _footer(words)
        text = "".join(w["text"] for w in footer).replace(" ", "")
        assert text == f"—{i}—", text
        centre = (min(w["x0"] for w in footer) + max(w["x1"] for w in footer)) / 2
        assert (centre > width / 2) == (i % 2 == 1)


@pytest.mark.parametrize("kind", ["notice", "plan"])
def test_imprint_sits_at_the_foot_of_the_last_page(pdfs: dict[str, Path], kind: str) -> None:
    last = _body(_pages(pdfs[kind])[-1])
    lines = _lines(last)
    assert lines[-1].endswith("印发")
    bottom = max(w["bottom"] for w in last)
    assert TEXT_BOTTOM - 2 * LINE < bottom <= TEXT_BOTTOM + 1


def test_pledge_table_and_sign_block(pdfs: dict[str, Path]) -> None:
    text = ["".join(lines) for lines in (_lines(_body(w)) for w in _pages(pdfs["pledge"]))]
    assert "推荐理由" in text[0]
    assert "推荐单位（盖章）：昆明市总工会" in "".join(text)
