import uuid

from redpair_desktop.domain.ids import new_id, seeded_id_factory, uuid7_from


def test_new_ids_are_version_7_and_strictly_increasing():
    ids = [new_id() for _ in range(5000)]
    assert all(i.version == 7 and i.variant == uuid.RFC_4122 for i in ids)
    assert ids == sorted(ids)
    assert len(set(ids)) == len(ids)


def test_the_timestamp_is_in_the_first_48_bits():
    value = uuid7_from(1_700_000_000_123, bytes(10))
    assert value.int >> 80 == 1_700_000_000_123


def test_seeded_factory_repeats_itself():
    first = seeded_id_factory(7, 1_700_000_000_000)
    second = seeded_id_factory(7, 1_700_000_000_000)
    assert [first() for _ in range(3)] == [second() for _ in range(3)]
