-- Search and autocomplete.

-- Tracks keep their credited artists' names (in credit order, joined by ', ') next to the
-- title, so search and suggestions need no join; every writer of track_artists keeps it in
-- step. The search form (title plus artists) and its two parts are generated columns, so the
-- database guarantees they match the names, and ranking need not normalise per candidate row.
alter table tracks add column artist_names text not null default '' check (length(artist_names) <= 2000);
update tracks t set artist_names = names.value
from (select ta.track_id, string_agg(a.name, ', ' order by ta.position) as value
      from track_artists ta join artists a on a.id = ta.artist_id group by ta.track_id) names
where names.track_id = t.id;
alter table tracks drop column search_text;
alter table tracks
    add column search_text    text generated always as (refrain_search_normalize(title || ' ' || artist_names)) stored,
    add column title_search   text generated always as (refrain_search_normalize(title)) stored,
    add column artists_search text generated always as (refrain_search_normalize(artist_names)) stored;
create index tracks_search_trgm on tracks using gin (search_text gin_trgm_ops);

-- Prefix autocomplete uses the trigram indexes (LIKE 'abc%'); the btree prefix indexes go.
drop index artists_search_prefix;
drop index albums_search_prefix;
drop index tracks_title_prefix;

-- Autocomplete for one or two characters walks names most popular first and stops at the
-- first matches.
create index artists_popularity on artists (popularity desc nulls last, id);
create index albums_popularity on albums (popularity desc nulls last, id);
create index tracks_popularity on tracks (popularity desc nulls last, id);

-- Stale-entry cleanup walks the entries fetched by connectors (few next to imported ones).
drop index tracks_connector_created;
create index tracks_connector on tracks (id) where origin = 'connector';
create index albums_connector on albums (id) where origin = 'connector';
create index artists_connector on artists (id) where origin = 'connector';

-- Recent searches: per user, the last 20 distinct queries (by normalised form).
create table recent_searches (
    user_id     uuid        not null references users (id) on delete cascade,
    query_key   text        not null check (length(query_key) between 1 and 200),
    query       text        not null check (length(query) between 1 and 200),
    searched_at timestamptz not null,
    primary key (user_id, query_key)
);
create index recent_searches_recent on recent_searches (user_id, searched_at desc);
