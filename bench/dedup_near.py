"""`yuqi dedup` on one big cluster of near-duplicates: 20k and 100k reworded copies.

Each document is one article (about 900 characters) with 3% of its characters replaced
at random, so every document belongs to the same cluster and each new one has many
candidates. Times `yuqi dedup` end to end (JSONL in, JSONL out) in a subprocess per
size and prints the growth ratio; near-linear growth is 5x for 5x the documents (it was
quadratic in the cluster's size: 5k 9.6 s, 20k 106 s). Targets (issue 17, this 2-core
machine): 20k under 10 s, 100k under 60 s. YUQI_BENCH_NEAR_SIZES overrides the sizes.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SIZES = [int(s) for s in os.environ.get("YUQI_BENCH_NEAR_SIZES", "20000,100000").split(",")]
BASE = ("花呗逾期之后支付宝会先发短信提醒然后客服打电话催促还款逾期时间较短一般不会联系紧急联系人"
        "借呗逾期超过九十天平台可能会把欠款委托给第三方机构处理正规的催收机构必须遵守规定"
        "信用卡欠款经两次催收三个月仍不归还可能涉嫌恶意透支还不上的时候要主动联系银行申请分期"
        "网贷逾期以后征信报告上的不良记录会保存五年从结清之日起算期间申请房贷车贷可能被拒"
        "市面上很多所谓的债务优化公司声称能帮人停息挂账往往先收取高额服务费然后失去联系") * 3
FILLER = "的了是在有和就不人都一个上也很到说要去你会着没看好自己这"


def _write(path: Path, count: int) -> None:
    rnd = random.Random(count)
    with path.open("w", encoding="utf-8") as out:
        for i in range(count):
            chars = list(BASE)
            for _ in range(len(chars) * 3 // 100):
                chars[rnd.randrange(len(chars))] = rnd.choice(FILLER)
            out.write(json.dumps({"id": str(i), "text": "".join(chars)}, ensure_ascii=False)
                      + "\n")


def run() -> None:
    """Print the time of `yuqi dedup` per size, its clusters, and the growth ratio."""
    times: dict[int, float] = {}
    with tempfile.TemporaryDirectory(prefix="yuqi-bench-near-") as tmp:
        for size in SIZES:
            source = Path(tmp) / f"near{size}.jsonl"
            _write(source, size)
            start = time.perf_counter()
            proc = subprocess.run([sys.executable, "-m", "yuqi", "dedup", str(source)],
                                  capture_output=True, text=True, check=True)
            times[size] = time.perf_counter() - start
            clusters = {json.loads(line)["cluster_id"] for line in proc.stdout.splitlines()}
            print(f"yuqi dedup, {size} near-duplicates of one article: {times[size]:.1f} s, "
                  f"{len(clusters)} cluster(s)")
            source.unlink()
    if len(SIZES) >= 2:
        small, large = SIZES[0], SIZES[-1]
        print(f"growth {small} -> {large} documents ({large / small:g}x): "
              f"{times[large] / times[small]:.1f}x (linear = {large / small:g}x)")


if __name__ == "__main__":
    run()
