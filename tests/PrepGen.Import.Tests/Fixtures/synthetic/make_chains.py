"""Writes chains-keras3/ (an unzipped Keras 3 functional model, config only) and chains.jsonl.

The model is written by hand in Keras 3's config format to cover import paths the real fixtures do not:
a chain (IntegerLookup -> CategoryEncoding wider than the vocabulary), a fused Discretization ->
CategoryEncoding, a mask token, an Int-mode index inside a float row, Rescaling, a per-feature Normalization
over an array input, and the unzipped-folder format. Expected outputs follow docs/keras-semantics.md by hand,
in numpy float32: StringLookup int with mask "" -> "" is 0, OOV 1, tokens from 2; IntegerLookup -> OOV 0,
tokens from 1; CategoryEncoding one_hot; Discretization bisect_right; Rescaling x*scale+offset (two
roundings); Normalization (x - mean) / max(sqrt(var), 1e-7). Run with Debian's python3 + numpy.
"""
import json, os
import numpy as np

f32 = np.float32

def tensor(layer, shape, dtype):
    return {"class_name": "__keras_tensor__", "config": {"shape": shape, "dtype": dtype, "keras_history": [layer, 0, 0]}}

def node(*args):
    return [{"args": list(args), "kwargs": {}}]

def inp(name, dtype, shape):
    return {"module": "keras.layers", "class_name": "InputLayer", "name": name, "inbound_nodes": [],
            "config": {"batch_shape": [None] + shape, "dtype": dtype, "sparse": False, "name": name}}

def layer(cls, name, config, inbound):
    config = dict(config, name=name, trainable=True, dtype="float32")
    return {"module": "keras.layers", "class_name": cls, "name": name, "config": config, "inbound_nodes": inbound}

layers = [
    inp("city", "string", [1]), inp("rooms", "int64", [1]), inp("area", "float32", [1]), inp("coords", "float32", [2]),
    layer("StringLookup", "city_lookup", {"vocabulary": ["paris", "rome", "oslo"], "mask_token": "", "oov_token": "[UNK]",
          "num_oov_indices": 1, "output_mode": "int", "invert": False, "sparse": False, "pad_to_max_tokens": False,
          "max_tokens": None, "idf_weights": None, "encoding": "utf-8", "vocabulary_size": 5},
          node(tensor("city", [None, 1], "string"))),
    layer("IntegerLookup", "rooms_lookup", {"vocabulary": [1, 2, 3], "mask_token": None, "oov_token": -1,
          "num_oov_indices": 1, "output_mode": "int", "invert": False, "sparse": False, "pad_to_max_tokens": False,
          "max_tokens": None, "idf_weights": None, "vocabulary_dtype": "int64", "vocabulary_size": 4},
          node(tensor("rooms", [None, 1], "int64"))),
    layer("CategoryEncoding", "rooms_onehot", {"num_tokens": 6, "output_mode": "one_hot", "sparse": False},
          node(tensor("rooms_lookup", [None, 1], "int64"))),
    layer("Discretization", "area_bins", {"bin_boundaries": [0.0, 1.5], "num_bins": None, "epsilon": 0.01,
          "output_mode": "int", "sparse": False}, node(tensor("area", [None, 1], "float32"))),
    layer("CategoryEncoding", "area_bins_onehot", {"num_tokens": 3, "output_mode": "multi_hot", "sparse": False},
          node(tensor("area_bins", [None, 1], "int64"))),
    layer("Rescaling", "area_scaled", {"scale": 0.5, "offset": 1.0}, node(tensor("area", [None, 1], "float32"))),
    layer("Normalization", "coords_norm", {"axis": [-1], "mean": [1.0, -2.0], "variance": [4.0, 0.25], "invert": False},
          node(tensor("coords", [None, 2], "float32"))),
    layer("Concatenate", "features", {"axis": -1}, node([
        tensor("city_lookup", [None, 1], "int64"), tensor("rooms_onehot", [None, 6], "float32"),
        tensor("area_bins_onehot", [None, 3], "float32"), tensor("area_scaled", [None, 1], "float32"),
        tensor("coords_norm", [None, 2], "float32")])),
    layer("Dense", "dense", {"units": 1, "activation": "sigmoid", "use_bias": True}, node(tensor("features", [None, 13], "float32"))),
]
config = {"module": "keras.src.models.functional", "class_name": "Functional", "registered_name": "Functional",
          "config": {"name": "chains", "trainable": True, "layers": layers,
                     "input_layers": [["city", 0, 0], ["rooms", 0, 0], ["area", 0, 0], ["coords", 0, 0]],
                     "output_layers": [["dense", 0, 0]]}}
os.makedirs("chains-keras3", exist_ok=True)
with open("chains-keras3/config.json", "w") as f:
    json.dump(config, f, indent=1)
with open("chains-keras3/metadata.json", "w") as f:
    json.dump({"keras_version": "3.10.0", "date_saved": "synthetic"}, f)

def expected(city, rooms, area, coords):
    out = [float({"": 0, "paris": 2, "rome": 3, "oslo": 4}.get(city, 1))]
    index = {1: 1, 2: 2, 3: 3}.get(rooms, 0)
    out += [1.0 if i == index else 0.0 for i in range(6)]
    bucket = int(np.searchsorted(np.array([0.0, 1.5], dtype=f32), f32(area), side="right"))
    out += [1.0 if i == bucket else 0.0 for i in range(3)]
    out.append(float(f32(f32(area) * f32(0.5)) + f32(1.0)))
    for x, m, v in zip(coords, [1.0, -2.0], [4.0, 0.25]):
        out.append(float((f32(x) - f32(m)) / max(np.sqrt(f32(v)), f32(1e-7))))
    return out

rows = []
for city in ["paris", "rome", "oslo", "", "berlin", "Paris"]:
    for rooms, area, coords in [(1, -0.5, [0.0, 0.0]), (2, 0.0, [1.0, -2.0]), (3, 1.4999999, [3.25, 1.125]),
                                (4, 1.5, [-7.5, 0.1]), (0, 100.0, [1e6, -1e-3]), (-1, 0.1, [0.3, 2.7])]:
        rows.append({"inputs": {"city": city, "rooms": rooms, "area": area, "coords": coords},
                     "output": expected(city, rooms, area, coords)})
with open("chains.jsonl", "w") as f:
    for row in rows:
        f.write(json.dumps(row, separators=(",", ":")) + "\n")
