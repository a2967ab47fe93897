#!/usr/bin/env python3
"""Engine benchmark helpers for scripts/bench-schema.

  schema_peers.py generate OUT   write schema.json and the four documents into OUT (deterministic)
  schema_peers.py run OUT        time python-jsonschema and jsonschema-rs on them -> OUT/peers.jsonl
  schema_peers.py report OUT     print the table from OUT/ours.jsonl and OUT/peers.jsonl

Every engine is timed the same way: a validator built once, documents parsed once, a warm-up,
then batches of calls; the reported figure is the median time of one call over the batches.
"""
import json
import os
import random
import statistics
import sys
import time

DOCUMENTS = ["small-valid", "small-invalid", "large-valid", "large-invalid"]

# ---------------------------------------------------------------------------------------------
# Generation

SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://bench.codesocial.org/project.schema.json",
    "title": "A #CodeSocial-like project description",
    "type": "object",
    "required": ["codesocial", "id", "name", "kind", "governance", "actions"],
    "additionalProperties": False,
    "patternProperties": {"^x-": True},
    "properties": {
        "codesocial": {"const": 1},
        "id": {"$ref": "#/$defs/slug"},
        "name": {"type": "string", "minLength": 1, "maxLength": 120},
        "kind": {"enum": ["project", "organisation", "idea", "collaboration"]},
        "summary": {"$ref": "#/$defs/text"},
        "created": {"$ref": "#/$defs/date"},
        "tags": {"type": "array", "items": {"$ref": "#/$defs/slug"}, "uniqueItems": True, "maxItems": 64},
        "territory": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "country": {"type": "string", "pattern": "^[A-Z]{2}$"},
                "region": {"type": "string"},
                "scale": {"enum": ["local", "regional", "national", "international"]},
                "coordinates": {
                    "type": "object",
                    "required": ["lat", "lon"],
                    "properties": {
                        "lat": {"type": "number", "minimum": -90, "maximum": 90},
                        "lon": {"type": "number", "minimum": -180, "maximum": 180},
                    },
                },
            },
        },
        "governance": {
            "type": "object",
            "required": ["maintainers"],
            "additionalProperties": False,
            "properties": {
                "maintainers": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/person"}},
                "decision": {"enum": ["consensus", "consent", "vote", "delegation"]},
                "meetings": {"type": "integer", "minimum": 0},
            },
        },
        "actions": {"type": "array", "items": {"$ref": "#/$defs/action"}},
        "commons": {"type": "array", "items": {"$ref": "#/$defs/common"}},
        "links": {"type": "object", "additionalProperties": {"$ref": "#/$defs/url"}},
    },
    "$defs": {
        "slug": {"type": "string", "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$", "maxLength": 64},
        "text": {"type": "string", "maxLength": 4000},
        "date": {"type": "string", "pattern": "^\\d{4}(?:-\\d{2}(?:-\\d{2})?)?$"},
        "url": {"type": "string", "pattern": "^https?://[^\\s]+$"},
        "email": {"type": "string", "pattern": "^[^@\\s]+@[^@\\s]+\\.[a-z]{2,}$"},
        "person": {
            "type": "object",
            "required": ["name"],
            "additionalProperties": False,
            "properties": {
                "name": {"type": "string", "minLength": 1},
                "email": {"$ref": "#/$defs/email"},
                "role": {"enum": ["maintainer", "contributor", "member", "observer"]},
            },
        },
        "action": {
            "type": "object",
            "required": ["id", "title", "status"],
            "additionalProperties": False,
            "properties": {
                "id": {"$ref": "#/$defs/slug"},
                "title": {"type": "string", "minLength": 1, "maxLength": 200},
                "status": {"enum": ["planned", "active", "done", "abandoned"]},
                "start": {"$ref": "#/$defs/date"},
                "budget": {"type": "number", "minimum": 0},
                "contributors": {"type": "array", "items": {"$ref": "#/$defs/person"}},
                "tags": {"type": "array", "items": {"$ref": "#/$defs/slug"}},
            },
        },
        "common": {
            "type": "object",
            "required": ["name", "licence"],
            "additionalProperties": False,
            "properties": {
                "name": {"type": "string"},
                "licence": {"type": "string", "pattern": "^[A-Za-z0-9.+-]+$"},
                "url": {"$ref": "#/$defs/url"},
            },
        },
    },
}

