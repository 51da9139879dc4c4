"""Runs one `prepgen adapt --partial` task per shard on a Dask cluster, one `prepgen merge` task per job, and
checks the merged state against a single-process `prepgen adapt` over the whole file (run.sh starts the cluster).

Usage: python3 dask_adapt.py SCHEDULER_FILE WORK_DIR DATA_DIR PREPGEN_COMMAND...
"""
import gzip
import json
import os
import shlex
import socket
import subprocess
import sys

from distributed import Client, get_worker

SHARDS = 4
FORTUNES = "/usr/share/games/fortunes"


def run_prepgen(prepgen, args):
    """The task: runs the CLI as a process on whichever worker Dask picked."""
    done = subprocess.run(prepgen + args, capture_output=True, text=True)
    worker = get_worker()
    return {"worker": f"{worker.address} (pid {os.getpid()} on {socket.gethostname()})",
            "rc": done.returncode, "stdout": done.stdout.strip(), "stderr": done.stderr.strip()}


def write_shards(lines, name, sizes, work):
    """Contiguous shards (their concatenation is the input, in order), no header: adapted with --no-header."""
    assert sum(sizes) == len(lines), (sizes, len(lines))
    paths, start = [], 0
    for i, size in enumerate(sizes):
        path = os.path.join(work, "shards", f"{name}-{i}.csv")
        with open(path, "w", encoding="utf-8") as f:
            f.writelines(lines[start:start + size])
        paths.append(path)
        start += size
    return paths


def even(total, parts):
    return [total // parts + (1 if i < total % parts else 0) for i in range(parts)]


def main():
    scheduler_file, work, data, prepgen = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
    os.makedirs(os.path.join(work, "shards"), exist_ok=True)
    for sub in ("partials", "merged", "single"):
        os.makedirs(os.path.join(work, sub), exist_ok=True)

    with gzip.open(os.path.join(data, "digits.csv.gz"), "rt", encoding="utf-8") as f:
        digits = f.readlines()                       # 1797 rows: 64 pixels (0..16) and the label
    with open(os.path.join(data, "wine_data.csv"), encoding="utf-8") as f:
        wine = f.readlines()[1:]                     # sklearn's first line is not data

    # name, the whole input and how the single pass reads it, shard files, layer options (shards are read with
    # --no-header but for text), outputs, exact?
    digits_in = ["-i", os.path.join(data, "digits.csv.gz"), "--no-header"]
    wine_in = ["-i", os.path.join(data, "wine_data.csv"), "--skip-rows", "1", "--no-header"]
    # Discretization batches of 450 values: shards of 450, 450, 450, 447 end where the single pass's batches end.
    jobs = [
        ("digits-label", digits_in, write_shards(digits, "digits-label", even(len(digits), SHARDS), work),
         ["-c", "64", "-l", "integer-lookup"], {"--out": "label.txt"}, True),
        ("digits-pixel-tfidf", digits_in, write_shards(digits, "digits-pixel", [500, 1, 700, 596], work),
         ["-c", "36", "-l", "integer-lookup", "--output-mode", "tf-idf"], {"--out": "pixel36.txt", "--idf-out": "pixel36.idf"}, True),
        ("digits-pixel-bins", digits_in, write_shards(digits, "digits-bins", [450, 450, 450, 447], work),
         ["-c", "20", "-l", "discretization", "--num-bins", "6", "--batch-size", "450", "--stats-key", "pixel20"], {"--out": "bins.json"}, True),
        ("wine-normalization", wine_in, write_shards(wine, "wine", even(len(wine), SHARDS), work),
         [a for c in range(13) for a in ("-c", str(c))] + ["-l", "normalization", "--stats-key", "wine"], {"--out": "wine.json"}, False),
    ]
    # Debian's fortunes-min: three text files are the shards (one document a line), their concatenation the whole.
    if os.path.isdir(FORTUNES):
        parts = [os.path.join(FORTUNES, n) for n in ("fortunes", "literature", "riddles")]
        whole = os.path.join(work, "shards", "fortunes-all.txt")
        with open(whole, "wb") as out:
            for part in parts:
                out.write(open(part, "rb").read())
        jobs.append(("fortunes-tfidf-bigrams", ["-i", whole], parts,
                     ["-l", "text-vectorization", "--output-mode", "tf-idf", "--ngrams", "2", "--max-tokens", "5000"],
                     {"--out": "fortunes.txt", "--idf-out": "fortunes.idf"}, True))

    client = Client(scheduler_file=scheduler_file)
    workers = sorted(client.scheduler_info()["workers"])
    print(f"cluster: scheduler {client.scheduler.address}, {len(workers)} workers: {', '.join(workers)}")

    # One task per shard, all submitted at once; pure=False: every task runs even if its arguments repeat.
    tasks = {}
    for name, _, shards, options, _, _ in jobs:
        for i, shard in enumerate(shards):
            partial = os.path.join(work, "partials", f"{name}-{i}.pgpartial")
            tasks[(name, i)] = (partial, client.submit(run_prepgen, prepgen,
                                ["adapt", "-i", shard, *(["--no-header"] if shard.endswith(".csv") else []), *options,
                                 "--partial", partial, "--quiet"], pure=False))
    failed = False
    for (name, i), (_, future) in tasks.items():
        r = future.result()
        print(f"adapt {name} shard {i} on {r['worker']}: rc={r['rc']} {r['stdout'] or r['stderr']}")
        failed |= r["rc"] != 0
    if failed:
        sys.exit("a shard failed")

    ok = True
    for name, whole, shards, options, outputs, exact in jobs:
        partials = [tasks[(name, i)][0] for i in range(len(shards))]
        merged = [a for k, v in outputs.items() for a in (k, os.path.join(work, "merged", v))]
        r = client.submit(run_prepgen, prepgen, ["merge", *merged, *partials], pure=False).result()
        print(f"merge {name} on {r['worker']}: rc={r['rc']} {r['stdout'] or r['stderr']}")
        single = [a for k, v in outputs.items() for a in (k, os.path.join(work, "single", v))]
        s = subprocess.run(prepgen + ["adapt", *whole, *options, *single, "--quiet"], capture_output=True, text=True)
        print(f"single-process adapt {name}: rc={s.returncode} {s.stdout.strip() or s.stderr.strip()}")
        if r["rc"] != 0 or s.returncode != 0:
            ok = False
            continue
        for out in outputs.values():
            a, b = os.path.join(work, "single", out), os.path.join(work, "merged", out)
            if exact:
                same = subprocess.run(["cmp", a, b]).returncode == 0
                print(f"  cmp single/{out} merged/{out}: {'identical' if same else 'DIFFERENT'}")
            else:
                x = json.load(open(a))["features"]["wine"]
                y = json.load(open(b))["features"]["wine"]
                worst = max(abs(p - q) / abs(p) for k in ("mean", "variance") for p, q in zip(x[k], y[k]))
                same = x["count"] == y["count"] and worst <= 1e-12
                print(f"  {out}: count {y['count']} both, largest relative difference of mean/variance {worst:.1e} (bound 1e-12)")
            ok &= same
    client.close()
    print("ALL EQUAL to the single-process adapt" if ok else "MISMATCH")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
