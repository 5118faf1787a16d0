"""What stands between a draft inspection and its completion, as messages the inspector reads:
every mandatory item answered; every failed answer with a comment and at least one photo."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass

from redpair_desktop.domain.inspections.checklist import Checklist
from redpair_desktop.domain.inspections.scoring import missing_mandatory
from redpair_desktop.domain.inspections.template import canonical_json
from redpair_desktop.i18n import _

SHOWN_MISSING = 3  # mandatory items named before "… and n more"


@dataclass(frozen=True)
class AnswerFacts:
    response: str
    comment: str
    photos: tuple[str, ...]  # SHA-256 of the item's photos

    @property
    def has_comment(self) -> bool:
        return bool(self.comment.strip())


def problems(checklist: Checklist, answers: Mapping[str, AnswerFacts]) -> list[str]:
    found = _missing(checklist, answers)
    for part, item in checklist.items():
        facts = answers.get(item.key)
        if facts is None or not part.responses.response(facts.response).fails:
            continue
        if not facts.has_comment and not facts.photos:
            found.append(_("“{text}”判为不合格，需填写说明并拍照。", text=item.text))
        elif not facts.has_comment:
            found.append(_("“{text}”判为不合格，需填写说明。", text=item.text))
        elif not facts.photos:
            found.append(_("“{text}”判为不合格，需拍照。", text=item.text))
    return found


def _missing(checklist: Checklist, answers: Mapping[str, AnswerFacts]) -> list[str]:
    missing = missing_mandatory(checklist, {key: facts.response for key, facts in answers.items()})
    if not missing:
        return []
    named = "、".join(f"“{item.text}”" for item in missing[:SHOWN_MISSING])
    if len(missing) > SHOWN_MISSING:
        return [_("还有 {count} 个必查项未作答：{items}等。", count=len(missing), items=named)]
    return [_("还有 {count} 个必查项未作答：{items}。", count=len(missing), items=named)]


def answers_sha256(answers: Mapping[str, AnswerFacts]) -> str:
    """The SHA-256 a sign-off is bound to: every answer, comment and photo."""
    data = {k: [f.response, f.comment, sorted(f.photos)] for k, f in answers.items()}
    return hashlib.sha256(canonical_json(data).encode("utf-8")).hexdigest()
