#!/usr/bin/env python3
"""Writes a git fast-import stream of a registry of N entries for scripts/bench-publish (benchmarks only).

Usage: publish_registry_gen.py N TEMPLATE_DIR [--seed S] [--one-shard] [--stats]
       | git --git-dir REG.git fast-import --quiet

One commit on refs/heads/main holding the files of TEMPLATE_DIR (the registry template) and N entries
at the sharded path projects/<id[:2]>/<id>/codesocial.yml, each a small six-line description.

Ids are distinct, deterministic for a given seed (default 1), 3 to 40 characters, and match the
schema's slug pattern ^[a-z0-9]+(-[a-z0-9]+)*$: one to four words joined by hyphens, each word a
French word of the domain, a place, a pronounceable pseudo-word or a number (`jardin-partage-lille`,
`ravoli-atelier-12`), so entries spread over a few hundred shards unevenly, as real names do. No id
starts with `bench` (the benchmark publishes `bench-tool`, `bench-git`, `bench-local`, `bench-floor`).
With --one-shard, ids are `p000000-entry`, `p000001-entry`…: every entry in the one shard
`projects/p0/`, a single tree object of N entries (the worst case; the generator before 2026-11-24).
--stats prints the number of shards and the largest shard's size on standard error.
"""
import argparse
import os
import random
import re
import sys

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
WORDS = """atelier jardin partage tiers lieu commun communs cooperative scic scop association collectif reseau
fablab repair cafe ressourcerie recyclerie epicerie solidaire alimentation circuit court ferme maraichage
compost velo mobilite covoiturage habitat participatif energie citoyenne solaire eolien numerique libre
logiciel donnees ouvertes culture musique theatre cinema lecture bibliotheque ecole formation education
sante soin quartier village rural urbain friche territoire monnaie locale finance emploi insertion
jeunesse seniors migrants accueil entraide mutuelle eau foret riviere biodiversite semences paysan
artisan menuiserie textile couture reemploi zero dechet low tech maker hacker espace maison""".split()
PLACES = """lille roubaix nantes rennes brest lyon grenoble marseille toulouse bordeaux paris montreuil
strasbourg nancy metz dijon besancon tours angers caen rouen amiens poitiers limoges clermont nice
montpellier perpignan bayonne pau bretagne normandie occitanie alsace savoie jura vosges auvergne""".split()
ONSETS = list("bcdfghjklmnprstvwxyz") + "br ch cl cr dr fl fr gl gr ph pl pr qu sc sp st tr vr".split() + [""] * 4
VOWELS = ["a", "e", "i", "o", "u", "y", "ou", "ai", "eu", "au"]
RESERVED_PREFIX = "bench"


def pseudo_word(rng):
    """A pronounceable word of two to four syllables (`ravoli`, `trekouma`, `ailo`)."""
    return "".join(rng.choice(ONSETS) + rng.choice(VOWELS) for _ in range(rng.choice((2, 2, 3, 4))))


def word(rng, first):
    roll = rng.random()
    if roll < 0.55:
        return rng.choice(WORDS)
    if roll < 0.75:
        return rng.choice(PLACES)
    if roll < 0.93 or (first and roll < 0.99):
        return pseudo_word(rng)
    if first:
        return rng.choice(("1000", "2d", "3d", "4cv", "42", "360", "5e", "7e", "9"))
    return str(rng.choice((rng.randrange(1, 100), rng.randrange(1900, 2030))))


def generate_ids(count, seed):
    """`count` distinct slugs, the same for the same seed."""
    rng = random.Random(seed)
    used = set()
    ids = []
    while len(ids) < count:
        size = rng.choices((1, 2, 3, 4), weights=(15, 45, 30, 10))[0]
        parts = [word(rng, index == 0) for index in range(size)]
        while len(parts) > 1 and len("-".join(parts)) > 40:
            parts.pop()
        candidate = "-".join(parts)[:40].strip("-")
        if len(candidate) < 3 or candidate.startswith(RESERVED_PREFIX) or candidate in used:
            continue
        assert SLUG.match(candidate), candidate
        used.add(candidate)
        ids.append(candidate)
    return ids


def title(entry_id):
    return " ".join(part.capitalize() for part in entry_id.split("-"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("template")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--one-shard", action="store_true")
    parser.add_argument("--stats", action="store_true")
    args = parser.parse_args()
    if args.one_shard:
        ids = ["p%06d-entry" % number for number in range(args.count)]
    else:
        ids = generate_ids(args.count, args.seed)
    kinds = ("project", "project", "project", "organisation", "collaboration", "idea")
    rng = random.Random(args.seed + 1)
    out = sys.stdout.buffer

    def data(payload):
        out.write(b"data %d\n" % len(payload))
        out.write(payload)
        out.write(b"\n")

    out.write(b"commit refs/heads/main\ncommitter Bench <bench@example.org> 1700000000 +0000\n")
    data(b"registry of %d entries" % args.count)
    for root, _, files in sorted(os.walk(args.template)):
        for name in sorted(files):
            path = os.path.join(root, name)
            out.write(b"M 100644 inline " + os.path.relpath(path, args.template).encode() + b"\n")
            with open(path, "rb") as handle:
                data(handle.read())
    shards = {}
    for number, entry_id in enumerate(ids):
        shards[entry_id[:2]] = shards.get(entry_id[:2], 0) + 1
        out.write(("M 100644 inline projects/%s/%s/codesocial.yml\n" % (entry_id[:2], entry_id)).encode())
        data(("codesocial: 1\nid: %s\nname: \"%s\"\nkind: %s\nsummary: \"Fiche %d du registre de banc d'essai\"\n"
              "language: fr\n" % (entry_id, title(entry_id), rng.choice(kinds), number)).encode())
    out.write(b"done\n")
    if args.stats:
        print("%d entries in %d shards (largest: projects/%s/, %d entries)" % (
            len(ids), len(shards), *max(shards.items(), key=lambda item: item[1])), file=sys.stderr)


if __name__ == "__main__":
    main()
