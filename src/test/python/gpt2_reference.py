#!/usr/bin/env python3
"""An independent GPT-2 forward pass in plain PyTorch, for the parity test of dev.jft.model.Gpt2Decoder.

Written from the Hugging Face GPT-2 definition (GPT2LMHeadModel), with no code shared with the Java side:
token + position embeddings, pre-LayerNorm blocks, causal self-attention with a fused c_attn stored
[in, out] (Conv1D), torch's own tanh-approximate GELU, ln_f, and logits from the tied token embeddings.
The attention mask works as transformers applies it: a causal `where` with the dtype's lowest value,
then (1 - mask) * lowest added for padding keys.

Usage: gpt2_reference.py MODEL_DIR INPUT_JSON OUTPUT_BIN
  MODEL_DIR   config.json + model.safetensors (names with or without "transformer.")
  INPUT_JSON  {"input_ids": [[...], ...], "attention_mask": [[...], ...]}  (the mask may be left out)
  OUTPUT_BIN  the logits [B, T, vocab] as little-endian float32, row-major
"""
import json
import math
import struct
import sys

import torch
import torch.nn.functional as F

DTYPES = {"F32": torch.float32, "F16": torch.float16, "BF16": torch.bfloat16}


def read_safetensors(path):
    with open(path, "rb") as f:
        data = f.read()
    (header_length,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + header_length])
    body = data[8 + header_length:]
    tensors = {}
    for name, entry in header.items():
        if name == "__metadata__" or entry["dtype"] not in DTYPES:
            continue
        start, end = entry["data_offsets"]
        raw = bytearray(body[start:end])
        tensor = torch.frombuffer(raw, dtype=DTYPES[entry["dtype"]]).reshape(entry["shape"]).to(torch.float32)
        tensors[name[len("transformer."):] if name.startswith("transformer.") else name] = tensor
    return tensors


def forward(config, w, ids, mask):
    batch, length = ids.shape
    width, heads = config["n_embd"], config["n_head"]
    head_size = width // heads
    eps = config.get("layer_norm_epsilon", 1e-5)
    positions = torch.arange(length).unsqueeze(0)
    h = w["wte.weight"][ids] + w["wpe.weight"][positions]
    lowest = torch.finfo(torch.float32).min
    causal = torch.tril(torch.ones(length, length, dtype=torch.bool)).view(1, 1, length, length)
    padding = (1.0 - mask.to(torch.float32)).view(batch, 1, 1, length) * lowest
    for i in range(config["n_layer"]):
        p = "h.%d." % i
        x = F.layer_norm(h, (width,), w[p + "ln_1.weight"], w[p + "ln_1.bias"], eps)
        qkv = x @ w[p + "attn.c_attn.weight"] + w[p + "attn.c_attn.bias"]
        q, k, v = qkv.split(width, dim=2)
        q, k, v = (t.view(batch, length, heads, head_size).transpose(1, 2) for t in (q, k, v))
        scores = (q @ k.transpose(-1, -2)) / math.sqrt(head_size)
        scores = torch.where(causal, scores, torch.tensor(lowest)) + padding
        attended = (scores.softmax(dim=-1) @ v).transpose(1, 2).reshape(batch, length, width)
        h = h + attended @ w[p + "attn.c_proj.weight"] + w[p + "attn.c_proj.bias"]
        x = F.layer_norm(h, (width,), w[p + "ln_2.weight"], w[p + "ln_2.bias"], eps)
        x = F.gelu(x @ w[p + "mlp.c_fc.weight"] + w[p + "mlp.c_fc.bias"], approximate="tanh")
        h = h + x @ w[p + "mlp.c_proj.weight"] + w[p + "mlp.c_proj.bias"]
    h = F.layer_norm(h, (width,), w["ln_f.weight"], w["ln_f.bias"], eps)
    return h @ w["wte.weight"].t()


def main():
    model_dir, input_json, output_bin = sys.argv[1:4]
    with open(model_dir + "/config.json") as f:
        config = json.load(f)
    weights = read_safetensors(model_dir + "/model.safetensors")
    with open(input_json) as f:
        inputs = json.load(f)
    ids = torch.tensor(inputs["input_ids"], dtype=torch.long)
    mask = torch.tensor(inputs.get("attention_mask", [[1] * ids.shape[1]] * ids.shape[0]), dtype=torch.long)
    with torch.no_grad():
        logits = forward(config, weights, ids, mask).contiguous()
    with open(output_bin, "wb") as f:
        values = logits.flatten().tolist()
        f.write(struct.pack("<%df" % len(values), *values))
    print("torch %s: logits %s" % (torch.__version__, list(logits.shape)))


if __name__ == "__main__":
    main()
