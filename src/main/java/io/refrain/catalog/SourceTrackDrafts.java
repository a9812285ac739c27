package io.refrain.catalog;

import io.refrain.catalog.sources.SourceTrack;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Turns what a source says about a track into a catalog draft, dropping what the catalog cannot hold. */
final class SourceTrackDrafts {

    private static final Set<String> ROLES = Set.of("main", "featured", "remixer", "producer", "composer");

    private SourceTrackDrafts() {}

    static TrackDraft toDraft(SourceTrack t) {
        List<TrackDraft.Credit> credits = t.artists().stream()
                .limit(TrackDraft.MAX_ARTISTS)
                .map(a -> new TrackDraft.Credit(clip(a.name(), 500), ROLES.contains(a.role()) ? a.role() : "main"))
                .distinct()
                .toList();
        TrackDraft.Album album = t.album() == null
                ? null
                : new TrackDraft.Album(
                        clip(t.album().title(), 500), partialDate(t.album().releaseDate()));
        List<TrackDraft.Source> sources = new ArrayList<>();
        sources.add(new TrackDraft.Source(t.provider(), t.externalId()));
        t.isrcs().stream()
                .distinct()
                .limit(TrackDraft.MAX_SOURCES - 1)
                .forEach(isrc -> sources.add(new TrackDraft.Source("isrc", isrc)));
        List<String> genres = t.genres().stream()
                .map(g -> clip(g, 100))
                .distinct()
                .limit(TrackDraft.MAX_GENRES)
                .toList();
        Integer duration =
                t.durationMs() != null && t.durationMs() > 0 && t.durationMs() <= 86_400_000 ? t.durationMs() : null;
        return new TrackDraft(
                clip(t.title(), 500),
                credits,
                album,
                duration,
                null,
                null,
                null,
                null,
                genres,
                sources,
                features(t.features()));
    }

    private static TrackDraft.Features features(SourceTrack.SourceFeatures f) {
        if (f == null) {
            return null;
        }
        return new TrackDraft.Features(
                f.danceability(),
                f.energy(),
                f.key(),
                f.loudness(),
                f.mode(),
                f.speechiness(),
                f.acousticness(),
                f.instrumentalness(),
                f.liveness(),
                f.valence(),
                f.tempo(),
                f.timeSignature());
    }

    /** Keeps a date only in a shape the catalog stores (a source's odd date is dropped, not fatal). */
    private static String partialDate(String date) {
        return date != null && date.matches("\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?") ? date : null;
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
