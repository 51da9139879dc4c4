#!/usr/bin/python3
"""Independent golden samples for PrepGen's Keras model importer.

Reads each saved Keras fixture (.keras zip or HDF5) and re-implements its
preprocessing layers in plain Python/numpy from the fixture's own state
(vocabulary.txt assets, inline vocabularies, Normalization mean/variance,
the Discretization quantile summary), then writes one JSONL file per fixture:

    {"inputs": {"<input name>": value, ...}, "output": [numbers...]}

No TensorFlow or Keras is used. Needs only Debian python3 + h5py + numpy.

Usage:
    /usr/bin/python3 make_samples.py [--models DIR] [--out DIR] [--vectors FILE]

Defaults: --models ../models (the fixtures copied into this repository) (or $KERAS_MODELS_DIR),
--out the folder holding this script, --vectors ../../../Vectors/farmhash-long.json
relative to this script. See README.md next to this script for the semantics.
"""
import argparse
import io
import json
import os
import random
import re
import zipfile
from pathlib import Path

import h5py
import numpy as np

# ---------------------------------------------------------------------------
# FarmHash Fingerprint64 = farmhashna::Hash64 (google/farmhash farmhash.cc),
# ported from docs/keras-semantics.md, "FarmHash Fingerprint64", plus the
# >64-byte loop of farmhashna. Verified against tests/Vectors/farmhash-long.json.
# ---------------------------------------------------------------------------
M64 = (1 << 64) - 1
K0 = 0xC3A5C85C97CB3127
K1 = 0xB492B66FBE98F273
K2 = 0x9AE16A3B2F90404F


def _rot(v, r):
    return ((v >> r) | (v << (64 - r))) & M64 if r else v


def _f64(s, i):
    return int.from_bytes(s[i:i + 8], "little")


def _f32(s, i):
    return int.from_bytes(s[i:i + 4], "little")


def _smix(v):
    return v ^ (v >> 47)


def _hl16(u, v, mul):
    a = ((u ^ v) * mul) & M64
    a ^= a >> 47
    b = ((v ^ a) * mul) & M64
    b ^= b >> 47
    return (b * mul) & M64


def _len0to16(s):
    n = len(s)
    if n >= 8:
        mul = (K2 + n * 2) & M64
        a = (_f64(s, 0) + K2) & M64
        b = _f64(s, n - 8)
        c = (_rot(b, 37) * mul + a) & M64
        d = ((_rot(a, 25) + b) * mul) & M64
        return _hl16(c, d, mul)
    if n >= 4:
        mul = (K2 + n * 2) & M64
        a = _f32(s, 0)
        return _hl16((n + (a << 3)) & M64, _f32(s, n - 4), mul)
    if n > 0:
        a = s[0]
        b = s[n >> 1]
        c = s[n - 1]
        y = (a + (b << 8)) & 0xFFFFFFFF
        z = (n + (c << 2)) & 0xFFFFFFFF
        return (_smix(((y * K2) ^ (z * K0)) & M64) * K2) & M64
    return K2


def _len17to32(s):
    n = len(s)
    mul = (K2 + n * 2) & M64
    a = (_f64(s, 0) * K1) & M64
    b = _f64(s, 8)
    c = (_f64(s, n - 8) * mul) & M64
    d = (_f64(s, n - 16) * K2) & M64
    return _hl16((_rot((a + b) & M64, 43) + _rot(c, 30) + d) & M64,
                 (a + _rot((b + K2) & M64, 18) + c) & M64, mul)


def _len33to64(s):
    n = len(s)
    mul = (K2 + n * 2) & M64
    a = (_f64(s, 0) * K2) & M64
    b = _f64(s, 8)
    c = (_f64(s, n - 8) * mul) & M64
    d = (_f64(s, n - 16) * K2) & M64
    y = (_rot((a + b) & M64, 43) + _rot(c, 30) + d) & M64
    z = _hl16(y, (a + _rot((b + K2) & M64, 18) + c) & M64, mul)
    e = (_f64(s, 16) * mul) & M64
    f = _f64(s, 24)
    g = ((y + _f64(s, n - 32)) * mul) & M64
    h = ((z + _f64(s, n - 24)) * mul) & M64
    return _hl16((_rot((e + f) & M64, 43) + _rot(g, 30) + h) & M64,
                 (e + _rot((f + a) & M64, 18) + g) & M64, mul)


def _weak32(s, i, a, b):
    w, x, y, z = _f64(s, i), _f64(s, i + 8), _f64(s, i + 16), _f64(s, i + 24)
    a = (a + w) & M64
    b = _rot((b + a + z) & M64, 21)
    c = a
    a = (a + x) & M64
    a = (a + y) & M64
    b = (b + _rot(a, 44)) & M64
    return ((a + z) & M64, (b + c) & M64)


