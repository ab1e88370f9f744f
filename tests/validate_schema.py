#!/usr/bin/env python3
"""Validates JSON files against the shipped JSON Schema (python3-jsonschema from Debian).

Usage: validate_schema.py SCHEMA FILE...  Exits non-zero and names the file, the JSON path and
the reason for every violation."""
import json
import sys

import jsonschema


def main() -> int:
    schema_path, *files = sys.argv[1:]
    with open(schema_path, encoding="utf-8") as handle:
        schema = json.load(handle)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    failures = 0
    for path in files:
        with open(path, encoding="utf-8") as handle:
            document = json.load(handle)
        errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
        for error in errors:
            where = "/" + "/".join(str(part) for part in error.absolute_path)
            print(f"{path}: {where}: {error.message}")
        failures += len(errors)
        if not errors:
            print(f"{path}: valid")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
