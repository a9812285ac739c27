-- The catalog's published read surface. Other modules read the shared catalog only through these
-- views (src/main/resources/db/ownership.txt, checked by SchemaOwnershipIT and
-- ModuleSqlBoundaryTest); the tables behind them stay the catalog's to change. Each view names
-- its columns, so a column the catalog adds later is not published by accident. They are simple
-- views: PostgreSQL inlines them into the query, so plans and index use are those of the tables.

create view catalog_tracks as
    select id, title, album_id, track_number, disc_number, duration_ms, explicit, popularity, origin,
           created_at, updated_at, artist_names, search_text, title_search, artists_search
    from tracks;

create view catalog_artists as
    select id, name, search_text, popularity, origin, created_at, updated_at
    from artists;

create view catalog_albums as
    select id, title, search_text, release_date, release_date_precision, popularity, origin,
           created_at, updated_at
    from albums;

create view catalog_album_artists as select album_id, position, artist_id from album_artists;

create view catalog_track_artists as select track_id, position, artist_id, role from track_artists;

create view catalog_genres as select id, name, parent_id from genres;

create view catalog_track_genres as select genre_id, track_id, popularity from track_genres;

create view catalog_artist_genres as select artist_id, genre_id from artist_genres;

create view catalog_audio_features as
    select track_id, danceability, energy, key, loudness, mode, speechiness, acousticness,
           instrumentalness, liveness, valence, tempo, time_signature, duration_ms, features_source,
           features_confidence, mellow, unpretentious, sophisticated, intense, contemporary,
           tempo_normalized, music_source, music_confidence, analysis_version, updated_at
    from audio_features;

create view catalog_track_sources as select provider, external_id, track_id from track_sources;

create view catalog_album_sources as select provider, external_id, album_id from album_sources;

create view catalog_artist_sources as select provider, external_id, artist_id from artist_sources;
