"""Archive throughput: `check FOLDER` zero-touch on N generated news articles (Russian and English), locally and
through `--dask local`: articles per second, peak memory of the whole process tree, scaling from 1k to 10k.

    .venv/bin/python benchmarks/archive.py [--sizes 1000,10000] [--modes local,dask] [--workers 2] [--keep DIR]
    .venv/bin/python benchmarks/archive.py --write 100 DIR     # only write an archive of 100 articles into DIR

Each article is a short news text about trade, transit or oil, written by a seeded generator (the same index
gives the same article whatever N): amounts with their growth, hedged figures, periods and dates. No store is
beside any of them, so each is drafted in memory and checked as `check ARTICLE.txt` checks it. Peak memory is
the largest sum of the resident sizes of the command and all its descendants, sampled from /proc every 50 ms.
Reports only (no target): the figures go to benchmarks/README.md with the load average they were taken at.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import bakuastana_command

# --- the generator ------------------------------------------------------------------------------------------

RU_MONTHS = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
             "ноября", "декабря"]
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]
RU_CITIES = ["Астана", "Баку", "Алматы", "Актау", "Тбилиси"]
EN_CITIES = ["Astana", "Baku", "Almaty", "Aktau", "Tbilisi"]
# (instrumental case for "между X и Y", nominative) of partner countries
RU_PARTNERS = [("Азербайджаном", "Азербайджан"), ("Грузией", "Грузия"), ("Турцией", "Турция"),
               ("Китаем", "Китай"), ("Узбекистаном", "Узбекистан")]
EN_PARTNERS = ["Azerbaijan", "Georgia", "Turkey", "China", "Uzbekistan"]
RU_HEDGES = ["около ", "более ", "почти ", "порядка ", ""]
EN_HEDGES = ["about ", "more than ", "nearly ", "around ", ""]
RU_SPEAKERS = ["министр торговли", "заместитель министра транспорта", "председатель правления компании",
               "представитель министерства энергетики"]
EN_SPEAKERS = ["the trade minister", "a deputy transport minister", "the company's chief executive",
               "an energy ministry spokesman"]


def hedge(rng: random.Random, hedges: list[str]) -> str:
    """A hedge in one figure of four (news states most figures plainly), else nothing."""
    return rng.choice(hedges) if rng.random() < 0.25 else ""


def ru_number(value: float, digits: int) -> str:
    return f"{value:.{digits}f}".replace(".", ",")


def ru_period(rng: random.Random, year: int) -> tuple[str, int]:
    end = rng.randint(2, 11)
    return f"январе-{RU_MONTHS[end][:-1] + 'е'} {year} года", end


def en_period(rng: random.Random, year: int) -> tuple[str, int]:
    end = rng.randint(2, 11)
    return f"January-{EN_MONTHS[end]} {year}", end


def amounts(rng: random.Random) -> tuple:
    """The figures of one article: trade, its growth and base, oil, containers, transit, a share, a target."""
    trade = rng.randint(150, 3000)
    growth = rng.randint(3, 60)
    base = trade / (1 + growth / 100) * (1.1 if rng.random() < 0.1 else 1)  # one in ten: a base that disagrees
    return (trade, growth, base, rng.uniform(0.3, 5.0), rng.randint(5, 90), rng.randint(200, 9000),
            rng.randint(5, 45), rng.randint(2, 10))


def ru_article(rng: random.Random) -> str:
    year = rng.randint(2021, 2025)
    month, day = rng.randint(0, 11), rng.randint(1, 28)
    partner_case, partner = rng.choice(RU_PARTNERS)
    period, _ = ru_period(rng, year)
    trade, growth, base, oil, containers, transit, share, target = amounts(rng)
    sentences = [
        f"{rng.choice(RU_CITIES)}, {day} {RU_MONTHS[month]} {year} года.",
        f"Товарооборот между Казахстаном и {partner_case} в {period} составил {hedge(rng, RU_HEDGES)}{trade} млн "
        f"долларов, что на {growth}% больше, чем годом ранее.",
        f"За тот же период прошлого года он составлял {ru_number(base, 1)} млн долларов.",
        f"По нефтепроводу Баку-Тбилиси-Джейхан в {period} прокачано {ru_number(oil, 1)} млн тонн казахстанской "
        "нефти.",
        f"Через порт Актау по Среднему коридору прошло {rng.choice(RU_HEDGES)}{containers} тысяч контейнеров, "
        f"а объем транзитных перевозок достиг {transit} тыс. тонн.",
        f"На направление {partner} пришлось {share}% грузов.",
        f"«Мы рассчитываем довести товарооборот до {target} млрд долларов к {year + 3} году», — сказал "
        f"{rng.choice(RU_SPEAKERS)}.",
    ]
    if rng.random() < 0.5:
        sentences.append(f"Соглашение о сотрудничестве было подписано {rng.randint(1, 28)} "
                         f"{RU_MONTHS[rng.randint(0, 11)]} {year - 1} года.")
    return layout(rng, sentences)


def en_article(rng: random.Random) -> str:
    year = rng.randint(2021, 2025)
    month, day = rng.randint(0, 11), rng.randint(1, 28)
    partner = rng.choice(EN_PARTNERS)
    period, _ = en_period(rng, year)
    trade, growth, base, oil, containers, transit, share, target = amounts(rng)
    sentences = [
        f"{rng.choice(EN_CITIES)}, {day} {EN_MONTHS[month]} {year}.",
        f"Trade between Kazakhstan and {partner} reached {hedge(rng, EN_HEDGES)}${trade} million in {period}, "
        f"up {growth}% from a year earlier.",
        f"In the same period last year it stood at ${base:.1f} million.",
        f"Kazakhstan shipped {oil:.1f} million tonnes of oil through the Baku-Tbilisi-Ceyhan pipeline in {period}.",
        f"The port of Aktau handled {rng.choice(EN_HEDGES)}{containers},000 containers on the Middle Corridor, "
        f"and transit cargo reached {transit * 1000:,} tonnes.",
        f"{partner}'s share of the traffic was {share}%.",
        f"\"We expect trade to reach ${target} billion by {year + 3},\" {rng.choice(EN_SPEAKERS)} said.",
    ]
    if rng.random() < 0.5:
        sentences.append(f"The cooperation agreement was signed on {EN_MONTHS[rng.randint(0, 11)]} "
                         f"{rng.randint(1, 28)}, {year - 1}.")
    return layout(rng, sentences)


def layout(rng: random.Random, sentences: list[str]) -> str:
    """The dateline, then the body in a random order (the base stays after the figure it is the base of), in
    two paragraphs."""
    blocks = [" ".join(sentences[1:3]), *sentences[3:]]
    rng.shuffle(blocks)
    return sentences[0] + " " + " ".join(blocks[:3]) + "\n\n" + " ".join(blocks[3:]) + "\n"


def article(index: int, seed: int = 16) -> tuple[str, str]:
    """(file name, text) of the index-th article: even indexes Russian, odd English; the same for any N."""
    rng = random.Random(seed * 1_000_003 + index)
    if index % 2 == 0:
        return f"{index:06d}.ru.txt", ru_article(rng)
    return f"{index:06d}.en.txt", en_article(rng)


def write_archive(folder: Path, count: int) -> Path:
    """N articles into `folder` (in subfolders of 1,000, as archives are kept), no store beside them."""
    for index in range(count):
        name, text = article(index)
        path = folder / f"{index // 1000:03d}" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


# --- the measurement ----------------------------------------------------------------------------------------

def tree_rss(root: int) -> int:
    """The resident size in bytes of `root` and all its descendants (from /proc)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    page = os.sysconf("SC_PAGE_SIZE")
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            with open(f"/proc/{entry}/statm", encoding="ascii") as statm:
                rss[int(entry)] = int(statm.read().split()[1]) * page
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(int(fields[1]), []).append(int(entry))
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, ()))
    return total