def fingerprint64(s: bytes) -> int:
    n = len(s)
    if n <= 16:
        return _len0to16(s)
    if n <= 32:
        return _len17to32(s)
    if n <= 64:
        return _len33to64(s)
    seed = 81
    x = seed
    y = (seed * K1 + 113) & M64
    z = (_smix((y * K2 + 113) & M64) * K2) & M64
    v = (0, 0)
    w = (0, 0)
    x = (x * K2 + _f64(s, 0)) & M64
    end = ((n - 1) // 64) * 64
    last64 = n - 64
    p = 0
    while True:
        x = (_rot((x + y + v[0] + _f64(s, p + 8)) & M64, 37) * K1) & M64
        y = (_rot((y + v[1] + _f64(s, p + 48)) & M64, 42) * K1) & M64
        x ^= w[1]
        y = (y + v[0] + _f64(s, p + 40)) & M64
        z = (_rot((z + w[0]) & M64, 33) * K1) & M64
        v = _weak32(s, p, (v[1] * K1) & M64, (x + w[0]) & M64)
        w = _weak32(s, p + 32, (z + w[1]) & M64, (y + _f64(s, p + 16)) & M64)
        z, x = x, z
        p += 64
        if p == end:
            break
    mul = (K1 + ((z & 0xFF) << 1)) & M64
    p = last64
    w = ((w[0] + ((n - 1) & 63)) & M64, w[1])
    v = ((v[0] + w[0]) & M64, v[1])
    w = ((w[0] + v[0]) & M64, w[1])
    x = (_rot((x + y + v[0] + _f64(s, p + 8)) & M64, 37) * mul) & M64
    y = (_rot((y + v[1] + _f64(s, p + 48)) & M64, 42) * mul) & M64
    x ^= (w[1] * 9) & M64
    y = (y + v[0] * 9 + _f64(s, p + 40)) & M64
    z = (_rot((z + w[0]) & M64, 33) * mul) & M64
    v = _weak32(s, p, (v[1] * mul) & M64, (x + w[0]) & M64)
    w = _weak32(s, p + 32, (z + w[1]) & M64, (y + _f64(s, p + 16)) & M64)
    z, x = x, z
    return _hl16((_hl16(v[0], w[0], mul) + _smix(y) * K0 + z) & M64,
                 (_hl16(v[1], w[1], mul) + x) & M64, mul)


KMUL = 0xC6A4A7935BD1E995


def fingerprint_cat64(fp1, fp2):
    r = fp1 ^ KMUL
    r ^= (_smix((fp2 * KMUL) & M64) * KMUL) & M64
    r = (r * KMUL) & M64
    r = (_smix(r) * KMUL) & M64
    return _smix(r)


def check_farmhash(vectors_path):
    known = {b"a": 12917804110809363939, b"b": 11795596070477164822,
             b"c": 11430444447143000872, b"d": 4470636696479570465,
             b"Hello": 15404698994557526151, b"World": 18308117990299812472}
    for k, v in known.items():
        assert fingerprint64(k) == v, (k, fingerprint64(k), v)
    d = json.load(open(vectors_path, encoding="utf-8"))
    n = 0
    for e in d["fingerprint64"]:
        if "len" in e:
            data = bytes(((i * 31 + 7) & 0xFF) for i in range(e["len"]))
        else:
            data = e["text"].encode("utf-8")
        got = fingerprint64(data)
        assert got == int(e["value"]), (e, got)
        n += 1
    return n


# ---------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------
F32 = np.float32
EPSILON = F32(1e-7)  # keras.config.epsilon()
PUNCT = b"!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"  # string.punctuation, the strip regex class
assert len(PUNCT) == 32


def f32(v):
    """A float32 value as the Python float written to JSON."""
    return float(F32(v))


class OOVError(Exception):
    """A lookup with num_oov_indices=0 got an unknown value (Keras raises)."""


class Fixture:
    """A .keras zip: config.json, model.weights.h5 and assets/**."""

    def __init__(self, path):
        self.path = Path(path)
        self.zip = zipfile.ZipFile(self.path)
        self.config = json.loads(self.zip.read("config.json"))
        self.metadata = json.loads(self.zip.read("metadata.json"))
        self.h5 = h5py.File(io.BytesIO(self.zip.read("model.weights.h5")), "r")

    def asset(self, name):
        return self.zip.read(name)

    def var(self, path):
        return self.h5[path][()]


def keras_vocab_lines(raw: bytes):
    """What Keras' IndexLookup.load_assets sees: open(path, "r").read().split("\\n").

    Text mode uses universal newlines, so "\\r\\n" (and a lone "\\r") become "\\n";
    the split is on "\\n" only (not str.splitlines). No trailing newline in these files.
    """
    text = raw.decode("utf-8")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.split("\n")


class Lookup:
    """IndexLookup forward mode (docs/keras-semantics.md, "Lookup: index layout", "Lookup: forward lookup, mask and OOV", "Lookup: given vocabulary"), num_oov_indices 0 or 1."""

    def __init__(self, vocab, mask_token, oov_token, num_oov, output_mode):
        assert num_oov in (0, 1)
        self.mask_token = mask_token
        self.num_oov = num_oov
        self.oov_start = 1 if (mask_token is not None and output_mode == "int") else 0
        self.token_start = self.oov_start + num_oov
        prefix = [mask_token] * self.oov_start + [oov_token] * num_oov
        tokens = list(vocab)
        if tokens[:len(prefix)] == prefix:
            tokens = tokens[len(prefix):]
        assert len(set(tokens)) == len(tokens), "duplicate token"
        if mask_token is not None:
            assert mask_token not in tokens
        self.table = {t: self.token_start + i for i, t in enumerate(tokens)}
        self.tokens = tokens
        self.vocabulary_size = self.token_start + len(tokens)

    def __call__(self, x):
        if self.mask_token is not None and x == self.mask_token:
            return 0
        if x in self.table:
            return self.table[x]
        if self.num_oov == 0:
            raise OOVError(x)
        return self.oov_start


def multi_hot(index, depth):
    """CategoryEncoding(multi_hot) of one index (a (batch,1) input row)."""
    out = [0.0] * depth
    if 0 <= index < depth:
        out[index] = 1.0
    return out


def normalize(x, mean, var):
    """Normalization: (x - mean) / max(sqrt(var), 1e-7), all float32."""
    x = F32(x)
    mean = F32(mean)
    sd = np.maximum(np.sqrt(F32(var)), EPSILON)
    return F32(F32(x - mean) / sd)


def text_vectorize(text, table, ngrams, seq_len):
    """TextVectorization int mode, lower_and_strip_punctuation + whitespace split.

    lower: ASCII A-Z only (bytes.lower); strip: delete the 32 ASCII punctuation
    bytes; split: runs of ASCII whitespace (space \\t \\n \\v \\f \\r) = bytes.split();
    ngrams n: all 1-grams, then 2-grams ... joined with " "; lookup: "" -> 0,
    miss -> 1 (OOV); then right-pad with 0 / keep the first seq_len.
    """
    b = text.encode("utf-8").lower().translate(None, PUNCT)
    toks = b.split()
    grams = list(toks)
    for w in range(2, (ngrams or 1) + 1):
        grams += [b" ".join(toks[i:i + w]) for i in range(len(toks) - w + 1)]
    ids = [0 if g == b"" else table.get(g, 1) for g in grams]
    ids = ids[:seq_len]
    return ids + [0] * (seq_len - len(ids))


def write_jsonl(path, rows):
    assert 40 <= len(rows) <= 200, (path, len(rows))
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=True, separators=(",", ":")) + "\n")
    return len(rows)


