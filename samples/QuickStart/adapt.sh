#!/usr/bin/env bash
# Re-learns the quick start's state files from data/listings.csv with the prepgen tool, as Keras adapt()
# would; the build then compiles the encoders from them. (tests/PrepGen.Cli.Tests checks these commands
# still reproduce the committed files.)
set -euo pipefail
cd "$(dirname "$0")"
prepgen() { dotnet run --project ../../src/Cli -- "$@"; }
prepgen adapt -i data/listings.csv -c city -l string-lookup -o state/city.txt
prepgen adapt -i data/listings.csv -c rooms -l integer-lookup -o state/rooms.txt
prepgen adapt -i data/listings.csv -c description -l text-vectorization --max-tokens 24 -o state/description.txt
prepgen adapt -i data/listings.csv -c price -l normalization -o state/stats.json
prepgen adapt -i data/listings.csv -c area -l discretization --num-bins 4 -o state/stats.json
