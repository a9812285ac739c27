#!/usr/bin/env python3
"""Builds src/main/resources/demo/catalog-demo.csv.gz, the demo catalog loaded on first start.

A deterministic subset of the real Spotify-songs file in ../shared/data/catalog: every row of
about 3,000 distinct tracks (a seeded random sample per genre, plus every track of artists the
search tests rely on, plus tracks with non-Latin names), with the file's quirks kept.
Usage: tools/make-demo-catalog.py [SOURCE.csv.gz]
"""
import csv, gzip, io, random, re, sys, os

src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '../../shared/data/catalog/spotify_songs_tidytuesday_2020-01-21.csv.gz')
out = os.path.join(os.path.dirname(__file__), '../src/main/resources/demo/catalog-demo.csv.gz')
MUST_ARTISTS = {'Beyoncé', 'Metallica', 'AC/DC', 'Queen', 'Daft Punk', 'Eminem', 'Shakira', 'BTS'}
NON_LATIN = re.compile('[\u0400-\u04ff\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af\u0590-\u05ff\u0600-\u06ff]')

with gzip.open(src, 'rt', encoding='utf-8', newline='') as f:
    reader = csv.reader(f)
    header = next(reader)
    rows = list(reader)
ix = {c: i for i, c in enumerate(header)}
by_genre = {}
chosen = set()
for r in rows:
    by_genre.setdefault(r[ix['playlist_genre']], set()).add(r[ix['track_id']])
    if r[ix['track_artist']] in MUST_ARTISTS or NON_LATIN.search(r[ix['track_name']] + r[ix['track_artist']]):
        chosen.add(r[ix['track_id']])
rng = random.Random(20200121)
for genre in sorted(by_genre):
    ids = sorted(by_genre[genre])
    chosen.update(rng.sample(ids, 400))
na = [r[ix['track_id']] for r in rows if r[ix['track_name']] == 'NA'][:2]   # keep two NA rows: they must be skipped
chosen.update(na)
buf = io.StringIO()
w = csv.writer(buf, lineterminator='\n')
w.writerow(header)
n = 0
for r in rows:
    if r[ix['track_id']] in chosen:
        w.writerow(r); n += 1
with gzip.open(out, 'wt', encoding='utf-8', newline='') as f:
    f.write(buf.getvalue())
print(f'{n} rows, {len(chosen)} distinct tracks -> {out}')
