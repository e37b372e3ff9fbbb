"""Validates problem documents against a JSON Schema: validate.py SCHEMA DOCUMENT...

Run by tests/tests/problem_json.rs with the pinned jsonschema of tests/openapi-validator.
"""

import json
import sys

import jsonschema


def main():
    with open(sys.argv[1]) as schema_file:
        schema = json.load(schema_file)
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema)
    failures = 0
    for path in sys.argv[2:]:
        with open(path) as document_file:
            document = json.load(document_file)
        for error in validator.iter_errors(document):
            failures += 1
            print(f"{path}: {error.json_path}: {error.message}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
