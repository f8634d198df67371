"""`check FOLDER --dask`: the batch on a Dask cluster gives the local pool's output byte for byte, survives a worker
that dies, keeps a bounded window of tasks, and Dask is imported only when asked for."""

import json
import os
import shutil
import subprocess
import sys
import time

import pytest

from bakuastana.cli.batch import Pair, check_pair, find_pairs
from conftest import ROOT

DATA = ROOT / "tests" / "data"
MINI_STORE, MINI_ARTICLE = DATA / "mini_facts.yaml", DATA / "mini_article.ru.txt"

# Short articles written for this test, checked zero-touch (no store beside them).
TEXTS = {
    "oil.ru.txt": "Астана, 3 октября 2024 года. В январе-сентябре 2024 года по нефтепроводу Баку-Тбилиси-Джейхан "
                  "прокачано 1,2 млн тонн казахстанской нефти, что на 15% больше, чем годом ранее.\n",
    "trade.en.txt": "Astana, 12 March 2024. Trade between Kazakhstan and Azerbaijan reached $480 million in 2023, "
                    "up 20% from 2022, when it was about $400 million, the ministry said.\n",
    "transit.ru.txt": "Актау, 5 февраля 2025 года. Объем контейнерных перевозок по Среднему коридору в 2024 году "
                      "вырос в 2,5 раза и составил около 50 тысяч контейнеров.\n",
    "ports.en.txt": "Aktau, 20 May 2024. The port handled 4.1 million tonnes of cargo in January-April, nearly "
                    "a third more than a year earlier.\n",
}


def archive(folder):
    """A folder mixing a pair with its store, zero-touch articles in both languages and a broken store."""
    folder.mkdir()
    shutil.copyfile(MINI_STORE, folder / "mini.facts.yaml")
    shutil.copyfile(MINI_ARTICLE, folder / "mini.txt")
    (folder / "news").mkdir()
    for name, text in TEXTS.items():
        (folder / "news" / name).write_text(text, encoding="utf-8")
    shutil.copyfile(MINI_ARTICLE, folder / "broken.txt")
    (folder / "broken.facts.yaml").write_text("facts:\n  - id: x\n    id: y\n", encoding="utf-8")  # duplicate key
    return folder


def test_dask_local_gives_the_local_pools_json_byte_for_byte(cli, tmp_path):
    folder = archive(tmp_path / "archive")
    local = cli("check", str(folder), "--json", "--workers", "2")
    dask = cli("check", str(folder), "--json", "--dask", "local", "--workers", "2")
    assert local.code == dask.code == 2, (local.err, dask.err)  # the broken store is bad input, the others ran
    assert dask.out == local.out
    report = json.loads(dask.out)
    assert [os.path.relpath(item["article"], folder) for item in report["articles"]] == [
        "broken.txt", "mini.txt", *sorted(os.path.join("news", name) for name in TEXTS)]
    checked = [item for item in report["articles"] if "summary" in item]
    assert report["summary"]["checked"] == len(checked) == 1 + len(TEXTS)
    zero_touch = [item for item in checked if item["facts"] is None]
    assert len(zero_touch) == len(TEXTS) and all(item["summary"]["facts"] > 0 for item in zero_touch)
    concise = cli("check", str(folder), "--dask", "local")
    assert concise.out == cli("check", str(folder)).out


def test_a_folder_of_articles_without_stores_is_checked_zero_touch_like_each_article(cli, tmp_path):
    folder = tmp_path / "texts"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    batch = json.loads(cli("check", str(folder), "--json").out)
    for item in batch["articles"]:
        alone = json.loads(cli("check", item["article"], "--json").out)
        assert item["summary"] == alone["summary"] and item["findings"] == alone["findings"], item["article"]


def test_dask_not_installed_is_one_line_and_exit_2(cli, tmp_path, monkeypatch):
    folder = archive(tmp_path / "archive")
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if the extra were not installed
    result = cli("check", str(folder), "--dask", "local")
    assert result.code == 2 and result.out == ""
    assert result.err.strip().splitlines() == [
        "error: --dask needs Dask distributed, which is not installed (distributed is missing): "
        "pip install 'bakuastana[dask]'"]