WORDS = ("commun tiers lieu cooperative jardin atelier reparation energie mobilite quartier ecole "
         "cuisine partage savoir outil habitat culture numerique solidaire circuit court").split()
ROLES = ["maintainer", "contributor", "member", "observer"]
STATUSES = ["planned", "active", "done", "abandoned"]
LICENCES = ["CC-BY-SA-4.0", "MIT", "GPL-3.0-or-later", "CC0-1.0", "ODbL-1.0"]


def slug(rng, words=2):
    return "-".join(rng.choice(WORDS) for _ in range(words)) + f"-{rng.randrange(1000)}"


def person(rng, index):
    name = f"{rng.choice(WORDS).title()} {rng.choice(WORDS).title()}"
    return {"name": name, "email": f"person{index}@example.org", "role": rng.choice(ROLES)}


def document(rng, actions, commons):
    """A description with `actions` actions and `commons` commons."""
    doc = {
        "codesocial": 1,
        "id": slug(rng, 3),
        "name": "Tiers-lieu " + " ".join(rng.choice(WORDS) for _ in range(3)),
        "kind": "project",
        "summary": " ".join(rng.choice(WORDS) for _ in range(40)),
        "created": "2019-05-14",
        "tags": sorted({slug(rng, 1) for _ in range(8)}),
        "territory": {"country": "FR", "region": "Bretagne", "scale": "regional",
                      "coordinates": {"lat": 48.1173, "lon": -1.6778}},
        "governance": {"maintainers": [person(rng, i) for i in range(3)], "decision": "consent", "meetings": 12},
        "actions": [],
        "commons": [],
        "links": {"website": "https://example.org/tiers-lieu", "forge": "https://git.example.org/tl"},
        "x-internal": {"imported": True},
    }
    for index in range(actions):
        doc["actions"].append({
            "id": f"action-{index}",
            "title": " ".join(rng.choice(WORDS) for _ in range(5)),
            "status": rng.choice(STATUSES),
            "start": f"202{rng.randrange(5)}-0{rng.randrange(1, 10)}",
            "budget": rng.randrange(100, 50000) / 4,
            "contributors": [person(rng, index * 10 + j) for j in range(2)],
            "tags": [slug(rng, 1) for _ in range(2)],
        })
    for index in range(commons):
        doc["commons"].append({"name": f"Commun {index}", "licence": rng.choice(LICENCES),
                               "url": f"https://example.org/commons/{index}"})
    return doc


def invalidate(doc):
    """Three errors, the first near the end of the document, so flag mode still walks most of it."""
    bad = json.loads(json.dumps(doc))
    bad["actions"][-1]["status"] = "projet"            # enum
    bad["actions"][-1]["contributors"][0]["email"] = "not an email"  # pattern behind $ref
    bad["commons"][-1]["licence"] = "GPL 3"            # pattern
    return bad


def generate(out):
    os.makedirs(out, exist_ok=True)
    rng = random.Random(20261123)
    small = document(rng, actions=8, commons=4)
    large = document(rng, actions=1000, commons=520)
    files = {"schema": SCHEMA, "small-valid": small, "small-invalid": invalidate(small),
             "large-valid": large, "large-invalid": invalidate(large)}
    for name, value in files.items():
        with open(os.path.join(out, f"{name}.json"), "w", encoding="utf-8") as handle:
            json.dump(value, handle, ensure_ascii=False, indent=1)
            handle.write("\n")
    for name in DOCUMENTS:
        size = os.path.getsize(os.path.join(out, f"{name}.json"))
        print(f"  {name}.json  {size / 1000:.1f} KB")


# ---------------------------------------------------------------------------------------------
# Timing (the same procedure as Benchmarks/SchemaBench)

