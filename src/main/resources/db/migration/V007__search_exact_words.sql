-- Exact-word search: full-text indexes over the normalised names, so a query made of common
-- words ("love") finds its exact matches without computing a trigram similarity for each of
-- thousands of rows. Expression indexes (no table rewrite), built concurrently.
create index concurrently if not exists tracks_search_words on tracks using gin (to_tsvector('simple', search_text));
create index concurrently if not exists artists_search_words on artists using gin (to_tsvector('simple', search_text));
create index concurrently if not exists albums_search_words on albums using gin (to_tsvector('simple', search_text));