def test_dask_needs_a_folder_or_manifest(cli):
    result = cli("check", "--dask", "local")
    assert result.code == 2 and "--dask and --workers" in result.err


def test_a_batch_without_dask_imports_no_dask_module(tmp_path):
    folder = archive(tmp_path / "archive")
    code = ("import sys\nfrom bakuastana.cli import main\nsys.argv = ['bakuastana', 'check', sys.argv[1], '--json']\n"
            "try:\n    main()\nexcept SystemExit as exc:\n    code = exc.code\n"
            "print(code, sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))\n")
    done = subprocess.run([sys.executable, "-c", code, str(folder)], capture_output=True, text=True, timeout=120,
                          stdin=subprocess.DEVNULL)
    assert done.stdout.splitlines()[-1] == "2 []", done.stderr


# --- the runner on a cluster: a worker that dies, the bounded window ------------------------------------------

@pytest.fixture(scope="module")
def client():
    import cloudpickle

    from bakuastana.cli.dask_runner import connect

    cloudpickle.register_pickle_by_value(sys.modules[__name__])  # the workers cannot import this test module
    with connect("local", 2) as client:
        yield client


def dies_once(pair: Pair, marker: str, select, settings):
    """check_pair, except that the worker process checking `marker`'s article exits the first time."""
    if pair.article.endswith(marker) and not os.path.exists(pair.article + ".tried"):
        with open(pair.article + ".tried", "w") as seen:
            seen.write(str(os.getpid()))
        os._exit(1)  # the worker process dies mid-run, as a machine lost from a cluster
    return check_pair(pair, select, settings)


def test_a_worker_that_dies_mid_run_has_its_article_retried(client, tmp_path):
    from bakuastana.cli.dask_runner import run_ordered

    folder = archive(tmp_path / "archive")
    pairs = find_pairs(folder)
    expected = [check_pair(pair).to_dict() for pair in pairs]
    pids_before = set(client.run(os.getpid).values())
    results = list(run_ordered(client, dies_once, pairs, "trade.en.txt", None, None))
    assert (folder / "news" / "trade.en.txt.tried").exists()  # the first try ran, and its process exited
    assert int((folder / "news" / "trade.en.txt.tried").read_text()) in pids_before
    assert [result.to_dict() for result in results] == expected
    assert [result.article for result in results] == [pair.article for pair in pairs]


def slow_first(index: int, count: int) -> int:
    """The index back, after a delay that makes later items finish before earlier ones."""
    time.sleep(0.02 * (count - index) if index < 4 else 0)
    return index


def test_results_come_in_order_with_a_bounded_window(client):
    from bakuastana.cli.dask_runner import run_ordered

    count, window, values, outstanding, seen = 60, 6, [], [], []
    for value in run_ordered(client, slow_first, list(range(count)), count, window=window,
                             progress=lambda done, total: seen.append((done, total))):
        values.append(value)
        outstanding.append(len(client.futures))  # submitted and not yet released
    assert values == list(range(count))
    assert max(outstanding) <= window
    assert seen[-1] == (count, count) and len(seen) == count


def test_an_article_lost_on_every_try_is_its_error_line(client, tmp_path):
    from bakuastana.cli.batch import lost_pair
    from bakuastana.cli.dask_runner import run_ordered

    pairs = [Pair(str(tmp_path / "x.txt"), None)]
    results = list(run_ordered(client, always_fails, pairs, failed=lost_pair))
    assert results[0].error.startswith(f"{tmp_path / 'x.txt'}: error: internal error: not checked: ValueError")


def always_fails(pair: Pair):
    raise ValueError(f"cannot check {pair.article}")


def test_a_scheduler_address_runs_the_batch_on_that_cluster(cli, client, tmp_path):
    folder = archive(tmp_path / "archive")
    address = client.scheduler.address  # a cluster already running, as a user's would be
    assert address.startswith("tcp://127.0.0.1:")
    remote = cli("check", str(folder), "--json", "--dask", address)
    assert remote.code == 2 and remote.out == cli("check", str(folder), "--json").out
    unreachable = cli("check", str(folder), "--dask", "tcp://127.0.0.1:9")
    assert unreachable.code == 2 and unreachable.out == ""
    assert unreachable.err.startswith("error: cannot reach the Dask scheduler at tcp://127.0.0.1:9: ")
