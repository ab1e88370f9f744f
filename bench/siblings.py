#!/usr/bin/env python3
"""Writes one disclosure whose 支出总表 holds COUNT 项 rows under a single 款, for measuring how
cost grows with the number of sibling rows (it must grow linearly).

Usage: siblings.py COUNT OUT.json"""
import json
import sys


def main():
    count, out = int(sys.argv[1]), sys.argv[2]
    rows = []
    for i in range(count):
        rows.append([f"20801{i % 99 + 1:02d}", f"项目{i}", "1.00"])
    total = f"{count}.00"
    rows = [["208", "社会保障和就业支出", total], ["20801", "人力资源和社会保障管理事务", total]] + rows
    rows.append(["", "合计", total])
    document = {
        "budgetcheck": 1,
        "document": {"title": "测试单位 2024 年单位预算", "unit": "测试单位", "year": 2024,
                     "kind": "unit_budget", "money_unit": "万元"},
        "tables": [{"title": "支出总表", "columns": ["科目编码", "科目名称", "合计"], "rows": rows}],
    }
    with open(out, "w", encoding="utf-8") as handle:
        json.dump(document, handle, ensure_ascii=False)


if __name__ == "__main__":
    main()