def measure(call, budget=1.5):
    """Median seconds per call: warm-up, then batches of calls sized to ~20 ms each."""
    start = time.perf_counter()
    runs = 0
    while runs < 3 or time.perf_counter() - start < 0.2:
        call()
        runs += 1
    per_call = (time.perf_counter() - start) / runs
    batch = max(1, int(0.02 / per_call))
    repeats = max(5, min(51, int(budget / (batch * per_call))))
    samples = []
    for _ in range(repeats):
        begin = time.perf_counter()
        for _ in range(batch):
            call()
        samples.append((time.perf_counter() - begin) / batch)
    return statistics.median(samples), batch * repeats


def ensure(module, package):
    try:
        return __import__(module)
    except ImportError:
        import subprocess
        print(f"  installing {package} with pip", file=sys.stderr)
        subprocess.check_call([sys.executable, "-m", "pip", "install", "--quiet", package])
        return __import__(module)


def run(out):
    jsonschema = ensure("jsonschema", "jsonschema")
    jsonschema_rs = ensure("jsonschema_rs", "jsonschema-rs")
    from importlib.metadata import version
    with open(os.path.join(out, "schema.json"), encoding="utf-8") as handle:
        schema = json.load(handle)
    documents = {}
    for name in DOCUMENTS:
        with open(os.path.join(out, f"{name}.json"), encoding="utf-8") as handle:
            documents[name] = json.load(handle)
    engines = {
        f"python-jsonschema {version('jsonschema')}": jsonschema.Draft202012Validator(schema).is_valid,
        f"jsonschema-rs {version('jsonschema-rs')}": jsonschema_rs.Draft202012Validator(schema).is_valid,
    }
    with open(os.path.join(out, "peers.jsonl"), "w", encoding="utf-8") as results:
        for engine, is_valid in engines.items():
            for name, doc in documents.items():
                expected = name.endswith("-valid")
                if is_valid(doc) != expected:
                    sys.exit(f"{engine} says {name} is {'valid' if not expected else 'invalid'}: the documents are wrong")
                seconds, calls = measure(lambda: is_valid(doc))
                line = {"engine": engine, "document": name, "median_us": seconds * 1e6, "calls": calls}
                results.write(json.dumps(line) + "\n")
                print(f"  {engine:28} {name:14} {seconds * 1e6:12.1f} µs  ({calls} calls)", file=sys.stderr)


# ---------------------------------------------------------------------------------------------
# Report

def report(out):
    rows = []
    for file in ("ours.jsonl", "peers.jsonl"):
        with open(os.path.join(out, file), encoding="utf-8") as handle:
            rows += [json.loads(line) for line in handle if line.strip()]
    engines = list(dict.fromkeys(row["engine"] for row in rows))
    times = {(row["engine"], row["document"]): row["median_us"] for row in rows}
    ours = next(engine for engine in engines if engine.startswith("codesocial") and "flag" in engine)
    python = next(engine for engine in engines if engine.startswith("python-jsonschema"))
    rust = next(engine for engine in engines if engine.startswith("jsonschema-rs"))

    def fmt(us):
        return f"{us:,.1f} µs" if us < 10_000 else f"{us / 1000:,.2f} ms"

    header = ["document", "size"] + engines + ["python/ours", "rs/ours"]
    table = []
    for name in DOCUMENTS:
        size = os.path.getsize(os.path.join(out, f"{name}.json")) / 1000
        line = [name, f"{size:.1f} KB"] + [fmt(times[(engine, name)]) for engine in engines]
        line.append(f"{times[(python, name)] / times[(ours, name)]:.1f}×")
        line.append(f"{times[(rust, name)] / times[(ours, name)]:.2f}×")
        table.append(line)
    widths = [max(len(str(row[i])) for row in [header] + table) for i in range(len(header))]
    print("| " + " | ".join(h.ljust(w) for h, w in zip(header, widths)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for line in table:
        print("| " + " | ".join(str(c).ljust(w) for c, w in zip(line, widths)) + " |")
    print(f"\nratios: median per-call time of the peer divided by `{ours}` (higher is better for us)")


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("generate", "run", "report"):
        sys.exit(__doc__)
    {"generate": generate, "run": run, "report": report}[sys.argv[1]](sys.argv[2])
