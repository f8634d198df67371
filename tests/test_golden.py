"""The seed's outputs before and after a refactoring: check, extract, show, calc, rules and init, byte for byte.

The recorded outputs in tests/golden/ were made by `scripts/golden.py record` before the restructuring; a change
that means to alter an output re-records them and shows the diff in its commit.
"""

import importlib.util

import pytest

from conftest import ROOT, SEED_MISSING

SCRIPT = ROOT / "scripts" / "golden.py"
_spec = importlib.util.spec_from_file_location("golden", SCRIPT)
golden = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(golden)

ALL_CASES = golden.cases(ROOT / "facts.yaml")  # any existing path stands for the article, to list every case


def test_every_case_is_recorded():
    recorded = {path.stem for path in golden.GOLDEN.iterdir() if path.suffix in {".out", ".sha256"}}
    assert {name for name, _, _ in ALL_CASES} == recorded


@pytest.mark.parametrize(("name", "hashed"), [(name, hashed) for name, _, hashed in ALL_CASES],
                         ids=[name for name, _, _ in ALL_CASES])
def test_output_is_unchanged(name, hashed):
    article = golden.seed_article()
    arguments = {case: args for case, args, _ in golden.cases(article)}.get(name)
    if arguments is None:
        pytest.skip(SEED_MISSING)
    actual = golden.run(arguments)
    if hashed:
        assert golden.digest(actual) == (golden.GOLDEN / f"{name}.sha256").read_text()
    else:
        expected = (golden.GOLDEN / f"{name}.out").read_bytes()
        assert actual.decode() == expected.decode()
