"""From the lower stages' dataclasses to the records of ``policydesk/records.py``: the one place that
decides what of a corpus, indexer, rules or generators object reaches a user.

The lower stages keep their own shapes (a ``Hit`` holds its unit, document and segment; a rule
citation holds the key phrase the build checks) and never shape JSON themselves.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from core.citeform import formal_citation
from indexer.highlight import highlights, short_answer
from policydesk import records
from policydesk.related import uncited

if TYPE_CHECKING:
    from core.profile import Profile
    from corpus import Document, Relation, Segment, SourceSpan
    from corpus.diff import Change
    from generators import GeneratedDocx
    from indexer.answer import Answer, Citation
    from indexer.editions import EditionNote
    from indexer.govern import Regulation
    from indexer.retrieve import Hit
    from indexer.units import Unit
    from rules import Rule, RuleCitation, RuleOutput

SCORE_DIGITS = 4  # scores are shown rounded: more digits only suggest a precision ranking does not have


def source(span: SourceSpan) -> records.Source:
    return records.Source(file=span.file, line_start=span.line_start, line_end=span.line_end)


def unit_source(segment: Segment, unit: Unit) -> records.Source:
    """The lines of a unit (a window of a segment, or a whole provision) in its segment's file."""
    return records.Source(file=segment.source.file, line_start=unit.line_start, line_end=unit.line_end)


# -- corpus --------------------------------------------------------------------------------------
def relation(rel: Relation) -> records.Relation:
    return records.Relation(
        kind=rel.kind,
        source_id=rel.source_id,
        target_id=rel.target_id,
        target_title=rel.target_title,
        locator=rel.locator,
        note=rel.note,
    )


def _document_fields(doc: Document) -> dict[str, Any]:
    return {
        "id": doc.id,
        "title": doc.title,
        "doc_number": doc.doc_number,
        "issuer": doc.issuer,
        "date": doc.date,
        "kind": doc.kind,
        "status": doc.status,
        "provisional": doc.provisional,
        "parent_id": doc.parent_id,
        "relations": [relation(r) for r in doc.relations],
        "source": source(doc.source),
        "n_segments": doc.n_segments,
        "effective_date": doc.effective_date,
        "expired_date": doc.expired_date,
        "superseded_by": doc.superseded_by,
    }


def document(doc: Document) -> records.Document:
    return records.Document(**_document_fields(doc))


def document_detail(doc: Document, segments: list[Segment], children: list[Document]) -> records.DocumentDetail:
    return records.DocumentDetail(
        **_document_fields(doc),
        segments=[segment(s) for s in segments],
        children=[records.DocumentRef(id=c.id, title=c.title) for c in children],
    )


def _segment_fields(seg: Segment) -> dict[str, Any]:
    return {
        "id": seg.id,
        "doc_id": seg.doc_id,
        "locator": seg.locator,
        "full_locator": seg.full_locator,
        "heading_path": list(seg.heading_path),
        "text": seg.text,
        "source": source(seg.source),
        "parent_id": seg.parent_id,
        "level": seg.level,
        "children": list(seg.children),
    }


def segment(seg: Segment) -> records.Segment:
    return records.Segment(**_segment_fields(seg))


def export_row(doc: Document, seg: Segment) -> records.ExportRow:
    return records.ExportRow(
        **_segment_fields(seg), doc_title=doc.title, doc_number=doc.doc_number, doc_status=doc.status
    )


def provision(doc: Document, seg: Segment, whole: Unit) -> records.Provision:
    """``whole`` is the provision with its 项 and 目 (``indexer.units.whole_provision``)."""
    return records.Provision(
        doc_id=doc.id,
        doc_title=doc.title,
        doc_number=doc.doc_number,
        status=doc.status,
        locator=seg.locator,
        full_locator=seg.full_locator,
        text=whole.text,
        source=unit_source(seg, whole),
    )


def added_document(doc: records.Document) -> records.AddedDocument:
    return records.AddedDocument(id=doc.id, title=doc.title, kind=doc.kind)


