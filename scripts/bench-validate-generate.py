"""Generates COUNT varied, valid ~5 KB #CodeSocial descriptions for scripts/bench-validate.

Dates are quoted so that YAML 1.1 loaders (PyYAML) read the same strings as YAML 1.2 ones.
Usage: python3 scripts/bench-validate-generate.py DIR COUNT
"""
import os, random, sys

WORDS = ("commun coopérative mobilité tiers-lieu atelier réemploi énergie alimentation habitat culture "
         "numérique libre partage gouvernance contribution territoire quartier jardin outil savoir "
         "entraide solidarité transition écologie économie sociale local circuit court vélo").split()
MODELS = ["artistic_cultural", "social_human", "ecological", "technological", "economic", "legal_financial"]
FIELDS = {
    "artistic_cultural": ["principles", "imaginary", "values", "positioning", "place_of_arts", "sharing_of_works"],
    "social_human": ["principles", "ways_of_being", "contribution", "retribution", "partners", "regulation"],
    "ecological": ["principles", "inbound_flows", "outbound_flows", "pooling", "relocalisation"],
    "technological": ["principles", "sovereignty", "sharing", "accessibility", "sustainability", "humanity"],
    "economic": ["principles", "value_proposition", "key_activities", "cost_structure", "revenue_streams"],
    "legal_financial": ["principles", "structure", "ownership_and_licences", "strategy", "transfer"],
}

def sentence(rng, n=12):
    words = [rng.choice(WORDS) for _ in range(n)]
    return (" ".join(words)).capitalize() + "."

def q(text):
    return '"' + text.replace('"', "'") + '"'

def description(i, rng):
    ident = f"projet-{i:05d}"
    out = [
        "# yaml-language-server: $schema=https://codesocial.org/schema/v1/codesocial.schema.json",
        "codesocial: 1", f"id: {ident}", f"name: Projet {i}",
        f"kind: {rng.choice(['project', 'organisation', 'idea', 'collaboration'])}",
        "summary:", f"  fr: {q(sentence(rng, 10))}", f"  en: {q(sentence(rng, 10))}",
        "language: fr", f"tags: [{', '.join(rng.sample(WORDS, 4))}]",
        "links:", f"  website: https://{ident}.example.org", f"  repository: https://git.example.org/{ident}",
        "licence: CC-BY-SA-4.0",
        "general:", "  legal_form: association loi 1901", f"  founded: \"{2000 + i % 24}-0{1 + i % 9}\"",
        "  contacts:", f"    - {{name: Personne {i}, role: coordination, email: contact@{ident}.example.org}}",
        "  territory:", f"    area: {q(sentence(rng, 6))}",
        "story:", f"  narrative: {q(sentence(rng, 16))}", "  milestones:",
        f"    - {{date: \"{2001 + i % 20}-05-17\", text: {q(sentence(rng, 8))}}}",
        "purpose:", f"  context: {q(sentence(rng, 12))}", f"  stakes: {q(sentence(rng, 12))}",
        "  missions:", f"    - {q(sentence(rng, 8))}", f"    - {q(sentence(rng, 8))}",
        "models:",
    ]
    intentions = []
    for index, model in enumerate(MODELS):
        if index == i % 6:
            out += [f"  {model}:", f"    not_applicable: {q(sentence(rng, 6))}"]
            continue
        out.append(f"  {model}:")
        for field in rng.sample(FIELDS[model], 3):
            out.append(f"    {field}: {q(sentence(rng, 9))}")
        out.append("    intentions:")
        for k in range(2):
            intention = f"intention-{index}-{k}"
            intentions.append(f"{model}/{intention}")
            out.append(f"      - {{id: {intention}, text: {q(sentence(rng, 8))}}}")
    out += ["governance:", "  maintainers:", f"    - {{name: Personne {i}, email: contact@{ident}.example.org}}",
            "  review: {every: P6M, last: \"2024-01-15\"}", f"  commitments: {q(sentence(rng, 14))}", "actions:"]
    for k in range(4):
        serves = ", ".join(rng.sample(intentions, 2))
        out += [f"  - id: action-{k}", f"    title: {q(sentence(rng, 6))}",
                f"    status: {rng.choice(['idea', 'planned', 'ongoing', 'done'])}", f"    serves: [{serves}]",
                f"    start: \"2023-0{1 + k}\""]
    out += ["catalogue:", "  offers:", f"    - {{kind: skill, text: {q(sentence(rng, 8))}, tags: [{rng.choice(WORDS)}]}}",
            "  needs:", f"    - {{kind: place, text: {q(sentence(rng, 8))}}}",
            "commons:", "  - {name: OpenStreetMap, role: uses, licence: ODbL-1.0, url: https://www.openstreetmap.org}",
            "relations:", f"  - {{id: projet-{(i + 1) % 100000:05d}, kind: partner, text: {q(sentence(rng, 6))}}}",
            "knowledge_seeds:", f"  - {{question: {q(sentence(rng, 8))}, resources: [https://example.org/guide], people: [Personne {i}]}}"]
    return "\n".join(out) + "\n"

def main():
    directory, count = sys.argv[1], int(sys.argv[2])
    rng = random.Random(42)
    for i in range(count):
        path = os.path.join(directory, f"{i // 100:03d}", f"projet-{i:05d}")
        os.makedirs(path, exist_ok=True)
        with open(os.path.join(path, "codesocial.yml"), "w", encoding="utf-8") as f:
            f.write(description(i, rng))

main()
