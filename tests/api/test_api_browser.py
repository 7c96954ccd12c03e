"""The staff page in a real browser (Debian's chromium driven by Playwright): ask a question, open a
citation inside its document, generate a plan and download it. Screenshots go to test-output/."""

from __future__ import annotations

import contextlib
import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from api import create_app
from policydesk.config import Settings

pytestmark = pytest.mark.slow

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
OUTPUT = Path(__file__).resolve().parents[2] / "test-output"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def live_server(built_home: Path) -> Iterator[str]:
    yield from _serve(built_home)


@pytest.fixture(scope="module")
def real_server(real_home: Path) -> Iterator[str]:
    """The seeds with the real public texts beside them (two editions, cross-references)."""
    yield from _serve(real_home)


def _serve(home: Path) -> Iterator[str]:
    """The app under uvicorn on 127.0.0.1 and a free port, in a thread; stopped at the end."""
    port = free_port()
    config = uvicorn.Config(
        create_app(Settings(home=home, token=None)), host="127.0.0.1", port=port, log_level="warning"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 120
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=15)


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture()
def page(browser, live_server):
    context = browser.new_context(
        accept_downloads=True, viewport={"width": 1366, "height": 860}, locale="zh-CN", base_url=live_server
    )
    page = context.new_page()
    page.set_default_timeout(30_000)
    outside: list[str] = []
    page.on(
        "request",
        lambda req: None if req.url.startswith((live_server, "blob:", "data:")) else outside.append(req.url),
    )
    page.on("pageerror", lambda exc: outside.append(f"page error: {exc}"))
    yield page
    context.close()
    assert outside == [], "the page must use only local assets and raise no script errors"


def test_ask_open_citation_and_download_plan(page):
    from playwright.sync_api import expect

    OUTPUT.mkdir(exist_ok=True)
    page.goto("/")
    expect(page.locator("#health")).to_contain_text("份文件")

    # 提问 → an answer with a citation to 云职创〔2019〕3号
    page.get_by_label("您的问题").fill("拿了省赛第一名有多少奖金？")
    page.get_by_role("button", name="提问", exact=True).click()
    citation = page.locator(".citation a.cite", has_text="云职创〔2019〕3号 第十八条").first
    expect(citation).to_be_visible()
    expect(page.locator(".answer.found")).to_contain_text("10000")
    page.screenshot(path=str(OUTPUT / "web-ask.png"), full_page=True)

    # the citation opens the article inside its document, highlighted
    citation.click()
    expect(page).to_have_url(re.compile(r"#docs/"))
    expect(page.locator("#doc-title")).to_have_text("云南省职工职业技能竞赛管理办法（试行）")
    hit = page.locator("#doc-view .segment.hit")
    expect(hit).to_have_count(1)
    expect(hit.locator(".locator")).to_contain_text("第十八条")
    expect(hit).to_be_in_viewport()
    assert page.locator("#doc-view .segment").count() > 10  # the whole document, not the article alone
    expect(page.locator("#doc-list a[aria-current='true']")).to_contain_text("竞赛管理办法")
    page.screenshot(path=str(OUTPUT / "web-citation.png"))

    # 公文生成 → 方案: the form is built from the JSON schema; set the year and date, preview, download
    page.get_by_role("link", name="公文生成").click()
    page.locator(".kind-option[data-kind='plan']").click()
    page.get_by_label("方案年度").fill("2027")
    page.get_by_label("成文日期").fill("04-10")
    page.get_by_role("button", name="预览依据").click()
    preview = page.locator("#gen-result")
    expect(preview).to_contain_text("2027年")
    expect(preview.locator("table.trace a.cite").first).to_contain_text("昆工〔2022〕3号")
    with page.expect_download() as download_info:
        page.get_by_role("button", name="生成并下载 .docx").click()
    download = download_info.value
    name = download.suggested_filename
    assert name.endswith(".docx") and "2027" in name, name
    assert re.search(r"[\u4e00-\u9fff]", name), name
    data = Path(download.path()).read_bytes()
    assert data[:2] == b"PK"
    expect(page.locator("#gen-download")).to_contain_text("已生成")
    page.screenshot(path=str(OUTPUT / "web-generate.png"), full_page=True)


