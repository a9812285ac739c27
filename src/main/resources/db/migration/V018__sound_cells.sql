-- catalog: a coarse cell of each track's sound, for sound-alike candidates on big catalogs.
--
-- The cube's GiST index (V017) answers nearest-neighbour searches by walking the index, but in 14
-- dimensions it walks far: 300 neighbours took ~300 ms and 14,000 buffers on the 1M-track medium
-- dataset (EXPLAIN ANALYZE). The cell cuts four dimensions (energy, valence, danceability,
-- acousticness) into six levels each (1,296 cells, ~770 tracks per cell at 1M tracks): the
-- recommender reads the target's cell and the four next to it, ranks them by the full 14-dimension
-- distance, and falls back to the GiST search when the cells hold too few tracks (small catalogs).
-- recommend/SoundCell.java computes the same cell; DimensionScalingIT holds the two together.
-- Adding a stored column rewrites the table: at 1M tracks longer than the requests' statement
-- timeout (30 s), which this migration's transaction lifts for itself only.
set local statement_timeout = 0;

alter table audio_features add column sound_cell smallint generated always as (
    (least(greatest(floor(coalesce(energy, 0.5) * 6), 0), 5) * 216
     + least(greatest(floor(coalesce(valence, 0.5) * 6), 0), 5) * 36
     + least(greatest(floor(coalesce(danceability, 0.5) * 6), 0), 5) * 6
     + least(greatest(floor(coalesce(acousticness, 0.5) * 6), 0), 5))::smallint) stored;

create index audio_features_sound_cell on audio_features (sound_cell);
-- statistics for the new column at once, so the planner does not take the GiST order for cheaper
analyze audio_features;

create or replace view catalog_track_vectors as select track_id, feature_vector, sound_cell from audio_features;
