-- The history module publishes its per-genre statistics too (as V015 did for tracks, albums and
-- artists): a plain projection the planner inlines, for other modules' SQL (the library's bulk
-- dataset load derives tags from a listener's top genres).
create view history_genre_stats as
    select user_id, genre_id, plays, skips, ms_played, first_played_at, last_played_at from listen_stats_genres;
