-- JSON documents of catalog entities, built inside PostgreSQL so that any page of tracks, an
-- album with all its tracks or an artist with albums and top tracks is ONE statement, whatever
-- its size. The keys match the API's records (TrackView, AlbumView, ArtistView).

create function refrain_partial_date(d date, date_precision text) returns text
    language sql immutable parallel safe
return case date_precision
           when 'year' then to_char(d, 'YYYY')
           when 'month' then to_char(d, 'YYYY-MM')
           when 'day' then to_char(d, 'YYYY-MM-DD')
       end;

create function refrain_track_doc(track bigint) returns jsonb
    language sql stable parallel safe
return (
    select jsonb_build_object(
        'id', t.id,
        'title', t.title,
        'durationMs', t.duration_ms,
        'explicit', t.explicit,
        'popularity', t.popularity,
        'trackNumber', t.track_number,
        'discNumber', t.disc_number,
        'album', case when al.id is null then null else jsonb_build_object(
            'id', al.id, 'title', al.title,
            'releaseDate', refrain_partial_date(al.release_date, al.release_date_precision)) end,
        'artists', (select coalesce(jsonb_agg(jsonb_build_object('id', a.id, 'name', a.name, 'role', ta.role)
                                              order by ta.position), '[]'::jsonb)
                    from track_artists ta join artists a on a.id = ta.artist_id where ta.track_id = t.id),
        'genres', (select coalesce(jsonb_agg(g.name order by g.name), '[]'::jsonb)
                   from track_genres tg join genres g on g.id = tg.genre_id where tg.track_id = t.id),
        'sources', (select coalesce(jsonb_agg(jsonb_build_object('provider', s.provider, 'id', s.external_id)
                                              order by s.provider, s.external_id), '[]'::jsonb)
                    from track_sources s where s.track_id = t.id),
        'features', (select jsonb_build_object(
                         'danceability', f.danceability, 'energy', f.energy, 'key', f.key, 'loudness', f.loudness,
                         'mode', f.mode, 'speechiness', f.speechiness, 'acousticness', f.acousticness,
                         'instrumentalness', f.instrumentalness, 'liveness', f.liveness, 'valence', f.valence,
                         'tempo', f.tempo, 'timeSignature', f.time_signature, 'durationMs', f.duration_ms,
                         'featuresSource', f.features_source, 'featuresConfidence', f.features_confidence,
                         'mellow', f.mellow, 'unpretentious', f.unpretentious, 'sophisticated', f.sophisticated,
                         'intense', f.intense, 'contemporary', f.contemporary, 'tempoNormalized', f.tempo_normalized,
                         'musicSource', f.music_source, 'musicConfidence', f.music_confidence,
                         'analysisVersion', f.analysis_version)
                     from audio_features f where f.track_id = t.id))
    from tracks t left join albums al on al.id = t.album_id
    where t.id = track);

create function refrain_album_doc(album bigint) returns jsonb
    language sql stable parallel safe
return (
    select jsonb_build_object(
        'id', al.id,
        'title', al.title,
        'releaseDate', refrain_partial_date(al.release_date, al.release_date_precision),
        'popularity', al.popularity,
        'artists', (select coalesce(jsonb_agg(jsonb_build_object('id', a.id, 'name', a.name) order by aa.position),
                                    '[]'::jsonb)
                    from album_artists aa join artists a on a.id = aa.artist_id where aa.album_id = al.id),
        'tracks', (select coalesce(jsonb_agg(refrain_track_doc(t.id)
                                             order by t.disc_number nulls first, t.track_number nulls last, t.id),
                                   '[]'::jsonb)
                   from tracks t where t.album_id = al.id))
    from albums al where al.id = album);

create function refrain_artist_doc(artist bigint, album_limit integer, top_limit integer) returns jsonb
    language sql stable parallel safe
return (
    select jsonb_build_object(
        'id', a.id,
        'name', a.name,
        'popularity', a.popularity,
        'genres', (select coalesce(jsonb_agg(g.name order by g.name), '[]'::jsonb)
                   from artist_genres ag join genres g on g.id = ag.genre_id where ag.artist_id = a.id),
        'albums', (select coalesce(jsonb_agg(jsonb_build_object(
                               'id', al.id, 'title', al.title,
                               'releaseDate', refrain_partial_date(al.release_date, al.release_date_precision))
                           order by al.release_date desc nulls last, al.id), '[]'::jsonb)
                   from (select al.* from album_artists aa join albums al on al.id = aa.album_id
                         where aa.artist_id = a.id
                         order by al.release_date desc nulls last, al.id limit album_limit) al),
        'topTracks', (select coalesce(jsonb_agg(refrain_track_doc(x.track_id) order by x.popularity desc nulls last,
                                                x.track_id), '[]'::jsonb)
                      from (select t.id as track_id, t.popularity from track_artists ta join tracks t on t.id = ta.track_id
                            where ta.artist_id = a.id
                            order by t.popularity desc nulls last, t.id limit top_limit) x))
    from artists a where a.id = artist);
