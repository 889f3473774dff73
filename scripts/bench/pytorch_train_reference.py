#!/usr/bin/python3
"""PyTorch eager reference for ./course benchmark: the training step of the course's engine, in Python.

The model is Hugging Face's BERT (post-LayerNorm, exact GELU, LayerNorm eps 1e-12, dropout 0.1 on the
embeddings, the attention probabilities and both residual branches) at all-MiniLM-L6-v2's size, with
the head of the course's SequenceClassifier for that model: masked mean pooling, dropout, one linear
layer. Random weights: only the speed is compared. The step is dev.jft.train.TrainingStep's: summed
cross-entropy divided by the count, backward, global-norm clipping to 1.0, AdamW (lr 1e-5, betas
0.9/0.999, eps 1e-8, weight decay 0.01 except on biases and LayerNorm weights), gradients cleared.

Protocol (stdin/stdout, one line each), so that the Java benchmark can alternate blocks with its own:
  -> ready <parameters> <torch version> <threads>
  <- train K          runs K steps of batch 16 x 64 tokens
  -> seconds S        their wall time, measured here
  <- quit (or end of input)
"""
import argparse
import math
import os
import sys
import time

import torch
from torch import nn


class Layer(nn.Module):
    def __init__(self, hidden, heads, intermediate, dropout):
        super().__init__()
        self.heads = heads
        self.query = nn.Linear(hidden, hidden)
        self.key = nn.Linear(hidden, hidden)
        self.value = nn.Linear(hidden, hidden)
        self.attention_output = nn.Linear(hidden, hidden)
        self.attention_norm = nn.LayerNorm(hidden, eps=1e-12)
        self.intermediate = nn.Linear(hidden, intermediate)
        self.output = nn.Linear(intermediate, hidden)
        self.output_norm = nn.LayerNorm(hidden, eps=1e-12)
        self.dropout = nn.Dropout(dropout)

    def split(self, x):
        batch, length, hidden = x.shape
        return x.view(batch, length, self.heads, hidden // self.heads).transpose(1, 2)

    def forward(self, x, mask_bias):
        q, k, v = self.split(self.query(x)), self.split(self.key(x)), self.split(self.value(x))
        scores = q @ k.transpose(-1, -2) / math.sqrt(q.shape[-1]) + mask_bias
        context = (self.dropout(scores.softmax(-1)) @ v).transpose(1, 2).reshape(x.shape)
        x = self.attention_norm(x + self.dropout(self.attention_output(context)))
        expanded = nn.functional.gelu(self.intermediate(x))
        return self.output_norm(x + self.dropout(self.output(expanded)))


class Classifier(nn.Module):
    def __init__(self, vocab=30522, positions=512, types=2, layers=6, hidden=384, heads=12, intermediate=1536,
                 labels=2, dropout=0.1):
        super().__init__()
        self.words = nn.Embedding(vocab, hidden)
        self.positions = nn.Embedding(positions, hidden)
        self.types = nn.Embedding(types, hidden)
        self.norm = nn.LayerNorm(hidden, eps=1e-12)
        self.dropout = nn.Dropout(dropout)
        self.layers = nn.ModuleList(Layer(hidden, heads, intermediate, dropout) for _ in range(layers))
        self.head = nn.Linear(hidden, labels)

    def forward(self, ids, mask, token_types):
        positions = torch.arange(ids.shape[1]).unsqueeze(0)
        x = self.dropout(self.norm(self.words(ids) + self.types(token_types) + self.positions(positions)))
        mask_bias = (1.0 - mask[:, None, None, :].float()) * -10000.0
        for layer in self.layers:
            x = layer(x, mask_bias)
        weights = mask.unsqueeze(-1).float()
        pooled = (x * weights).sum(1) / weights.sum(1).clamp(min=1e-9)
        return self.head(self.dropout(pooled))


def optimizer_for(model):
    """AdamW without decay on biases and LayerNorm weights, as the course's ParameterGroups."""
    no_decay = {id(p) for m in model.modules() if isinstance(m, nn.LayerNorm) for p in m.parameters()}
    no_decay |= {id(p) for name, p in model.named_parameters() if name.endswith(".bias")}
    decay = [p for p in model.parameters() if id(p) not in no_decay]
    rest = [p for p in model.parameters() if id(p) in no_decay]
    return torch.optim.AdamW([{"params": decay, "weight_decay": 0.01}, {"params": rest, "weight_decay": 0.0}],
                             lr=1e-5, betas=(0.9, 0.999), eps=1e-8)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=os.cpu_count())
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--tokens", type=int, default=64)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(42)
    model = Classifier()
    model.train()
    optimizer = optimizer_for(model)
    ids = torch.randint(1000, 30000, (args.batch, args.tokens))
    mask = torch.ones(args.batch, args.tokens, dtype=torch.long)
    token_types = torch.zeros(args.batch, args.tokens, dtype=torch.long)
    labels = torch.randint(0, 2, (args.batch,))

    def step():
        loss = nn.functional.cross_entropy(model(ids, mask, token_types), labels, reduction="sum") / len(labels)
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        optimizer.zero_grad()

    parameters = sum(p.numel() for p in model.parameters())
    print(f"ready {parameters} {torch.__version__} {torch.get_num_threads()}", flush=True)
    for line in sys.stdin:
        command = line.split()
        if not command or command[0] == "quit":
            break
        if command[0] != "train" or len(command) != 2 or not command[1].isdigit():
            print(f"pytorch_train_reference: unknown command {line.strip()!r}; expected 'train K' or 'quit'",
                  file=sys.stderr)
            sys.exit(2)
        start = time.perf_counter()
        for _ in range(int(command[1])):
            step()
        print(f"seconds {time.perf_counter() - start:.6f}", flush=True)


if __name__ == "__main__":
    main()
