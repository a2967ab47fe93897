#!/usr/bin/env python3
"""Writes a git fast-import stream for a registry of N entries (benchmarks only).

Usage: registry_gen.py N TEMPLATE.yml | git --git-dir REG.git fast-import --quiet

Each entry is TEMPLATE with its own id, name and a few varied words, stored at the sharded path
projects/<id[:2]>/<id>/codesocial.yml, plus .codesocial-registry.yml, in one commit on main.
The template's `relations:` section is replaced by two relations to neighbouring generated entries.
"""
import random
import re
import sys

count = int(sys.argv[1])
template = open(sys.argv[2], encoding="utf-8").read()
template = re.sub(r"(?ms)^relations:\n.*?(?=^\S|\Z)", "", template)
template_id = re.search(r"(?m)^id: (\S+)$", template).group(1)
words = ["mobilité", "réemploi", "jardin", "énergie", "numérique", "alimentation", "culture", "habitat",
         "santé", "éducation", "vélo", "compost", "musique", "formation", "quartier", "rural"]
rng = random.Random(42)
out = sys.stdout.buffer


def data(payload: bytes):
    out.write(b"data %d\n" % len(payload))
    out.write(payload)
    out.write(b"\n")


config = (b"codesocial_registry: 1\nname: \"Registre de banc d'essai\"\nlayout: sharded-2\nformats: [1]\n")
paths = []
for number in range(count):
    entry_id = f"entree-{number:06d}"
    text = template.replace(f"id: {template_id}", f"id: {entry_id}", 1)
    text = re.sub(r"(?m)^name: .*$", f"name: \"Projet {number} {rng.choice(words)}\"", text, count=1)
    text = text.replace("communs", rng.choice(words), 1)
    text = text.rstrip("\n") + "\nrelations:\n" + "".join(
        f"  - id: entree-{(number + step) % count:06d}\n    kind: partner\n" for step in (1, 2) if count > step)
    out.write(b"blob\nmark :%d\n" % (number + 1))
    data(text.encode("utf-8"))
    paths.append(f"projects/{entry_id[:2]}/{entry_id}/codesocial.yml")

out.write(b"commit refs/heads/main\n")
out.write(b"committer Bench <bench@example.org> 1700000000 +0000\n")
data(b"benchmark registry")
out.write(b"M 100644 inline .codesocial-registry.yml\n")
data(config)
for number, path in enumerate(paths):
    out.write(b"M 100644 :%d %s\n" % (number + 1, path.encode()))
out.write(b"\n")
