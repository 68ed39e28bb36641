"""The shared JSON readers, and the way each adapter reads its platform's answers with them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest

from kurum_masaustu.platforms import linkedin, mastodon, meta_common, telegram, x
from kurum_masaustu.platforms.json_shape import (
    Shape,
    ShapeError,
    integer,
    iso_time,
    number,
    obj,
    opt_integer,
)


def test_obj_accepts_an_object_and_refuses_anything_else() -> None:
    assert obj({"id": "1"}) == {"id": "1"}
    for value in ([], "x", 1, None):
        with pytest.raises(ShapeError, match="expected an object"):
            obj(value)


def test_numbers_never_take_a_bool() -> None:
    assert number(0) == 0
    assert number(-5) == -5
    assert number(True) is None
    assert number("5") is None
    assert number(1.5) is None
    assert integer({"message_id": 7}, "message_id") == 7
    for data in ({}, {"message_id": True}, {"message_id": "7"}):
        with pytest.raises(ShapeError, match="'message_id' missing"):
            integer(data, "message_id")
    assert opt_integer({"linked_chat_id": -100}, "linked_chat_id") == -100
    assert opt_integer({"linked_chat_id": False}, "linked_chat_id") is None


def test_iso_time_reads_z_offsets_and_naive_as_utc() -> None:
    assert iso_time("2026-03-01T09:30:00Z") == datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
    assert iso_time("2026-03-01T12:30:00+03:00") == datetime(2026, 3, 1, 12, 30, tzinfo=timezone(timedelta(hours=3)))
    assert iso_time("2026-03-01T09:30:00.123").tzinfo is UTC
    for value in (None, 1700000000, "yesterday"):
        with pytest.raises(ShapeError, match="not a timestamp"):
            iso_time(value)


def test_strict_shape_refuses_missing_lists_empty_text_and_numbers() -> None:
    strict = Shape()
    with pytest.raises(ShapeError, match="expected a list, got NoneType"):
        strict.items(None)
    assert strict.items([1]) == [1]
    for data in ({}, {"id": ""}, {"id": 5}, {"id": None}):
        with pytest.raises(ShapeError, match="'id' missing"):
            strict.text(data, "id")
    assert strict.opt_text({"name": ""}, "name") is None
    assert strict.opt_text({"name": 5}, "name") is None
    assert strict.opt_text({"name": "Belediye"}, "name") == "Belediye"


def test_each_option_changes_only_its_own_reading() -> None:
    lists = Shape(missing_list_is_empty=True)
    assert lists.items(None) == []
    with pytest.raises(ShapeError):
        lists.items({"data": []})  # a wrong type is still wrong
    numbers = Shape(numbers_as_text=True)
    assert numbers.text({"id": 1234567890123}, "id") == "1234567890123"
    assert numbers.opt_text({"id": 0}, "id") == "0"
    with pytest.raises(ShapeError):
        numbers.text({"id": True}, "id")  # a bool is not a number
    with pytest.raises(ShapeError):
        numbers.text({"id": ""}, "id")
    assert Shape(empty_text=True).text({"spoiler_text": ""}, "spoiler_text") == ""
    assert Shape(empty_text=True).opt_text({"spoiler_text": ""}, "spoiler_text") is None
    assert Shape(keep_empty=True).opt_text({"caption": ""}, "caption") == ""
    with pytest.raises(ShapeError):
        Shape(keep_empty=True).text({"caption": ""}, "caption")


@pytest.mark.parametrize(
    ("module", "shape"),
    [(x, "_JSON"), (linkedin, "_JSON"), (mastodon, "_JSON"), (telegram, "_JSON"), (meta_common, "GRAPH")],
)
def test_every_adapter_reads_as_its_platform_answers(module: Any, shape: str) -> None:
    """The differences the private copies had, kept when they were merged into one module."""
    reader: Shape = getattr(module, shape)
    missing_list: list[Any] | None
    try:
        missing_list = reader.items(None)
    except ShapeError:
        missing_list = None
    expected = {
        # name: (missing list → [], int id → text, "" is a text, opt_text keeps "")
        "x": (True, False, False, False),
        "linkedin": (True, False, False, False),
        "mastodon": (False, True, True, True),
        "telegram": (False, False, False, True),
        "meta_common": (False, True, False, True),
    }[module.__name__.rsplit(".", 1)[-1]]
    assert (missing_list == []) is expected[0]
    assert (reader.opt_text({"id": 42}, "id") == "42") is expected[1]
    try:
        empty_ok = reader.text({"t": ""}, "t") == ""
    except ShapeError:
        empty_ok = False
    assert empty_ok is expected[2]
    assert (reader.opt_text({"t": ""}, "t") == "") is expected[3]
