#!/usr/bin/env bash
# Opt-in sample (not part of `dotnet test`): adapts shards of sklearn's CSVs and Debian's fortunes with `prepgen adapt --partial` as tasks
# on a Dask cluster (a scheduler and two workers started here as processes), merges them with `prepgen merge`, and
# checks the result against one single-process `prepgen adapt` (cmp; normalization within its 1e-12 bound).
#
#   samples/DistributedAdapt/run.sh            # builds src/Cli (Release) and runs it with `dotnet run --no-build`
#   PREPGEN=prepgen samples/DistributedAdapt/run.sh   # or the installed tool (README: "Installing the prepgen tool")
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=${WORK:-$(mktemp -d -t prepgen-dask-XXXXXX)}
data="$root/tests/PrepGen.Cli.Tests/Data/sklearn"

# Dask distributed from Debian (python3-distributed), run by Debian's python (a pyenv or venv python on PATH would
# not see it); fortunes-min for a text job. Installing needs root.
py=${PYTHON:-/usr/bin/python3}
if ! "$py" -c 'import distributed' 2>/dev/null || [ ! -d /usr/share/games/fortunes ]; then
    if [ "$(id -u)" = 0 ]; then
        apt-get install -y python3-distributed fortunes-min
    elif ! "$py" -c 'import distributed' 2>/dev/null; then
        echo "python3-distributed is missing: sudo apt-get install -y python3-distributed fortunes-min (or PYTHON=a python with distributed), then rerun." >&2
        exit 2
    fi
fi

# The CLI: built once here; each task then starts it with `dotnet run --no-build` (a build per task would race).
if [ -z "${PREPGEN:-}" ]; then
    dotnet build "$root/src/Cli" -c Release -nologo -v quiet
    PREPGEN="dotnet run --no-build --project $root/src/Cli -c Release --"
fi

# A scheduler and two single-process workers on this machine; stopped (by the PIDs started here) on exit.
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
"$py" -m distributed.cli.dask_scheduler --host 127.0.0.1 --port 0 --dashboard-address :0 \
    --scheduler-file "$work/scheduler.json" >"$work/scheduler.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do [ -s "$work/scheduler.json" ] && break; sleep 0.2; done
for w in 1 2; do
    "$py" -m distributed.cli.dask_worker --scheduler-file "$work/scheduler.json" --nworkers 1 --nthreads 2 \
        --name "worker-$w" --local-directory "$work/worker-$w" >"$work/worker-$w.log" 2>&1 &
    pids+=($!)
done
"$py" - "$work/scheduler.json" <<'PY'
import sys
from distributed import Client
c = Client(scheduler_file=sys.argv[1]); c.wait_for_workers(2, timeout=120); c.close()
PY

# shellcheck disable=SC2086 # PREPGEN is a command line
"$py" "$here/dask_adapt.py" "$work/scheduler.json" "$work" "$data" $PREPGEN
echo "work folder: $work"
