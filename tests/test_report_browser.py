"""The HTML report in a real browser: headless Chromium (Debian's ``chromium``, which
``.ci/run`` installs) loads the page and the tests read what it rendered.

- ``--dump-dom`` gives the document as the browser built it: the question, the verdict
  and every claim's text must be in it.
- The width of a phone: headless Chromium will not make its window narrower than 500 px,
  so the page is loaded into a 390 px wide ``<iframe>`` of a small harness page, whose
  script measures the framed document (its ``scrollWidth`` against its ``clientWidth``,
  which map is displayed, and any visible element reaching past the right edge) and
  writes the figures into the harness's DOM for ``--dump-dom`` to return.
- Screenshots at phone and desktop widths are kept in ``tests/artifacts/`` (ignored by
  git) for a person to look at.

Each test starts Chromium a few times (about a second each), so they are marked slow.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from _support import BAKHMUT, HOSTILE, ROOT, needs_bakhmut, needs_graphviz

from arggraph.io import load
from arggraph.report import build_report, render_report

CHROMIUM = next(
    (p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None
)
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        CHROMIUM is None,
        reason="Chromium is not installed (apt-get install chromium; .ci/run installs it)",
    ),
]

#: Where the screenshots are kept (created on demand; its .gitignore ignores everything).
ARTIFACTS = ROOT / "tests" / "artifacts"
PHONE = 390
DESKTOP = 1280

_MEASURE = """<!DOCTYPE html>
<html><body style="margin:0;background:#777">
<iframe id="page" src="{src}"
 style="display:block;width:{width}px;height:900px;border:0;background:#fff"></iframe>