def snake_state_names(layers):
    """Keras 3 / tf.keras saving_lib names: class snake_case + per-class counter, in order."""
    counts = {}
    names = {}
    for layer in layers:
        cls = layer["class_name"]
        snake = re.sub("(.)([A-Z][a-z]+)", r"\1_\2", cls)
        snake = re.sub("([a-z])([A-Z])", r"\1_\2", snake).lower()
        n = counts.get(snake, -1) + 1
        counts[snake] = n
        names[layer["config"]["name"]] = snake if n == 0 else f"{snake}_{n}"
    return names


def cycle_rows(n_rows, candidates, rng):
    """Rows of inputs: each input cycles through its own shuffled candidate list,
    so every candidate appears at least once when n_rows >= the longest list."""
    shuffled = {}
    for k, v in candidates.items():
        v = list(v)
        rng.shuffle(v)
        shuffled[k] = v
    rows = []
    for i in range(n_rows):
        rows.append({k: v[i % len(v)] for k, v in shuffled.items()})
    return rows


def string_oov_variants(tokens):
    """Unseen strings for a string lookup: empty, the OOV token itself, case and
    whitespace variants of a real token, non-ASCII and unrelated strings."""
    t0 = tokens[0]
    out = ["", "[UNK]", t0.lower(), t0.upper(), " " + t0, t0 + " ", t0 + "\t",
           "Ünknown", "n/a", "0"]
    if " " in "".join(tokens):
        multi = [t for t in tokens if " " in t][0]
        out.append(multi.replace(" ", "  "))
    return [s for i, s in enumerate(out) if s not in out[:i]]