def test_keyboard_only_case(page):
    """Keyboard only: skip link, the tabs are links in order, the case box follows, Ctrl+Enter submits."""
    from playwright.sync_api import expect

    page.goto("/")
    page.keyboard.press("Tab")
    expect(page.locator(".skip-link")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.locator(".tabs a[data-tab='ask']")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.locator(".tabs a[data-tab='govern']")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#panel-govern")).to_be_visible()
    expect(page.locator("#panel-ask")).to_be_hidden()
    for _ in range(4):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "govern-case":
            break
    expect(page.locator("#govern-case")).to_be_focused()
    page.keyboard.type("我们厂工会只有20个会员，要不要成立劳动法律监督委员会？")
    page.keyboard.press("Control+Enter")
    expect(page.locator("#govern-result .regulation").first).to_be_visible()
    page.screenshot(path=str(OUTPUT / "web-govern.png"), full_page=True)


def test_plan_form_shows_the_change_list_before_the_download(page):
    """Overrides typed as JSON into the 方案 form: the change list against the base (昆工〔2022〕3号) is
    shown before the file is downloaded."""
    from playwright.sync_api import expect

    page.goto("/#generate/plan")
    page.get_by_label("方案年度").fill("2027")
    page.get_by_label("成文日期").fill("04-10")
    page.get_by_label("改动的参数").fill('{"city_min": 25}')
    with page.expect_download() as download_info:
        page.get_by_role("button", name="生成并下载 .docx").click()
    assert download_info.value.suggested_filename.endswith(".docx")
    changes = page.locator("#gen-result .changes")
    expect(changes).to_contain_text("全市性职工职业技能竞赛：不少于20场次 → 不少于25场次")
    expect(changes.locator("a.cite").first).to_contain_text("昆工〔2022〕3号")


def test_training_plan_form_downloads_the_example(page):
    from playwright.sync_api import expect

    page.goto("/#generate/training-plan")
    expect(page.get_by_label("培训项目名称")).to_have_value(re.compile("培训项目"))
    page.get_by_role("button", name="预览依据").click()
    expect(page.locator("#gen-result")).to_contain_text("学员生活补助上限")
    with page.expect_download() as download_info:
        page.get_by_role("button", name="生成并下载 .docx").click()
    assert "实施方案" in download_info.value.suggested_filename


@contextlib.contextmanager
def _staff_page(browser, base_url: str, clipboard: bool = False) -> Iterator:  # type: ignore[no-untyped-def]
    """A fresh page on the staff web page at ``base_url``; any script error fails the test."""
    OUTPUT.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": 1366, "height": 860}, locale="zh-CN", base_url=base_url)
    if clipboard:
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    page = context.new_page()
    page.set_default_timeout(30_000)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        yield page
    finally:
        context.close()
    assert errors == []


def test_answer_marks_its_words_copies_the_formal_citation_and_lists_new_provisions(browser, live_server):
    """Issue 15: the deciding words are marked, the copy button puts the formal citation on the clipboard,
    the related list repeats no cited provision, the corpus is named in small print."""
    from playwright.sync_api import expect

    with _staff_page(browser, live_server, clipboard=True) as page:
        page.goto("/")
        page.get_by_label("您的问题").fill("拿了省赛第一名有多少奖金？")
        page.get_by_role("button", name="提问", exact=True).click()
        first = page.locator(".citation").first
        mark = first.locator("blockquote mark.answer-words")
        expect(mark).to_have_count(1)
        expect(mark).to_have_text("10000元")
        expect(mark).to_be_visible()
        assert mark.evaluate("m => getComputedStyle(m).backgroundColor") != "rgba(0, 0, 0, 0)"
        expect(page.locator(".short-answer")).to_contain_text("一次性奖金10000元")
        expect(page.locator(".corpus-ref")).to_contain_text("语料版本")
        page.screenshot(path=str(OUTPUT / "web-highlight.png"), full_page=True)

        formal = "《云南省职工职业技能竞赛管理办法（试行）》（云职创〔2019〕3号）第十八条第（一）项"
        first.get_by_role("button", name="复制引文").click()
        expect(first.locator(".copy-state")).to_have_text("已复制")
        assert page.evaluate("navigator.clipboard.readText()") == formal
        page.screenshot(path=str(OUTPUT / "web-copy-formal.png"))

        cited = [a.inner_text() for a in page.locator(".citation a.cite").all()]
        related = [a.inner_text() for a in page.locator(".related a.cite").all()]
        assert cited and related
        assert len(related) == len(set(related)), related
        assert not set(cited) & set(related), (cited, related)
        page.locator(".related").screenshot(path=str(OUTPUT / "web-related.png"))

        # the document view scrolls to the cited provision, marks it, and marks the words that answered
        first.locator("a.cite").click()
        hit = page.locator("#doc-view .segment.hit")
        expect(hit).to_have_count(1)
        expect(hit).to_be_in_viewport()
        in_doc = hit.locator("mark.answer-words")
        expect(in_doc).to_have_text(["10000元"])
        page.screenshot(path=str(OUTPUT / "web-citation-marked.png"))


def test_answer_shows_the_provision_deferred_to_and_the_older_edition(browser, real_server):
    """Issue 11: a provision quoted because a cited one defers to it says so, and opens at its article
    (a 款 opens its 条); an older edition is listed apart from the citations, never as one."""
    from playwright.sync_api import expect

    with _staff_page(browser, real_server) as page:
        page.goto("/")
        page.get_by_label("您的问题").fill("劳动能力再次鉴定和复查鉴定的期限是多久？")
        page.get_by_role("button", name="提问", exact=True).click()
        deferred = page.locator(".citation", has=page.locator(".refers-from"))
        expect(deferred.first).to_contain_text("第二十九条所引")
        paragraph = deferred.filter(has_text="第二十五条第二款")
        expect(paragraph).to_have_count(1)
        page.screenshot(path=str(OUTPUT / "web-deferred.png"), full_page=True)
        paragraph.locator("a.cite").click()
        hit = page.locator("#doc-view .segment.hit")
        expect(hit).to_have_count(1)
        expect(hit).to_have_attribute("data-locator", "第二十五条")

        page.goto("/")
        page.get_by_label("您的问题").fill("工伤认定结束后，有关资料要保存多少年？")
        page.get_by_role("button", name="提问", exact=True).click()
        editions = page.locator(".editions li")
        expect(editions).to_have_count(1)
        expect(editions).to_contain_text("旧版，已被取代")
        expect(editions).to_contain_text("第十八条")
        cited = page.locator(".citation a.cite").all_inner_texts()
        assert cited and not any("劳动和社会保障部令第17号" in c for c in cited), cited  # the 2003 edition
        page.screenshot(path=str(OUTPUT / "web-older-edition.png"), full_page=True)

        page.goto("/")
        page.get_by_label("您的问题").fill("端午节放假几天？")
        page.get_by_role("button", name="提问", exact=True).click()
        lead = page.locator(".citation", has=page.locator(".lead-in"))
        expect(lead.first).to_contain_text("所在条款的引语")
        expect(lead.first).to_contain_text("全体公民放假的节日：")
