"""Signing the pledge: bound to the text's hash; too little ink, strangers, twice: refused."""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import func, select

from redpair_desktop.db.activities.models import PledgeSignature, PledgeText
from redpair_desktop.domain.activities.pledge import DEFAULT_PLEDGE
from redpair_desktop.domain.errors import IntegrityProblem, UserError
from redpair_desktop.domain.signatures import decode
from redpair_desktop.services.activities.attendance import expected_list
from redpair_desktop.services.activities.pledges import (
    activity_pledge,
    add_pledge_text,
    pledge_texts,
    set_activity_pledge,
    sign_pledge,
    signatures,
)
from redpair_desktop.services.activities.sheets import activity_id as find_activity
from redpair_desktop.services.workspace import open_workspace
from tests.services.agreements.scribbles import dot, scribble


def test_a_signature_is_bound_to_the_pledge_texts_hash(demo_workspace, activity_id):
    words = activity_pledge(demo_workspace.db, activity_id)
    assert (words.version, words.title, words.text) == (
        1,
        DEFAULT_PLEDGE.title,
        DEFAULT_PLEDGE.text,
    )
    person = expected_list(demo_workspace.db, activity_id)[0]
    signed = sign_pledge(
        demo_workspace.db,
        activity_id,
        person.id,
        scribble(),
        "签名台  1\n",
        shown_sha256=words.sha256,
    )
    demo_workspace.close()

    reopened = open_workspace(demo_workspace.data_dir)
    (stored,) = signatures(reopened.db, activity_id)
    with reopened.db.read() as session:
        row = session.scalars(select(PledgeSignature)).all()[-1]
        strokes = row.strokes
    (me,) = [p for p in expected_list(reopened.db, activity_id) if p.id == person.id]
    reopened.close()
    assert stored == signed
    assert stored.text_sha256 == words.sha256 == DEFAULT_PLEDGE.sha256
    assert stored.device_name == "签名台 1"
    assert decode(strokes) == scribble()
    assert stored.signature_sha256 == hashlib.sha256(strokes).hexdigest()
    assert stored.image_png.startswith(b"\x89PNG")
    assert (me.status, me.method, me.signed) == ("present", "kiosk", True)  # checked in too


def test_empty_strangers_and_second_signatures_are_refused(demo_workspace, activity_id):
    db = demo_workspace.db
    person = expected_list(db, activity_id)[0]
    stranger = expected_list(db, find_activity(db, "demo"))[0]
    with pytest.raises(UserError, match="签名太短"):
        sign_pledge(db, activity_id, person.id, dot(), "kiosk")
    with pytest.raises(UserError, match="不在本次活动的名单上"):
        sign_pledge(db, activity_id, stranger.id, scribble(), "kiosk")
    with pytest.raises(UserError, match="承诺文本已更换"):
        sign_pledge(db, activity_id, person.id, scribble(), "kiosk", shown_sha256="0" * 64)
    assert signatures(db, activity_id) == []
    assert expected_list(db, activity_id)[0].status == "expected"
    sign_pledge(db, activity_id, person.id, scribble(), "kiosk")
    with pytest.raises(UserError, match=r"已于 .* 签名，每人只签一次"):
        sign_pledge(db, activity_id, person.id, scribble(5), "kiosk")
    assert len(signatures(db, activity_id)) == 1


def test_pledge_texts_are_versioned_and_fixed_once_someone_signed(demo_workspace, activity_id):
    db = demo_workspace.db
    second = add_pledge_text(db, "安全承诺", "我承诺：安全第一。")
    assert add_pledge_text(db, "安全承诺", " 我承诺：安全第一。\n").id == second.id
    assert [t.version for t in pledge_texts(db)] == [2, 1]
    set_activity_pledge(db, activity_id, second.id)
    assert activity_pledge(db, activity_id).sha256 == second.sha256
    person = expected_list(db, activity_id)[1]
    assert sign_pledge(db, activity_id, person.id, scribble(), "k").text_sha256 == second.sha256
    with pytest.raises(UserError, match="不能再更换"):
        set_activity_pledge(db, activity_id, pledge_texts(db)[1].id)
    with pytest.raises(UserError, match="不能为空"):
        add_pledge_text(db, "", "x")


def test_changed_pledge_words_are_found(demo_workspace, activity_id):
    with demo_workspace.db.write() as session:
        session.scalars(select(PledgeText)).first().text += "（改）"
    with pytest.raises(IntegrityProblem, match="哈希值不符"):
        activity_pledge(demo_workspace.db, activity_id)
    with demo_workspace.db.read() as session:
        assert session.scalar(select(func.count()).select_from(PledgeText)) == 1
