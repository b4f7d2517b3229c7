#!/usr/bin/env python3
"""Sends every query of queries.txt once to /api/v1/search and prints how many answers were counted from a sample
(countedFromSample: a very broad query, see docs/search.md) — the share of the benchmark's queries whose totals and
facets are "at least" figures. Usage: sampled_share.py <base url> <queries.txt>"""
import json
import sys
import urllib.request

base, path = sys.argv[1], sys.argv[2]
total = sampled = 0
for line in open(path, encoding='utf-8'):
    line = line.strip()
    if not line:
        continue
    with urllib.request.urlopen(f'{base}/api/v1/search?{line}') as response:
        answer = json.load(response)
    total += 1
    sampled += 1 if answer.get('countedFromSample') else 0
print(f'{sampled} {total}')
