"""What "verified" means in tests: a cited quote stands in the cited lines of its original seed file
(issue 15), checked the way the service checks it, not against the text it was cut from."""

from __future__ import annotations

from corpus.verify import SourceCheck
from policydesk.build import BUNDLED_CORPUS
from policydesk.records import Citation

_CHECK = SourceCheck(lambda name: BUNDLED_CORPUS / name)


def stands_in_source(cited: Citation) -> bool:
    return cited.verified and _CHECK.holds(
        cited.quote, cited.source.file, cited.source.line_start, cited.source.line_end
    )
