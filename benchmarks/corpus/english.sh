#!/usr/bin/env bash
# The real-English benchmark corpus (issue 13): words from Debian's wamerican word list as the vocabulary,
# documents from the fortunes Debian ships (real English prose, quotes, punctuation, numbers, names).
# Downloads the two packages with `apt-get download` (no root needed) and unpacks them with `dpkg -x` into
# a cache next to the output, so it runs once per machine. Usage: english.sh OUTDIR
# Writes OUTDIR/english-vocab.txt (the words standardized as Keras's lower_and_strip_punctuation would,
# distinct, in word-list order) and OUTDIR/english-docs.txt (one document per line: whole fortunes joined
# until a document reaches 1,024 chars, newlines as spaces).
set -euo pipefail
out=${1:?usage: english.sh OUTDIR}
cache="$out/debian"
mkdir -p "$cache"
if [ ! -f "$cache/usr/share/dict/american-english" ] || [ ! -d "$cache/usr/share/games/fortunes" ]; then
  # A fresh machine may have no package lists yet: as root, fetch them once and try again.
  (cd "$cache" && apt-get download wamerican fortunes fortunes-min >/dev/null 2>&1) ||
  { [ "$(id -u)" = 0 ] && apt-get update >/dev/null 2>&1 && (cd "$cache" && apt-get download wamerican fortunes fortunes-min >/dev/null 2>&1); } || {
    echo "english.sh: 'apt-get download wamerican fortunes fortunes-min' failed (no package lists: run 'apt-get update' as root; or no Debian mirror reachable)" >&2
    exit 1
  }
  for deb in "$cache"/*.deb; do dpkg -x "$deb" "$cache"; done
fi

python3 - "$cache" "$out" <<'PY'
import os, re, sys
cache, out = sys.argv[1], sys.argv[2]
# Keras DEFAULT_STRIP_REGEX: r'[!"#$%&()\*\+,-\./:;<=>?@\[\\\]^_`{|}~\']', applied after lowercasing.
strip = re.compile(r"""[!"#$%&()\*\+,\-\./:;<=>?@\[\\\]^_`{|}~']""")
seen, words = set(), []
with open(os.path.join(cache, "usr/share/dict/american-english"), encoding="utf-8") as f:
    for line in f:
        w = strip.sub("", line.strip().lower())
        if w and w not in seen:
            seen.add(w)
            words.append(w)
with open(os.path.join(out, "english-vocab.txt"), "w", encoding="utf-8", newline="\n") as f:
    f.write("".join(w + "\n" for w in words))

folder = os.path.join(cache, "usr/share/games/fortunes")
docs, current = [], ""
for name in sorted(os.listdir(folder)):
    path = os.path.join(folder, name)
    if name.endswith((".dat", ".u8")) or os.path.islink(path) or os.path.isdir(path) or name == "ascii-art":
        continue
    with open(path, encoding="utf-8", errors="strict") as f:
        for fortune in f.read().split("\n%\n"):
            text = " ".join(fortune.replace("\t", " ").split())
            if not text:
                continue
            current = (current + " " + text).strip()
            if len(current) >= 1024:
                docs.append(current)
                current = ""
with open(os.path.join(out, "english-docs.txt"), "w", encoding="utf-8", newline="\n") as f:
    f.write("".join(d + "\n" for d in docs))
print(f"english.sh: {len(words)} vocabulary words, {len(docs)} documents of >= 1024 chars")
PY
