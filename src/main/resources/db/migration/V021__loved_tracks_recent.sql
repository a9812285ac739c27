-- Loved tracks listed newest first (GET /api/v1/me/loved/tracks, the assistant's library), as the
-- other shelves are: by this index, never a sort of all of a user's loved tracks.
create index loved_tracks_recent on loved_tracks (user_id, loved_at desc, track_id desc);
