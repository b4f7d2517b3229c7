# Realistic rotating queries for bench/search/records.sh, from the generated files: 2-4 character parts of subject
# names, whole USCCs, decision numbers, type and catalogue filters, subject types, later pages and newest-first sorts;
# and the subject pages and record pages to time. Records are made from their own numbers, so the first rows of a file
# are a fair sample of all of it.
# Usage: record_queries.py WORK_DIR TODAY(yyyy-mm-dd) -> WORK_DIR/queries.txt, subject-paths.txt, record-paths.txt
import csv, os, random, sys, urllib.parse

random.seed(20261207)
work, today = sys.argv[1], sys.argv[2]
SAMPLE = 200_000


def rows(name):
    with open(os.path.join(work, name + '.csv'), encoding='utf-8') as f:
        for i, row in enumerate(csv.DictReader(f)):
            if i >= SAMPLE:
                break
            yield row


def public(kind, r):
    """In public view today (docs/records.md): what the record page shows rather than answering 404."""
    if kind == 'penalty':
        if r['simplified_procedure'] == 'true' or r['status'] in ('repaired', 'revoked'):
            return False
        until = r['public_until']
    elif kind == 'licence':
        if r['status'] == 'expired':
            return False
        until = r['valid_to']
    else:
        if r['status'] == 'withdrawn':
            return False
        until = r['public_until']
    return until == '' or until >= today


names, codes, numbers, record_paths = [], [], [], []
for r in rows('list'):
    names.append(r['subject_name'])
    if r['uscc']:
        codes.append(r['uscc'])
for kind in ('licence', 'penalty', 'commitment'):
    for r in rows(kind):
        names.append(r['subject_name'])
        if r['uscc']:
            codes.append(r['uscc'])
        if r.get('decision_number'):
            numbers.append(r['decision_number'])
        if public(kind, r):
            record_paths.append(f'/records/{kind}/{r["record_id"]}')
subject_paths = ['/subjects/' + r['uscc'] for r in rows('subject') if r['status'] == '存续']

q = urllib.parse.quote
types = ['licence', 'penalty', 'commitment', 'subject', 'list_entry']
fields = ['食品药品', '生态环境', '税务', '安全生产', '价格', '城市管理', '交通运输', '劳动用工']
licence_categories = ['普通', '登记', '特许', '核准']
penalty_types = ['罚款', '警告', '没收违法所得', '责令停产停业']
subject_types = ['legal_person', 'individual_business', 'natural_person']


def part():
    n = random.choice(names)
    k = random.randint(2, 4)
    if len(n) <= k:
        return n
    start = random.randint(0, len(n) - k)
    return n[start:start + k]


queries = set()
while len(queries) < int(os.environ.get('QUERIES', '4000')):
    r = random.random()
    if r < 0.40:
        s = 'q=' + q(part())
    elif r < 0.50:
        s = 'q=' + random.choice(codes)
    elif r < 0.60:
        s = 'q=' + q(random.choice(numbers))
    elif r < 0.70:
        s = 'q=' + q(part()) + '&type=' + random.choice(types)
    elif r < 0.74:
        s = 'q=' + q(part()) + '&type=licence&category=' + q(random.choice(licence_categories))
    elif r < 0.78:
        s = 'q=' + q(part()) + '&type=penalty&penalty_type=' + q(random.choice(penalty_types))
    elif r < 0.82:
        s = 'q=' + q(part()) + '&kind=black&field=' + q(random.choice(fields))
    elif r < 0.86:
        s = 'q=' + q(part()) + '&subject_type=' + random.choice(subject_types)
    elif r < 0.93:
        s = 'q=' + q(part()) + '&page=' + str(random.randint(2, 5))
    else:
        s = 'q=' + q(part()) + '&sort=newest'
    queries.add(s)

for name, items in (('queries.txt', sorted(queries, key=lambda _: random.random())),
                    ('subject-paths.txt', random.sample(subject_paths, min(1000, len(subject_paths)))),
                    ('record-paths.txt', random.sample(record_paths, min(1000, len(record_paths))))):
    with open(os.path.join(work, name), 'w') as f:
        f.write('\n'.join(items) + '\n')
print(f'{len(queries)} queries, {min(1000, len(subject_paths))} subject pages, {min(1000, len(record_paths))} record pages')