# ---------------------------------------------------------------------------
# pets-functional-keras3.0.5.keras
# ---------------------------------------------------------------------------
def make_pets(models_dir, out_dir):
    stem = "pets-functional-keras3.0.5"
    fx = Fixture(models_dir / f"{stem}.keras")
    cfg = fx.config["config"]
    layers = cfg["layers"]
    state = snake_state_names(layers)
    by_name = {l["config"]["name"]: l for l in layers}
    input_names = [x[0] for x in cfg["input_layers"]]

    def src(layer):
        args = layer["inbound_nodes"][0]["args"][0]
        return args["config"]["keras_history"][0]

    ops = {}
    lookups = {}  # input name -> Lookup
    for l in layers:
        name, cls, c = l["config"]["name"], l["class_name"], l["config"]
        if cls in ("StringLookup", "IntegerLookup"):
            lines = keras_vocab_lines(fx.asset(f"assets/layers/{state[name]}/vocabulary.txt"))
            if cls == "IntegerLookup":
                lines = [int(x) for x in lines]
            lk = Lookup(lines, c["mask_token"], c["oov_token"], c["num_oov_indices"], c["output_mode"])
            assert lk.vocabulary_size == c["vocabulary_size"], (name, lk.vocabulary_size)
            assert c["output_mode"] == "int"
            ops[name] = ("lookup", lk, src(l))
            lookups[src(l)] = lk
        elif cls == "Normalization":
            assert c["axis"] == [] and c["mean"] is None
            mean = fx.var(f"layers/{state[name]}/vars/0")
            var = fx.var(f"layers/{state[name]}/vars/1")
            assert np.shape(mean) == () and np.shape(var) == ()
            ops[name] = ("norm", (F32(mean), F32(var)), src(l))
        elif cls == "CategoryEncoding":
            assert c["output_mode"] == "multi_hot"
            ops[name] = ("cat", c["num_tokens"], src(l))
        elif cls == "Concatenate":
            concat_parts = [a["config"]["keras_history"][0] for a in l["inbound_nodes"][0]["args"][0]]

    def value(name, row):
        if name in input_names:
            return row[name]
        kind, arg, s = ops[name]
        x = value(s, row)
        if kind == "lookup":
            return arg(x)
        if kind == "norm":
            return [f32(normalize(x, *arg))]
        if kind == "cat":
            return multi_hot(x, arg)
        raise AssertionError(kind)

    # Inputs: every vocabulary token plus unseen values.
    cands = {}
    for n in input_names:
        dtype = by_name[n]["config"]["dtype"]
        if dtype == "string":
            toks = lookups[n].tokens
            cands[n] = list(toks) + string_oov_variants(toks)
        elif dtype == "int64":
            toks = lookups[n].tokens
            cands[n] = list(toks) + [0, 5, 12, 24, -1, -3, 100, 2 ** 31, 2 ** 40 + 1,
                                     -(2 ** 63), 2 ** 63 - 1]
        else:
            kind, (mean, var), _ = [ops[k] for k in ops if ops[k][0] == "norm" and ops[k][2] == n][0]
            cands[n] = [f32(v) for v in (0.0, 1.0, 2.0, 3.0, 5.0, mean, -1.0, -2.5, 0.5, 30.0,
                                         50.0, 100.0, 500.0, 1e-8, 123456.789, 1e6, 1e12, -1e6)]
    rng = random.Random(20261203)
    rows = cycle_rows(60, cands, rng)
    out = []
    for r in rows:
        r = {n: r[n] for n in input_names}
        vec = []
        for part in concat_parts:
            vec += value(part, r)
        assert len(vec) == 48
        out.append({"inputs": r, "output": vec})
    return write_jsonl(out_dir / f"{stem}.jsonl", out)