<pre id="result"></pre>
<script>
document.getElementById("page").addEventListener("load", function () {{
  var doc = document.getElementById("page").contentDocument, win = doc.defaultView;
  var root = doc.documentElement, wide = [];
  doc.querySelectorAll("body *").forEach(function (el) {{
    var box = el.getBoundingClientRect(), style = win.getComputedStyle(el);
    if (box.width > 0 && style.display !== "none" && box.right > root.clientWidth + 0.5
        && !el.closest(".table-wrap, .map-scroll")) {{
      wide.push(el.tagName.toLowerCase() + "." + el.className + " right=" + Math.round(box.right));
    }}
  }});
  function shown(selector) {{
    var el = doc.querySelector(selector);
    return el ? win.getComputedStyle(el).display !== "none" : null;
  }}
  document.getElementById("result").textContent = JSON.stringify({{
    scrollWidth: root.scrollWidth, clientWidth: root.clientWidth,
    whole: shown(".map-whole"), near: shown(".map-near"), outline: shown(".outline"),
    wide: wide.slice(0, 10)
  }});
}});
</script>
</body></html>
"""


def _chromium(profile: Path, *args: str) -> str:
    assert CHROMIUM is not None
    done = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",  # tests may run as root in a container; the page is our own
            "--disable-gpu",
            "--hide-scrollbars",  # overlay scrollbars, as on a phone: no width taken
            "--allow-file-access-from-files",  # the harness reads the framed page
            "--virtual-time-budget=15000",
            f"--user-data-dir={profile}",
            *args,
        ],
        capture_output=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")[-2000:]
    return done.stdout.decode("utf-8")


def _measure(page: Path, width: int, tmp: Path) -> dict[str, Any]:
    harness = page.with_name(f"measure-{width}.html")
    harness.write_text(_MEASURE.format(src=page.name, width=width), encoding="utf-8")
    dom = _chromium(tmp / "profile", "--window-size=1400,900", "--dump-dom", harness.as_uri())
    found = re.search(r'<pre id="result">(.*?)</pre>', dom, re.S)
    assert found is not None, dom[-2000:]
    assert found[1], "the harness measured nothing: the page did not load"
    result: dict[str, Any] = json.loads(html.unescape(found[1]))
    return result


def _rendered_text(dom: str) -> str:
    """The text of a dumped DOM, tags dropped, entities resolved, whitespace folded."""
    from html.parser import HTMLParser

    chunks: list[str] = []

    class Text(HTMLParser):
        skip = 0

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag in ("style", "script"):
                self.skip += 1

        def handle_endtag(self, tag: str) -> None:
            if tag in ("style", "script"):
                self.skip -= 1

        def handle_data(self, data: str) -> None:
            if not self.skip:
                chunks.append(data)

    parser = Text(convert_charrefs=True)
    parser.feed(dom)
    return " ".join(" ".join(chunks).split())


def _artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    ignore = ARTIFACTS / ".gitignore"
    if not ignore.exists():
        ignore.write_text("# Screenshots the browser tests keep for a person to look at.\n*\n")
    return ARTIFACTS


def _folded(text: str) -> str:
    from arggraph.formats.escape import clean

    return " ".join(clean(text).split())


@needs_bakhmut
@needs_graphviz
def test_the_bundled_report_renders_for_a_reader(tmp_path: Path) -> None:
    graph = load(BAKHMUT)
    content = build_report(graph)
    page = tmp_path / "bakhmut.html"
    page.write_text(render_report(content, "html"), encoding="utf-8")

    text = _rendered_text(
        _chromium(tmp_path / "profile", "--window-size=1280,900", "--dump-dom", page.as_uri())
    )
    assert _folded(graph.model.question) in text
    leader = content.standing.leader
    assert leader is not None
    assert f"Verdict: {_folded(graph.claims[leader].text)}" in text
    missing = [c.id for c in graph.claims.values() if _folded(c.text) not in text]
    assert not missing, f"claims whose text the rendered page lacks: {missing}"

    phone = _measure(page, PHONE, tmp_path)
    assert phone["clientWidth"] == PHONE
    assert phone["scrollWidth"] <= PHONE, phone
    assert phone["wide"] == [], phone
    assert phone["near"] is True, "a narrow screen shows the positions' neighbourhood"
    assert phone["whole"] is False

    desktop = _measure(page, DESKTOP, tmp_path)
    assert desktop["scrollWidth"] <= DESKTOP, desktop
    assert desktop["whole"] is True
    assert desktop["near"] is False

    out = _artifacts()
    _chromium(
        tmp_path / "profile",
        f"--window-size={DESKTOP},1600",
        f"--screenshot={out / 'report-desktop.png'}",
        page.as_uri(),
    )
    phone_frame = tmp_path / "phone.html"
    phone_frame.write_text(
        '<!DOCTYPE html><html><body style="margin:0;background:#777">'
        f'<iframe src="{page.name}" style="display:block;width:{PHONE}px;height:1600px;'
        'border:0;background:#fff"></iframe></body></html>',
        encoding="utf-8",
    )
    _chromium(
        tmp_path / "profile",
        "--window-size=500,1600",
        f"--screenshot={out / 'report-phone.png'}",
        phone_frame.as_uri(),
    )
    both = tmp_path / "both.html"
    both.write_text(
        '<!DOCTYPE html><html><body style="margin:0;padding:24px;background:#d9d9d4;'
        'display:flex;gap:24px;align-items:flex-start">'
        f'<iframe src="{page.name}" style="width:1000px;height:1150px;border:1px solid #999;'
        'background:#fff"></iframe>'
        f'<iframe src="{page.name}" style="width:{PHONE}px;height:1150px;border:1px solid #999;'
        'border-radius:18px;background:#fff"></iframe></body></html>',
        encoding="utf-8",
    )
    _chromium(
        tmp_path / "profile",
        "--window-size=1464,1200",
        f"--screenshot={out / 'report-side-by-side.png'}",
        both.as_uri(),
    )
    for name in ("report-desktop.png", "report-phone.png", "report-side-by-side.png"):
        assert (out / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", name


@pytest.mark.parametrize("graphviz", [True, False], ids=["map", "outline"])
def test_hostile_texts_stay_text_and_fit_a_phone(
    tmp_path: Path, graphviz: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    if graphviz and shutil.which("dot") is None:
        pytest.skip("Graphviz (dot) is not installed")
    if not graphviz:
        monkeypatch.setattr(
            "arggraph.report.diagram.graphviz_available", lambda engine="dot": False
        )
    graph = load(HOSTILE)
    page = tmp_path / "hostile.html"
    page.write_text(render_report(build_report(graph), "html"), encoding="utf-8")
    dom = _chromium(tmp_path / "profile", "--window-size=1280,900", "--dump-dom", page.as_uri())
    assert "<script" not in dom.lower()
    text = _rendered_text(dom)
    for claim in graph.claims.values():
        assert _folded(claim.text) in text, claim.id
    phone = _measure(page, PHONE, tmp_path)
    assert phone["scrollWidth"] <= PHONE, phone
    assert phone["wide"] == [], phone
    if not graphviz:
        assert phone["outline"] is True
