"""Atomic writes: whole or nothing, never over an existing file without force."""

import pytest

from bakuastana.cli.files import write_atomic
from bakuastana.errors import BadInput


def test_writes_and_refuses_to_overwrite(tmp_path):
    target = tmp_path / "draft.yaml"
    write_atomic(target, "a: 1\n")
    assert target.read_text() == "a: 1\n"
    with pytest.raises(BadInput, match="already exists"):
        write_atomic(target, "a: 2\n")
    assert target.read_text() == "a: 1\n"
    write_atomic(target, "a: 2\n", force=True)
    assert target.read_text() == "a: 2\n"
    assert [p.name for p in tmp_path.iterdir()] == ["draft.yaml"]  # no temporary file left


def test_missing_folder_and_folder_target(tmp_path):
    with pytest.raises(BadInput, match="does not exist"):
        write_atomic(tmp_path / "nope" / "x.yaml", "")
    with pytest.raises(BadInput, match="is a folder"):
        write_atomic(tmp_path, "")


def test_interrupted_write_leaves_nothing(tmp_path, monkeypatch):
    target = tmp_path / "draft.yaml"

    def fail(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr("os.replace", fail)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, "a: 1\n")
    assert list(tmp_path.iterdir()) == []
