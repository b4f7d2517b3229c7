# Realistic rotating queries for bench/search: 2-4 character parts of generated names, whole identifiers, filter
# combinations and later pages, taken from the generated entries file. Usage: queries.py ENTRIES.csv OUT.txt
import csv, random, sys, urllib.parse
random.seed(20261124)
names, codes = [], []
with open(sys.argv[1], encoding='utf-8') as f:
    for i, row in enumerate(csv.DictReader(f)):
        if i > 200000: break
        names.append(row['subject_name'])
        if row['uscc']: codes.append(row['uscc'])
fields = ['食品药品', '生态环境', '税务', '安全生产', '价格', '司法执行']
queries = set()
while len(queries) < 4000:
    n = random.choice(names)
    k = random.randint(2, 4)
    if len(n) <= k: continue
    start = random.randint(0, len(n) - k)
    q = 'q=' + urllib.parse.quote(n[start:start + k])
    r = random.random()
    if r < 0.15: q += '&kind=black&field=' + urllib.parse.quote(random.choice(fields))
    elif r < 0.25: q += '&page=' + str(random.randint(2, 5))
    elif r < 0.35: q = 'q=' + random.choice(codes)
    queries.add(q)
with open(sys.argv[2], 'w') as f:
    f.write('\n'.join(sorted(queries, key=lambda _: random.random())))
