"""Writes a deterministic invented corpus whose graph has more than 5,000 statement edges,
to measure the HTML report at the size of a year of news. Usage: synthetic.py OUT.jsonl"""
import json
import random
import sys

COUNTRIES = """Albania Algeria Angola Argentina Armenia Australia Austria Azerbaijan Bangladesh
Belarus Belgium Bolivia Brazil Bulgaria Cambodia Cameroon Canada Chile China Colombia Croatia
Cuba Denmark Ecuador Egypt Estonia Ethiopia Finland France Georgia Germany Ghana Greece
Guatemala Hungary India Indonesia Iran Iraq Ireland Israel Italy Japan Jordan Kazakhstan Kenya
Kuwait Latvia Lebanon Libya Lithuania Malaysia Mali Mexico Moldova Mongolia Morocco Nepal
Nicaragua Niger Nigeria Norway Pakistan Panama Paraguay Peru Poland Portugal Qatar Romania
Russia Rwanda Senegal Serbia Singapore Slovakia Somalia Spain Sudan Sweden Switzerland Syria
Tanzania Thailand Tunisia Turkey Uganda Ukraine Uruguay Venezuela Vietnam Yemen Zambia""".split()
TEMPLATES = [
    "{a} accused {b} of violating the border agreement.",
    "{a} criticized {b} over its new tariffs.",
    "{a} condemned {b} for the shelling of the port.",
    "{a} warned {b} against further escalation.",
    "{a} threatened {b} with sanctions over the dispute.",
    "{a} urged {b} to resume talks.",
    "{a} praised {b} for its mediation.",
    "{a} demanded that {b} release the detained sailors.",
    "{a} rejected {b}'s proposal for a new summit.",
]

rng = random.Random(20310101)
with open(sys.argv[1], "w", encoding="utf-8") as out:
    for i in range(9000):
        a, b = rng.sample(COUNTRIES, 2)
        day = rng.randrange(730)
        y, d = 2030 + day // 365, day % 365
        m = min(12, d // 31 + 1)
        date = f"{y}-{m:02d}-{d % 28 + 1:02d}"
        text = rng.choice(TEMPLATES).format(a=a, b=b)
        out.write(json.dumps({"id": f"syn-{i:05d}", "date": date, "title": f"Invented brief {i}",
                              "url": f"https://example.org/brief/{i}", "text": text}) + "\n")