# -- retrieval -----------------------------------------------------------------------------------
def hit(h: Hit) -> records.Hit:
    return records.Hit(
        doc_id=h.document.id,
        doc_title=h.document.title,
        doc_number=h.document.doc_number,
        locator=h.segment.locator,
        text=h.unit.text,
        score=round(float(h.score), SCORE_DIGITS),
        status=h.document.status,
        source=unit_source(h.segment, h.unit),
    )


def citation(c: Citation, question: str = "", profile: Profile | None = None) -> records.Citation:
    return records.Citation(
        doc_id=c.doc_id,
        doc_title=c.doc_title,
        doc_number=c.doc_number,
        locator=c.locator,
        quote=c.quote,
        source=records.Source(file=c.file, line_start=c.line_start, line_end=c.line_end),
        status=c.status,
        verified=c.verified,
        highlights=highlights(question, c.quote, profile) if question else [],  # issue 15
        formal=formal_citation(c.doc_title, c.doc_number, c.locator),  # issue 15
        refers_from=c.refers_from,  # issue 11: quoted because a cited provision defers to it
        lead_in_of=c.lead_in_of,  # the lead-in of a quoted item's list
    )


def answer(
    a: Answer, question: str = "", corpus: records.CorpusRef | None = None, profile: Profile | None = None
) -> records.Answer:
    return records.Answer(
        found=a.found,
        answer=a.answer,
        citations=[citation(c, question, profile) for c in a.citations],
        related=[hit(h) for h in uncited(a.related, a.citations)],  # issue 15: never a cited provision again
        short_answer=short_answer(question, _answering_quotes(a), profile) if a.found and question else None,
        corpus=corpus,
        superseded=[edition_note(n) for n in a.superseded],  # issue 11
    )


def _answering_quotes(a: Answer) -> list[str]:
    """The quotes that answer; a provision quoted only because one of them defers to it does not, nor the
    lead-in quoted before an item (the item is the answer, the lead its context)."""
    return [c.quote for c in a.citations if c.refers_from is None and c.lead_in_of is None]


def edition_note(n: EditionNote) -> records.EditionNote:
    return records.EditionNote(**asdict(n))


def regulation(r: Regulation) -> records.Regulation:
    return records.Regulation(
        doc_id=r.document.id,
        doc_title=r.document.title,
        doc_number=r.document.doc_number,
        status=r.document.status,
        score=round(float(r.score), SCORE_DIGITS),
        why="；".join(r.why),
        articles=[regulation_article(h) for h in r.hits],
    )


def regulation_article(h: Hit) -> records.RegulationArticle:
    return records.RegulationArticle(locator=h.segment.locator, text=h.unit.text, source=unit_source(h.segment, h.unit))


# -- rules and generators ------------------------------------------------------------------------
def rule_citation(c: RuleCitation) -> records.RuleCitation:
    """The article without the key phrase: that phrase is for the build's check, not for readers."""
    return records.RuleCitation(doc_number=c.doc_number, doc_title=c.doc_title, locator=c.locator)


def rule_description(rule: Rule) -> records.RuleDescription:
    from rules import parameters_for  # imported here: this module only names the lower stages' types

    return records.RuleDescription(
        id=rule.id,
        title=rule.title,
        citations=[rule_citation(c) for c in rule.citations],
        input_schema=rule.input_schema(),
        example=rule.example,
        parameters=[records.RuleParameter.model_validate(p.to_dict()) for p in parameters_for(rule.citations)],
    )


def rule_output(out: RuleOutput) -> records.RuleOutput:
    return records.RuleOutput(
        rule=out.rule,
        inputs=out.inputs,
        outputs=out.outputs,
        explanation=out.explanation,
        citations=[rule_citation(c) for c in out.citations],
    )


def generation_preview(docx: GeneratedDocx) -> records.GenerationPreview:
    return records.GenerationPreview(
        filename=docx.filename, size=len(docx.data), trace=docx.trace, changes=docx.changes
    )


def diff(old: Document, new: Document, changes: list[Change]) -> records.DiffResult:
    return records.DiffResult(
        old=document(old),
        new=document(new),
        changes=[
            records.DiffChange(
                change=c.change,
                old_locator=c.old_locator,
                new_locator=c.new_locator,
                old_text=c.old_text,
                new_text=c.new_text,
                spans=[records.DiffSpan(**asdict(span)) for span in c.spans],
            )
            for c in changes
        ],
    )
