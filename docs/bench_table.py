#!/usr/bin/env python3
"""Side-by-side table of `bench` results and the peer harness's (H2O AutoML, scikit-learn), as Markdown.

usage: bench_table.py OURS.jsonl PEERS.jsonl > table.md
Main metric: AUC (binary, higher is better), log loss (multiclass, lower), RMSE (regression, lower).
CPU use = (user+sys CPU seconds) / (wall seconds x cores); for us both over the whole run and over the search.
"""
import json
import sys

MAIN = {"binary": ("auc", True), "multiclass": ("logloss", False), "regression": ("rmse", False)}
PEERS = ["h2o", "sklearn-default", "sklearn-search"]


def load(path):
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def fmt(v):
    if v is None:
        return "-"
    return f"{v:.4f}" if abs(v) < 1000 else f"{v:,.0f}"


def main(ours_path, peers_path):
    ours = {d["dataset"]: d for d in load(ours_path)}
    peers = {}
    for d in load(peers_path):
        peers[(d["dataset"], d["tool"])] = d
    print("| data set | task | metric | AutoML Workbench | H2O AutoML | sklearn default | sklearn search "
          "| vs H2O | vs sklearn default | wall s (ours / H2O) | trials (ours / H2O) | CPU use: ours run / search, H2O "
          "| peak MB (ours / H2O) |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    wins = {"h2o": 0, "sklearn-default": 0}
    n = 0
    for name in sorted(ours):
        d = ours[name]
        if "error" in d or not d.get("metrics"):
            print(f"| {name} | {d.get('task', '?')} | | FAILED: {d.get('error', d.get('outcome'))} | | | | | | | | | |")
            continue
        key, higher = MAIN[d["task"]]
        mine = d["metrics"].get(key)
        row = [name, d["task"], key, fmt(mine)]
        verdicts = {}
        for tool in PEERS:
            p = peers.get((name, tool))
            v = p.get("metrics", {}).get(key) if p and "error" not in p else None
            row.append(fmt(v))
            if tool in wins and v is not None and mine is not None:
                better = mine >= v if higher else mine <= v
                verdicts[tool] = "better or equal" if better else f"worse by {abs(mine - v) / max(abs(v), 1e-12):.1%}"
                wins[tool] += better
        n += 1
        h2o = peers.get((name, "h2o"), {})
        cores = d.get("nthreads", 2)
        run_use = d["cpu_s"] / (d["wall_s"] + d.get("load_s", 0)) / cores
        h2o_use = h2o.get("cpu_s", 0) / max(h2o.get("wall_s", 1), 1e-9) / cores if h2o else None
        row += [verdicts.get("h2o", "-"), verdicts.get("sklearn-default", "-"),
                f"{d['wall_s']:.1f} / {h2o.get('wall_s', float('nan')):.1f}",
                f"{d['n_models']} / {h2o.get('n_models', '-')}",
                f"{run_use:.0%} / {d.get('cpu_use_search', float('nan')):.0%}, {h2o_use:.0%}" if h2o_use else "-",
                f"{d.get('peak_rss_mb', float('nan')):.0f} / {h2o.get('peak_rss_mb', float('nan')):.0f}"]
        print("| " + " | ".join(str(c) for c in row) + " |")
    print()
    half = sum(1 for name, d in ours.items() if d.get("peak_rss_mb") and peers.get((name, "h2o"), {}).get("peak_rss_mb")
               and d["peak_rss_mb"] <= peers[(name, "h2o")]["peak_rss_mb"] / 2)
    print(f"At least as good as H2O AutoML on {wins['h2o']} of {n} data sets; "
          f"at least as good as scikit-learn's default on {wins['sklearn-default']} of {n}; "
          f"peak memory at most half of H2O's on {half} of {n}.")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
