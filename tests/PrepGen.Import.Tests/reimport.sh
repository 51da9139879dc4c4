#!/usr/bin/env bash
# Regenerates Imported/ (the committed import snapshots) with the in-repo CLI; run from this folder after
# `dotnet build ../../src/Cli`. ImportSnapshotTests fails while Imported/ differs from a fresh import.
set -euo pipefail
cd "$(dirname "$0")"
cli=../../src/Cli/bin/Debug/net10.0/prepgen.dll
rm -rf Imported
while read -r model type samples; do
  dotnet "$cli" import "Fixtures/$model" --out Imported --namespace PrepGen.Import.Tests.Imported --type "$type" --samples "Fixtures/$samples" | head -1
done <<'LIST'
models/pets-functional-keras3.0.5.keras Pets samples/pets-functional-keras3.0.5.jsonl
models/textvec-keras3.9.2-windows-crlf.keras TextCrlf samples/textvec-keras3.9.2-windows-crlf.jsonl
models/textvec-bigrams-keras3.10.0.keras TextBigrams samples/textvec-bigrams-keras3.10.0.jsonl
models/textvec-utf8-keras3.13.2.keras TextUtf8 samples/textvec-utf8-keras3.13.2.jsonl
models/featurespace-keras2.13.1.keras BankFeatures samples/featurespace-keras2.13.1.jsonl
models/functional-h5-keras2.10.0-inline-vocab.keras CarbonFootprint samples/functional-h5-keras2.10.0-inline-vocab.jsonl
synthetic/chains-keras3 Chains synthetic/chains.jsonl
LIST