# ---------------------------------------------------------------------------
# TextVectorization fixtures (Sequential models)
# ---------------------------------------------------------------------------
def text_rows(tokens, rng, seq_len, ngrams, must_include=(), n_cover_rows=30):
    """Input texts: sentences made of vocabulary words, then the edge cases."""
    words = [t for t in tokens if t not in ("", "[UNK]")]
    uni = [t for t in words if " " not in t]
    texts = []
    # Coverage: the listed tokens first (all of them), then random vocabulary words.
    pool = list(must_include)
    if len(words) <= n_cover_rows * 6:
        pool += [w for w in words if w not in pool]
    else:
        pool += rng.sample(words, n_cover_rows * 5)
    i = 0
    while i < len(pool):
        k = rng.randint(3, 8)
        texts.append(" ".join(pool[i:i + k]))
        i += k
    a, b, c, d = rng.sample(uni, 4)
    big = [t for t in words if " " in t]
    texts += [
        "",
        "   ",
        " \t\n\r\x0b\x0c ",
        "!!! ??? ... ---",
        " ".join([a, b, c]).upper(),
        " ".join([a, b, c]).title(),
        f"{a.capitalize()}, {b}! ({c}) -- \"{d}\"?",
        f"{a}.{b} {c}/{d} {a}_{b} {c}-{d} [{a}] {{{b}}} <{c}> {d}'s",
        f"{a}\t{b}\n{c}\r\n{d}",
        f"  {a}     {b}  \t\t {c}\n\n\n{d}   ",
        f"{a}\x0b{b}\x0c{c}",
        f"{a}\u00a0{b} {c}\u3000{d} {a}\u2028{b}",
        f"zzqxv {a} blorptastic {b} qwertyuiop",
        f"{a} 12345 {b} 3.14 {c} 2024",
        "[UNK]",
        f"[UNK] {a} [unk] UNK",
        f"caf\u00e9 {a} CAF\u00c9 na\u00efve \u00c9COLE {b}",
        f"{a}\u2019s {b} \u201c{c}\u201d \u2014 {d}",
        "\U0001F600 " + a + " \U0001F680",
        f"{a}{b} {c}{d}",
        f"{a}#{b} {c}@{d} {a}&{b} {c}~{d}",
    ]
    if big:
        for t in rng.sample(big, min(12, len(big))):
            texts.append(f"{t}")
        x, y = rng.sample(big, 2)
        texts.append(f"{x} {y}")
        texts.append(f"{x.upper()}, {y}!")
        texts.append(x.replace(" ", "\t"))
        texts.append(x.replace(" ", ", "))
        texts.append(" ".join(reversed(x.split(" "))))
    # Random sentences with random case and punctuation mutations.
    for _ in range(12):
        ws = []
        for _ in range(rng.randint(2, 9)):
            w = rng.choice(words)
            m = rng.randrange(6)
            if m == 1:
                w = w.upper()
            elif m == 2:
                w = w.capitalize() + rng.choice([",", ".", "!", "?", ";", ":"])
            elif m == 3:
                w = rng.choice(["(", "'", '"', "#", "*"]) + w + rng.choice([")", "'", '"', "%", "..."])
            ws.append(w)
        texts.append(rng.choice([" ", "  ", "\t", " \n"]).join(ws))
    # Longer than output_sequence_length (and much longer).
    texts.append(" ".join(rng.choice(words) for _ in range(seq_len + 7)))
    texts.append(" ".join(rng.choice(uni) for _ in range(seq_len // max(1, ngrams or 1) + 11)))
    texts.append(" ".join(rng.choice(uni) for _ in range(seq_len * 3)))
    texts.append(" ".join(rng.choice(uni) for _ in range(max(1, seq_len - 1))))
    texts.append(" ".join(rng.choice(uni) for _ in range(seq_len)))
    texts.append(", ".join(rng.choice(uni).upper() for _ in range(seq_len + 1)))
    return texts


def make_textvec(models_dir, out_dir, stem, input_key, must_include_fn=None, seed=1):
    fx = Fixture(models_dir / f"{stem}.keras")
    layers = fx.config["config"]["layers"]
    tv = [l for l in layers if l["class_name"] == "TextVectorization"]
    assert len(tv) == 1
    c = tv[0]["config"]
    assert c["output_mode"] == "int" and c["standardize"] == "lower_and_strip_punctuation"
    assert c["split"] == "whitespace" and c["vocabulary"] is None
    names = snake_state_names([l for l in layers if l["class_name"] != "InputLayer"])
    path = f"assets/layers/{names[c['name']]}"
    raw = fx.asset(f"{path}/vocabulary.txt")
    raw2 = fx.asset(f"{path}/_lookup_layer/vocabulary.txt")
    assert raw == raw2
    lines = keras_vocab_lines(raw)
    lk = Lookup(lines, "", "[UNK]", 1, "int")
    assert lk.vocabulary_size == c["vocabulary_size"] == len(lines)
    assert lines[0] == "" and lines[1] == "[UNK]"
    table = {t.encode("utf-8"): i for t, i in lk.table.items()}
    assert all(table[lines[i].encode("utf-8")] == i for i in range(2, len(lines)))
    ngrams = c["ngrams"]
    seq_len = c["output_sequence_length"]
    rng = random.Random(seed)
    must = must_include_fn(lines) if must_include_fn else []
    must += [lines[2], lines[3], lines[-1], lines[-2]]
    texts = text_rows(lines, rng, seq_len, ngrams, must_include=must)
    rows = [{"inputs": {input_key: t}, "output": text_vectorize(t, table, ngrams, seq_len)}
            for t in texts]
    return write_jsonl(out_dir / f"{stem}.jsonl", rows)


def make_textvec_all(models_dir, out_dir):
    counts = {}
    stem = "textvec-keras3.9.2-windows-crlf"
    counts[stem] = make_textvec(models_dir, out_dir, stem, "input_layer", seed=11)
    stem = "textvec-bigrams-keras3.10.0"
    # Bigram tokens (they contain a space) and a few unigrams.
    counts[stem] = make_textvec(
        models_dir, out_dir, stem, "input",
        must_include_fn=lambda lines: random.Random(5).sample([t for t in lines if " " in t], 60),
        seed=12)
    stem = "textvec-utf8-keras3.13.2"
    # Every non-ASCII token (e.g. ’ “ — · \\xa0talk Я Μελ).
    counts[stem] = make_textvec(
        models_dir, out_dir, stem, "input",
        must_include_fn=lambda lines: [t for t in lines if any(ord(ch) > 127 for ch in t)],
        seed=13)
    return counts


# ---------------------------------------------------------------------------
# functional-h5-keras2.10.0-inline-vocab.keras (HDF5, Keras 2.10)
# ---------------------------------------------------------------------------
def make_functional_h5(models_dir, out_dir):
    stem = "functional-h5-keras2.10.0-inline-vocab"
    h5 = h5py.File(models_dir / f"{stem}.keras", "r")
    mc = h5.attrs["model_config"]
    cfg = json.loads(mc.decode("utf-8") if isinstance(mc, bytes) else mc)["config"]
    layers = {l["name"]: l for l in cfg["layers"]}
    input_names = list(cfg["input_layers"].keys()) if isinstance(cfg["input_layers"], dict) \
        else [x[0] for x in cfg["input_layers"]]
    assert cfg["output_layers"] == [["tf.concat", 0, 0]]

    def inbound(name):
        return layers[name]["inbound_nodes"][0]

    # Evaluate one row: each node returns a flat list for its (1, k) slice of the batch.
    def value(name, row):
        l = layers[name]
        cls = l["class_name"]
        c = l["config"]
        if cls == "InputLayer":
            return row[name]
        if cls == "SlicingOpLambda":
            node = inbound(name)
            assert c["function"] == "__operators__.getitem"
            assert node[3]["slice_spec"] == [{"start": None, "stop": None, "step": None}, None]
            return [value(node[0], row)]  # x[:, None]: (batch,) -> (batch, 1)
        if cls == "TFOpLambda" and c["function"] == "cast":
            node = inbound(name)
            assert node[3] == {"dtype": "float32"}
            x = value(node[0], row)
            if isinstance(x, list):
                return [F32(v) for v in x]
            return F32(x)  # (batch,) float32 -> float32, unchanged
        if cls == "TFOpLambda" and c["function"] == "stack":
            parts = inbound(name)
            assert all(p[3] == {"axis": -1} for p in parts)
            return [value(p[0], row) for p in parts]  # (batch,)*k -> (batch, k)
        if cls == "Normalization":
            (src, _, _, kw), = inbound(name)
            assert c["axis"] == [-1] and c["mean"] is None
            names = [n.decode() if isinstance(n, bytes) else n
                     for n in h5["model_weights"][name].attrs["weight_names"]]
            assert names == ["mean:0", "variance:0", "count:0"]
            mean = h5[f"model_weights/{name}/mean:0"][()]
            var = h5[f"model_weights/{name}/variance:0"][()]
            x = value(src, row)
            assert len(x) == len(mean) == len(var)
            return [normalize(x[i], mean[i], var[i]) for i in range(len(x))]
        if cls == "StringLookup":
            (src, _, _, kw), = inbound(name)
            assert c["output_mode"] == "one_hot" and c["mask_token"] is None
            lk = Lookup(c["vocabulary"], None, c["oov_token"], c["num_oov_indices"], "one_hot")
            x = value(src, row)
            assert len(x) == 1
            return [float(v) for v in multi_hot(lk(x[0]), lk.vocabulary_size)]  # one_hot, squeezed
        if cls == "TFOpLambda" and c["function"] == "concat":
            parts = inbound(name)
            assert all(p[3] == {"axis": -1} for p in parts)
            out = []
            for p in parts:
                out += [f32(v) for v in value(p[0], row)]
            return out
        raise AssertionError((cls, c.get("function")))

    # Candidate inputs per input.
    cands = {}
    rng = random.Random(2010)
    lookups_by_input = {}
    for name, l in layers.items():
        if l["class_name"] == "StringLookup":
            (src, _, _, _), = inbound(name)
            inp = inbound(src)[0]  # getitem node: [input_name, 0, 0, {slice_spec}]
            lookups_by_input[inp] = l["config"]["vocabulary"]
    for n in input_names:
        dtype = layers[n]["config"]["dtype"]
        assert layers[n]["config"]["batch_input_shape"] == [None]
        if dtype == "string":
            toks = lookups_by_input[n]
            cands[n] = list(toks) + string_oov_variants(toks)
        elif dtype == "int64":
            cands[n] = [0, 1, 2, 3, 7, -1, -5, 100, 16777217, 2 ** 40 + 1, -(2 ** 31), 2 ** 53 + 1]
        else:
            cands[n] = [f32(v) for v in (0.0, 1.0, -1.0, 0.5, -0.25, 2.75, -3.5, 1e-7,
                                         0.005807206, 12.5, -100.0, 1e6, 3.3e10)]
    rows = cycle_rows(60, cands, rng)
    out = []
    for r in rows:
        r = {n: r[n] for n in input_names}
        vec = value("tf.concat", r)
        assert len(vec) == 66, len(vec)
        out.append({"inputs": r, "output": vec})
    return write_jsonl(out_dir / f"{stem}.jsonl", out)


# ---------------------------------------------------------------------------
# featurespace-keras2.13.1.keras (tf.keras 2.13 FeatureSpace, concat output)
# ---------------------------------------------------------------------------
def compress_summary(summary, epsilon):
    """tf.keras discretization._compress_summary_numpy, verbatim semantics."""
    if summary.shape[1] * epsilon < 1:
        return summary
    percents = epsilon + np.arange(0.0, 1.0, epsilon)
    cum_weights = summary[1].cumsum()
    cum_weight_percents = cum_weights / cum_weights[-1]
    new_bins = np.interp(percents, cum_weight_percents, summary[0])
    cum_weights = np.interp(percents, cum_weight_percents, cum_weights)
    new_weights = cum_weights - np.concatenate((np.array([0]), cum_weights[:-1]))
    summary = np.stack((new_bins, new_weights))
    return summary.astype(np.float32)


def get_bin_boundaries(summary, num_bins):
    """tf.keras 2.13 discretization.get_bin_boundaries (as float32 values)."""
    return [float(b) for b in compress_summary(summary, 1.0 / num_bins)[0, :-1]]


def bucketize(x, boundaries):
    """tf.raw_ops.Bucketize: index of the first boundary strictly greater than x."""
    x = float(F32(x))
    i = 0
    while i < len(boundaries) and not (x < boundaries[i]):
        i += 1
    return i


def hashed_crossing(values, num_bins):
    """HashedCrossing (tf.sparse.cross_hashed, SparseCross v1, key 0xDECAFCAFFE).

    Integer inputs are fed as their int64 bit pattern (NOT stringified);
    string inputs as Fingerprint64 of their bytes (docs/keras-semantics.md, "HashedCrossing")."""
    h = 0xDECAFCAFFE
    for v in values:
        f = fingerprint64(v.encode("utf-8")) if isinstance(v, str) else (int(v) & M64)
        h = fingerprint_cat64(h, f)
    return h % num_bins


def hashing(value, num_bins):
    """Hashing, FarmHash, no salt/mask: Fingerprint64(bytes) % num_bins;
    integers are hashed as their decimal string (tf.as_string)."""
    b = value.encode("utf-8") if isinstance(value, str) else str(int(value)).encode("ascii")
    return fingerprint64(b) % num_bins


def make_featurespace(models_dir, out_dir):
    stem = "featurespace-keras2.13.1"
    fx = Fixture(models_dir / f"{stem}.keras")
    assert fx.config["class_name"] == "FeatureSpace"
    cfg = fx.config["config"]
    assert cfg["output_mode"] == "concat"
    features = cfg["features"]
    # State paths: preprocessors/<class snake_case + counter in feature order>.
    pre = {n: f["config"]["preprocessor"] for n, f in features.items()}
    state = snake_state_names([dict(class_name=p["class_name"], config={"name": n})
                               for n, p in pre.items()])
    procs = {}  # name -> (callable raw -> int or float, cardinality or None, output_mode)
    cands = {}
    for n, f in features.items():
        p = pre[n]
        c = p["config"]
        cls = p["class_name"]
        mode = f["config"]["output_mode"]
        dtype = f["config"]["dtype"]
        if cls in ("StringLookup", "IntegerLookup"):
            lines = keras_vocab_lines(fx.asset(f"assets/preprocessors/{state[n]}/vocabulary.txt"))
            if cls == "IntegerLookup":
                lines = [int(x) for x in lines]
            assert c["output_mode"] == "int" and c["mask_token"] is None
            lk = Lookup(lines, None, c["oov_token"], c["num_oov_indices"], "int")
            assert lk.vocabulary_size == c["vocabulary_size"]
            procs[n] = (lk, lk.vocabulary_size, mode)
            # num_oov_indices=0: unseen values raise in Keras, so only vocabulary values.
            cands[n] = list(lk.tokens)
        elif cls == "Hashing":
            assert c["salt"] is None and c["mask_value"] is None and c["output_mode"] == "int"
            nb = c["num_bins"]
            procs[n] = ((lambda v, nb=nb: hashing(v, nb)), nb, mode)
            if dtype == "string":
                cands[n] = ["admin.", "blue-collar", "technician", "services", "management",
                            "retired", "entrepreneur", "self-employed", "housemaid",
                            "unemployed", "student", "unknown", "", "Admin.", "ADMIN.",
                            "a", "caf\u00e9", "\u65e5\u672c\u8a9e", "a much longer job title than usual",
                            "x" * 40, "y" * 70]
            else:
                cands[n] = [999, 0, 1, 2, 3, 4, 5, 6, 7, 10, 15, 21, 27, -1, -999,
                            2 ** 31, 2 ** 62 + 3, -(2 ** 63), 2 ** 63 - 1]
        elif cls == "Discretization":
            assert c["bin_boundaries"] is None and c["output_mode"] == "int"
            summary = fx.var(f"preprocessors/{state[n]}/vars/0")
            assert summary.dtype == np.float32 and summary.shape[0] == 2
            bounds = get_bin_boundaries(summary, c["num_bins"])
            assert len(bounds) == c["num_bins"] - 1 and bounds == sorted(bounds)
            procs[n] = ((lambda v, b=bounds: bucketize(v, b)), c["num_bins"], mode)
            below = [float(np.nextafter(F32(b), F32(-np.inf))) for b in bounds]
            above = [float(np.nextafter(F32(b), F32(np.inf))) for b in bounds]
            cands[n] = bounds + below + above + [f32(v) for v in (
                17.0, 18.0, 25.0, 30.0, 33.0, 38.0, 40.0, 45.0, 47.0, 60.0, 75.0, 98.0,
                0.0, -1.0, 1e6, 32.5)]
            fs_bounds = bounds
        elif cls == "Normalization":
            assert c["axis"] == [-1] and c["mean"] is None
            mean = fx.var(f"preprocessors/{state[n]}/vars/0")
            var = fx.var(f"preprocessors/{state[n]}/vars/1")
            assert mean.shape == (1,) and var.shape == (1,)
            procs[n] = ((lambda v, m=mean[0], s=var[0]: normalize(v, m, s)), None, mode)
            m = float(mean[0])
            sd = float(np.sqrt(var[0]))
            cands[n] = [f32(v) for v in (m, m + sd, m - sd, m + 2.5 * sd, m - 0.5 * sd,
                                         round(m), 0.0, 1.0, -1.0, 1e5, -1e5, 0.001)]
        else:
            raise AssertionError(cls)
        assert mode in ("one_hot", "float")
    crosses = [x["config"] for x in cfg["crosses"]]
    for cr in crosses:
        assert cr["output_mode"] == "one_hot"
    rng = random.Random(213)
    rows = cycle_rows(100, cands, rng)
    out = []
    feat_names = sorted(features)
    cross_names = sorted("_X_".join(cr["feature_names"]) for cr in crosses)
    cross_by_name = {"_X_".join(cr["feature_names"]): cr for cr in crosses}
    for r in rows:
        r = {n: r[n] for n in features}
        pre_out = {}
        for n in features:
            fn, card, mode = procs[n]
            pre_out[n] = fn(r[n])
        vec = []
        for n in feat_names:
            fn, card, mode = procs[n]
            if mode == "one_hot":
                vec += multi_hot(pre_out[n], card)
            else:
                vec.append(f32(pre_out[n]))
        for cn in cross_names:
            cr = cross_by_name[cn]
            idx = hashed_crossing([pre_out[x] for x in cr["feature_names"]], cr["crossing_dim"])
            vec += multi_hot(idx, cr["crossing_dim"])
        out.append({"inputs": r, "output": vec})
    assert len({len(o["output"]) for o in out}) == 1
    n = write_jsonl(out_dir / f"{stem}.jsonl", out)
    return n, fs_bounds, len(out[0]["output"])


# ---------------------------------------------------------------------------
# Self-test against published values, then generation
# ---------------------------------------------------------------------------
def self_test(vectors_path):
    n = check_farmhash(vectors_path)
    # Keras hashing_test.py / hashed_crossing_test.py values (tests/Vectors/keras-vectors.json).
    assert [hashing(s, 3) for s in "ABCDE"] == [1, 0, 1, 1, 2]
    assert [hashing(i, 3) for i in range(5)] == [1, 0, 1, 0, 2]
    assert [hashing(s, 2) for s in ["omar", "stringer", "marlo", "wire", "skywalker"]] == [0, 0, 1, 0, 0]
    assert [hashed_crossing([a, b], 5) for a, b in
            zip("ABABA", [101, 101, 101, 102, 102])] == [1, 4, 1, 1, 3]
    assert hashed_crossing(["A", 101], 10) == 1
    assert hashed_crossing(["batch1-FC1-F1", "batch1-FC2-F1", "batch1-FC3-F1"], 100) == 83
    # TextVectorization: lower ASCII only, delete punctuation, split ASCII whitespace.
    t = {b"hello": 2, b"world": 3, b"hello world": 4, b"\xc3\x89t\xc3\xa9": 5}
    assert text_vectorize("Hello, WORLD!\t\u00c9t\u00e9 x", t, 2, 8) == [2, 3, 5, 1, 4, 1, 1, 0]
    assert text_vectorize("", t, None, 3) == [0, 0, 0]
    # Bucketize is bisect_right.
    assert [bucketize(v, [0.0, 0.5, 1.0]) for v in (-1, 0, 0.25, 0.5, 1, 2)] == [0, 1, 1, 2, 3, 3]
    # Normalization with zero variance divides by 1e-7.
    assert normalize(1.0, 1.0, 0.0) == 0.0
    return n


def main():
    here = Path(__file__).resolve().parent
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--models", type=Path,
                    default=Path(os.environ.get("KERAS_MODELS_DIR", str(Path(__file__).resolve().parent.parent / "models"))))
    ap.add_argument("--out", type=Path, default=here)
    ap.add_argument("--vectors", type=Path,
                    default=here.parents[2] / "Vectors" / "farmhash-long.json")
    args = ap.parse_args()
    n = self_test(args.vectors)
    print(f"self-test ok ({n} Fingerprint64 vectors)")
    counts = {}
    counts["pets-functional-keras3.0.5"] = make_pets(args.models, args.out)
    counts.update(make_textvec_all(args.models, args.out))
    counts["functional-h5-keras2.10.0-inline-vocab"] = make_functional_h5(args.models, args.out)
    n, bounds, width = make_featurespace(args.models, args.out)
    counts["featurespace-keras2.13.1"] = n
    print(f"featurespace: age Discretization boundaries {bounds}, output width {width}")
    for k, v in counts.items():
        print(f"{k}.jsonl: {v} rows")


if __name__ == "__main__":
    main()