def measure(folder: Path, output: Path, extra: list[str]) -> tuple[float, float, int]:
    """(seconds, peak tree RSS in MB, exit code) of `check FOLDER --json -o OUTPUT [extra]`."""
    command = bakuastana_command("check", str(folder), "--json", "-o", str(output), *extra)
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                             env={**os.environ, "NO_COLOR": "1"})
    peak = 0
    while child.poll() is None:
        peak = max(peak, tree_rss(child.pid))
        time.sleep(0.05)
    elapsed = time.perf_counter() - start
    error = child.stderr.read().decode()
    child.stderr.close()
    if child.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed ({child.returncode}): {error[-500:]}")
    return elapsed, peak / 2**20, child.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--modes", default="local,dask", help="local (the process pool), dask (--dask local)")
    parser.add_argument("--workers", type=int, default=2, help="processes of the pool and of the local cluster")
    parser.add_argument("--keep", type=Path, help="write the archives here (default: a temporary folder)")
    parser.add_argument("--write", nargs=2, metavar=("N", "DIR"), help="only write an archive of N articles")
    args = parser.parse_args()
    if args.write:
        write_archive(Path(args.write[1]), int(args.write[0]))
        return 0
    sizes = [int(size) for size in args.sizes.split(",")]
    modes = args.modes.split(",")
    base = args.keep or Path(tempfile.mkdtemp(prefix="bakuastana-archive-"))
    print(f"cores {os.cpu_count()}, workers {args.workers}, python {sys.version.split()[0]}")
    per_article: dict[str, dict[int, float]] = {mode: {} for mode in modes}
    for size in sizes:
        folder = write_archive(base / f"archive-{size}", size)
        outputs = {}
        for mode in modes:
            extra = ["--workers", str(args.workers)] + (["--dask", "local"] if mode == "dask" else [])
            outputs[mode] = base / f"out-{size}-{mode}.json"
            load = os.getloadavg()[0]
            seconds, peak, code = measure(folder, outputs[mode], extra)
            per_article[mode][size] = seconds / size
            print(f"{size:>7,} articles  {mode:<5}  {seconds:8.1f} s  {size / seconds:7.1f} articles/s  "
                  f"peak tree RSS {peak:7.1f} MB  exit {code}  load {load:.2f} -> {os.getloadavg()[0]:.2f}")
        if len(outputs) > 1:
            first, *others = outputs.values()
            same = all(filecmp.cmp(first, other, shallow=False) for other in others)
            print(f"{size:>7,} articles  outputs identical across modes: {same}")
    for mode, times in per_article.items():
        if len(times) > 1:
            small, large = min(times), max(times)
            print(f"{mode}: time per article at {large:,} / at {small:,}: {times[large] / times[small]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
