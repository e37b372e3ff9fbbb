"""Reads a scrape in Prometheus's text exposition format on standard input and prints its
samples as JSON, one array of {"family", "type", "name", "labels", "value"} objects, with the
official client's parser (prometheus_client.parser). A malformed scrape is the parser's own
exception and a non-zero exit: the tests fail on it."""

import json
import sys

from prometheus_client.parser import text_string_to_metric_families

samples = []
for family in text_string_to_metric_families(sys.stdin.read()):
    for sample in family.samples:
        samples.append(
            {
                "family": family.name,
                "type": family.type,
                "name": sample.name,
                "labels": sample.labels,
                "value": sample.value,
            }
        )
json.dump(samples, sys.stdout)
