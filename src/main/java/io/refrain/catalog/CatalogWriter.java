package io.refrain.catalog;

import io.refrain.catalog.identity.CatalogIdentity;
import io.refrain.catalog.identity.CatalogIdentity.AlbumName;
import io.refrain.catalog.identity.CatalogIdentity.Origin;
import io.refrain.platform.errors.ApiException;
import io.refrain.platform.errors.ProblemTypes;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Saves single catalog tracks (admin edits, connector lookups): the named artists and album are
 * found or created by {@link CatalogIdentity} (curated names: exact), then the track and its
 * parts are written. Each step is one set-based statement, so saving a track costs the same
 * number of statements whatever its number of artists, genres or external ids. Callers run it
 * in a transaction.
 */
@Component
class CatalogWriter {

    private final CatalogIdentity identity;
    private final TrackWriteRepository tracks;

    CatalogWriter(CatalogIdentity identity, TrackWriteRepository tracks) {
        this.identity = identity;
        this.tracks = tracks;
    }

    long insert(TrackDraft draft, Origin origin, Instant now) {
        List<Long> artistIds = artists(draft, origin, now);
        long id = tracks.insert(draft, album(draft, artistIds, origin, now), artistNames(draft), origin.column(), now);
        writeParts(id, draft, artistIds, now);
        return id;
    }

    /** Replaces everything about the track; false when it does not exist. */
    boolean replace(long id, TrackDraft draft, Instant now) {
        List<Long> artistIds = artists(draft, Origin.ADMIN, now);
        Long albumId = album(draft, artistIds, Origin.ADMIN, now);
        if (!tracks.update(id, draft, albumId, artistNames(draft), now)) {
            return false;
        }
        tracks.clearParts(id);
        writeParts(id, draft, artistIds, now);
        return true;
    }

    private List<Long> artists(TrackDraft draft, Origin origin, Instant now) {
        return identity.artists(
                        draft.artists().stream().map(c -> c.name().strip()).toList(), origin, now)
                .ids();
    }

    /** The album of this title whose first artist is the track's first artist, else a new one. */
    private Long album(TrackDraft draft, List<Long> artistIds, Origin origin, Instant now) {
        if (draft.album() == null) {
            return null;
        }
        PartialDate date = PartialDate.parse(draft.album().releaseDate());
        AlbumName album = new AlbumName(
                draft.album().title().strip(),
                artistIds.getFirst(),
                date == null ? null : date.date(),
                date == null ? null : date.precision());
        return identity.albums(List.of(album), origin, now).ids().getFirst();
    }

    private void writeParts(long id, TrackDraft draft, List<Long> artistIds, Instant now) {
        tracks.writeCredits(
                id,
                artistIds,
                draft.artists().stream().map(TrackDraft.Credit::roleOrMain).toList());
        List<String> genres = draft.genresOrEmpty().stream()
                .map(g -> g.strip().toLowerCase(Locale.ROOT))
                .distinct()
                .toList();
        if (!genres.isEmpty()) {
            tracks.writeGenres(id, genres, draft.popularity());
        }
        List<TrackDraft.Source> sources =
                draft.sourcesOrEmpty().stream().distinct().toList();
        if (!sources.isEmpty() && tracks.writeSources(id, sources) < sources.size()) {
            // the transaction rolls back: nothing of this save stays
            throw ApiException.conflict(
                    ProblemTypes.CONFLICT,
                    "One of these external ids already belongs to another track: " + sources + ".");
        }
        TrackDraft.Features f = draft.features();
        if (f != null) {
            var music = MusicDimensions.derive(
                    new MusicDimensions.Features(
                            f.danceability(),
                            f.energy(),
                            f.loudness(),
                            f.speechiness(),
                            f.acousticness(),
                            f.instrumentalness(),
                            f.valence(),
                            f.tempo()),
                    genres);
            tracks.writeFeatures(id, f, draft.durationMs(), music, now);
        }
    }

    private static String artistNames(TrackDraft draft) {
        return String.join(
                ", ", draft.artists().stream().map(c -> c.name().strip()).toList());
    }

    /** "YYYY", "YYYY-MM" or "YYYY-MM-DD" as a date plus its precision. */
    record PartialDate(LocalDate date, String precision) {
        static PartialDate parse(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return switch (text.length()) {
                    case 4 -> new PartialDate(LocalDate.of(Integer.parseInt(text), 1, 1), "year");
                    case 7 -> new PartialDate(LocalDate.parse(text + "-01"), "month");
                    default -> new PartialDate(LocalDate.parse(text), "day");
                };
            } catch (RuntimeException e) {
                throw ApiException.invalidField(
                        "album.releaseDate", "must be YYYY, YYYY-MM or YYYY-MM-DD, got '" + text + "'");
            }
        }
    }
}
