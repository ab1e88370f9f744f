#!/usr/bin/env python3
"""Generates a corpus of realistic disclosures for the benchmark: the two bundled seeds (the
人社部 one with its real errors repaired) under new unit names, and in a fifth of the files one
figure changed by an amount well beyond rounding. The changes are recorded in manifest.json so
the benchmark can check every one was detected.

Usage: generate.py COUNT OUTDIR [SEED]"""
import json
import os
import random
import sys

here = os.path.dirname(os.path.abspath(__file__))
data = os.path.join(here, "..", "data")


def load(name):
    with open(os.path.join(data, name), encoding="utf-8") as handle:
        return handle.read()


def repaired_mohrss():
    text = load("mohrss-information-center-2024.json")
    text = text.replace('["30209", "奖励金"', '["30309", "奖励金"')
    text = text.replace("使用非财政拨款结余 414.00 万元，占 4.57%", "使用非财政拨款结余 414.00 万元，占 4.56%")
    return text


TEMPLATES = [
    ("吉林省人力资源和社会保障信息中心", load("jilin-hrss-information-center-2024.json")),
    ("人力资源和社会保障部信息中心", repaired_mohrss()),
]
# Tables whose figures all take part in footing identities.
TARGET_TITLES = {"支出预算总表", "单位支出总表", "一般公共预算支出预算表", "一般公共预算支出表", "一般公共预算基本支出预算表",
                 "一般公共预算基本支出表", "项目支出预算表", "收支预算总表", "单位收支总表"}


def figure(text):
    try:
        float(text.replace(",", ""))
        return "." in text
    except ValueError:
        return False


def main():
    count, out = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 2024)
    os.makedirs(out, exist_ok=True)
    manifest = []
    for i in range(count):
        unit, text = TEMPLATES[i % len(TEMPLATES)]
        renamed = f"{unit[:-2]}{i:05d}{unit[-2:]}"
        document = json.loads(text.replace(unit, renamed))
        name = f"disclosure-{i:05d}.json"
        if i % 5 == 4:
            cells = [(t, r, c) for t, table in enumerate(document["tables"]) if table.get("title") in TARGET_TITLES
                     for r, row in enumerate(table.get("rows", [])) if isinstance(row, list)
                     for c, cell in enumerate(row) if isinstance(cell, str) and figure(cell)]
            t, r, c = rng.choice(cells)
            old = document["tables"][t]["rows"][r][c]
            new = f"{float(old.replace(',', '')) + rng.randint(100, 5000) / 100:.2f}"
            document["tables"][t]["rows"][r][c] = new
            manifest.append({"file": name, "pointer": f"/tables/{t}/rows/{r}/{c}", "was": old, "now": new})
        with open(os.path.join(out, name), "w", encoding="utf-8") as handle:
            json.dump(document, handle, ensure_ascii=False, indent=1)
    with open(os.path.join(out, "manifest.json.txt"), "w", encoding="utf-8") as handle:
        json.dump(manifest, handle, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
