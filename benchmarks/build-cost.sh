#!/usr/bin/env bash
# Build cost of StringLookup vocabularies (issue 6): clean and no-op incremental `dotnet build` of a one-method
# project per vocabulary size, with the compiler's peak memory. Not BenchmarkDotNet, not part of CI.
#
#   benchmarks/build-cost.sh                  # sizes 1000 10000 100000
#   benchmarks/build-cost.sh 1000000          # any sizes
#   BUILD_COST_DIR=/tmp/bc benchmarks/build-cost.sh ...   # keep the projects (default: a temp dir, removed)
#
# Each project has ONE [StringLookup] method over a gen-vocab vocabulary (benchmarks/PrepGen.Benchmarks.Layers/
# gen-vocab.targets, the same deterministic words as the benchmarks). src/ is built once first (Release) and not
# rebuilt (-p:BuildProjectReferences=false), so the time is the consumer's compile. "clean" = bin/ and obj/ removed
# (restore and vocabulary generation are done before the timer); "no-op" = the same command again, nothing changed.
# The compiler runs in-process of the build (-p:UseSharedCompilation=false, -nodeReuse:false, -m:1), so
# /usr/bin/time -v's "Maximum resident set size" is the peak of the largest process of the build tree (csc).
# "base" is the same project with a 4-token inline vocabulary: subtract it for the vocabulary's own cost.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(1000 10000 100000)
work=${BUILD_COST_DIR:-}
if [ -z "$work" ]; then work=$(mktemp -d); trap 'rm -rf "$work"' EXIT; fi
mkdir -p "$work"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
flags=(-c Release -nodeReuse:false -m:1 -p:UseSharedCompilation=false -p:BuildProjectReferences=false -v:q -nologo)

dotnet build "$root/src/Runtime/PrepGen.Runtime.csproj" -c Release -v:q -nologo >/dev/null
dotnet build "$root/src/Generator/PrepGen.Generator.csproj" -c Release -v:q -nologo >/dev/null

name_of() { case $1 in base) echo base;; *000000) echo "$(( $1 / 1000000 ))m";; *000) echo "$(( $1 / 1000 ))k";; *) echo "$1";; esac; }

timed() { # prints "seconds maxrss_mb"
  local log=$1; shift
  /usr/bin/time -v "$@" >"$log.out" 2>"$log.time" || { cat "$log.out" "$log.time" >&2; return 1; }
  local s kb
  s=$(grep 'Elapsed (wall clock)' "$log.time" | awk -F': ' '{print $2}' | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  kb=$(grep 'Maximum resident set size' "$log.time" | awk -F': ' '{print $2}')
  echo "$s $(( kb / 1024 ))"
}

printf '| tokens | vocab file | clean build (s) | clean peak RSS (MB) | no-op build (s) | no-op peak RSS (MB) |\n|---|---|---|---|---|---|\n'
for n in base "${sizes[@]}"; do
  name=$(name_of "$n")
  dir="$work/vocab-$name"
  mkdir -p "$dir"
  if [ "$n" = base ]; then
    attr='[StringLookup(Vocabulary = new[] { "a", "b", "c", "d" })]'
    import=''
  else
    attr="[StringLookup(VocabularyFile = \"vocab-$name.txt\")]"
    import="<PropertyGroup><PrepGenVocabSizes>$n</PrepGenVocabSizes><PrepGenVocabDir>$dir/state/</PrepGenVocabDir></PropertyGroup>
  <Import Project=\"$root/benchmarks/PrepGen.Benchmarks.Layers/gen-vocab.targets\" />
  <ItemGroup><AdditionalFiles Include=\"$dir/state/vocab-$name.txt\" /></ItemGroup>"
  fi
  cat >"$dir/BuildCost.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
  </PropertyGroup>
  $import
  <ItemGroup>
    <ProjectReference Include="$root/src/Runtime/PrepGen.Runtime.csproj" />
    <ProjectReference Include="$root/src/Attributes/PrepGen.Attributes.csproj" />
    <ProjectReference Include="$root/src/Generator/PrepGen.Generator.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
  </ItemGroup>
</Project>
XML
  cat >"$dir/Program.cs" <<CS
using PrepGen;

public static partial class Program
{
    $attr
    public static partial long Lookup(string token);

    public static void Main(string[] args) => System.Console.WriteLine(Lookup(args.Length > 0 ? args[0] : "a"));
}
CS
  rm -rf "$dir/bin" "$dir/obj"
  dotnet restore "$dir/BuildCost.csproj" -v:q -nologo >/dev/null
  if [ "$n" != base ]; then dotnet msbuild "$dir/BuildCost.csproj" -t:PrepGenGenerateVocabularies -v:q -nologo >/dev/null; fi
  read -r cs cm < <(timed "$dir/clean" dotnet build "$dir/BuildCost.csproj" --no-restore "${flags[@]}")
  read -r ns nm < <(timed "$dir/noop" dotnet build "$dir/BuildCost.csproj" --no-restore "${flags[@]}")
  tokens=$n; [ "$n" = base ] && tokens=4
  printf '| %s | %s | %s | %s | %s | %s |\n' "$tokens" "$( [ "$n" = base ] && echo inline || echo "vocab-$name.txt ($(du -h "$dir/state/vocab-$name.txt" | cut -f1))")" "$cs" "$cm" "$ns" "$nm"
done
