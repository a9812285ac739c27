package io.refrain.assistant;

import io.refrain.catalog.TrackView;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Tracks as tools show them: what a model needs to talk about a track and to pass its id on, not
 * every field of the REST API's track (sources, all audio features), which would cost the client
 * context on every call.
 */
final class Briefs {

    private Briefs() {}

    /** A track in a tool result; {@code me} is the caller's saved/rating/loved state. */
    record Track(
            long id,
            String title,
            String artists,
            String album,
            String releaseDate,
            Integer durationMs,
            Integer popularity,
            List<String> genres,
            TrackView.Personal me) {}

    static Track of(TrackView t) {
        return new Track(
                t.id(),
                t.title(),
                t.artists().stream().map(TrackView.ArtistCredit::name).collect(Collectors.joining(", ")),
                t.album() == null ? null : t.album().title(),
                t.album() == null ? null : t.album().releaseDate(),
                t.durationMs(),
                t.popularity(),
                t.genres(),
                t.me());
    }

    static List<Track> of(List<TrackView> tracks) {
        return tracks.stream().map(Briefs::of).toList();
    }

    /** "Title — Artists" lines, numbered, for the text rendering. */
    static String lines(List<Track> tracks) {
        StringBuilder s = new StringBuilder();
        int n = 1;
        for (Track t : tracks) {
            s.append(n++).append(". ").append(t.title()).append(" — ").append(t.artists());
            s.append(" (id ").append(t.id()).append(")\n");
        }
        return s.toString();
    }

    /** The schema of {@link Track} inside output schemas. */
    static final String TRACK_SCHEMA = """
            {"type": "object", "required": ["id", "title"], "properties": {
              "id": {"type": "integer"}, "title": {"type": "string"}, "artists": {"type": ["string", "null"]},
              "album": {"type": ["string", "null"]}, "releaseDate": {"type": ["string", "null"]},
              "durationMs": {"type": ["integer", "null"]}, "popularity": {"type": ["integer", "null"]},
              "genres": {"type": ["array", "null"], "items": {"type": "string"}},
              "me": {"type": ["object", "null"]}}}""";
}
