package io.refrain.catalog.sources.musicbrainz;

import io.refrain.catalog.sources.SourceTrack;
import io.refrain.catalog.sources.SourceTrack.SourceAlbum;
import io.refrain.catalog.sources.SourceTrack.SourceArtist;
import io.refrain.catalog.sources.SourceUnavailableException;
import io.refrain.catalog.sources.musicbrainz.RecordingResponse.Credit;
import io.refrain.catalog.sources.musicbrainz.RecordingResponse.Release;
import io.refrain.catalog.sources.musicbrainz.RecordingResponse.Vote;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** Turns a MusicBrainz recording into a {@link SourceTrack}. */
final class RecordingMapper {

    static final String PROVIDER = "musicbrainz";

    private static final Pattern FEATURING = Pattern.compile("\\b(?:feat|ft\\.)", Pattern.CASE_INSENSITIVE);
    private static final Pattern PARTIAL_DATE = Pattern.compile("\\d{4}(?:-\\d{2}(?:-\\d{2})?)?");
    // Partial dates in this form sort as text by their earliest possible day.
    private static final Comparator<Release> BY_DATE = Comparator.comparing(Release::date);

    private RecordingMapper() {}

    /**
     * @param requestedId the id asked for; MusicBrainz answers a merged recording's old id with the
     *                    surviving recording, whose id then wins
     * @throws SourceUnavailableException when the answer lacks a title or any credited artist:
     *                                    that is a broken answer, not a track
     */
    static SourceTrack toTrack(RecordingResponse recording, String requestedId) {
        if (recording == null || isBlank(recording.title())) {
            throw garbage("a recording without a title");
        }
        List<SourceArtist> artists = artists(recording.artistCredit());
        if (artists.isEmpty()) {
            throw garbage("a recording without an artist credit");
        }
        String id = isBlank(recording.id()) ? requestedId : recording.id().toLowerCase(Locale.ROOT);
        return new SourceTrack(
                PROVIDER,
                id,
                recording.title(),
                recording.length(),
                artists,
                album(nonNull(recording.releases()), artists),
                isrcs(recording.isrcs()),
                genres(recording),
                null);
    }

    /**
     * Credited artists in order. The first is main; once a join phrase says "feat."/"ft."/"featuring",
     * every later artist is featured ("A feat. B & C" features B and C), before that they are main
     * ("A & B feat. C"). The artist's own name is used, not the credited spelling, so one artist
     * keeps one name across tracks.
     */
    private static List<SourceArtist> artists(List<Credit> credits) {
        List<SourceArtist> artists = new ArrayList<>();
        boolean featuring = false;
        String previousJoin = null;
        for (Credit credit : nonNull(credits)) {
            String name = credit.artist() != null && !isBlank(credit.artist().name())
                    ? credit.artist().name()
                    : credit.name();
            if (!isBlank(name)) {
                featuring |= !artists.isEmpty()
                        && previousJoin != null
                        && FEATURING.matcher(previousJoin).find();
                String externalId =
                        credit.artist() == null ? null : credit.artist().id();
                artists.add(new SourceArtist(name.strip(), externalId, featuring ? "featured" : "main"));
            }
            previousJoin = credit.joinphrase();
        }
        return List.copyOf(artists);
    }

    /** The earliest official release with a date, else the earliest with a date, else the first. */
    private static SourceAlbum album(List<Release> releases, List<SourceArtist> trackArtists) {
        List<Release> candidates =
                releases.stream().filter(r -> !isBlank(r.title())).toList();
        if (candidates.isEmpty()) {
            return null;
        }
        Release chosen = candidates.stream()
                .filter(r -> isOfficial(r) && hasDate(r))
                .min(BY_DATE)
                .or(() -> candidates.stream().filter(RecordingMapper::hasDate).min(BY_DATE))
                .orElse(candidates.getFirst());
        List<SourceArtist> albumArtists = artists(chosen.artistCredit());
        return new SourceAlbum(
                chosen.title(),
                chosen.id(),
                hasDate(chosen) ? chosen.date() : null,
                albumArtists.isEmpty() ? trackArtists : albumArtists);
    }

    private static List<String> isrcs(List<String> isrcs) {
        return nonNull(isrcs).stream()
                .filter(s -> !isBlank(s))
                .map(String::strip)
                .distinct()
                .toList();
    }

    /** Curated genres, most votes first; the free-form tags only when no genre is set. */
    private static List<String> genres(RecordingResponse recording) {
        List<String> genres = voted(recording.genres());
        return genres.isEmpty() ? voted(recording.tags()) : genres;
    }

    private static List<String> voted(List<Vote> votes) {
        return nonNull(votes).stream()
                .filter(v -> !isBlank(v.name()) && (v.count() == null || v.count() > 0)) // voted down: not a genre
                .sorted(Comparator.comparing(
                                (Vote v) -> Optional.ofNullable(v.count()).orElse(0))
                        .reversed())
                .map(v -> v.name().strip().toLowerCase(Locale.ROOT))
                .distinct()
                .toList();
    }

    private static boolean isOfficial(Release release) {
        return "official".equalsIgnoreCase(release.status());
    }

    private static boolean hasDate(Release release) {
        return release.date() != null && PARTIAL_DATE.matcher(release.date()).matches();
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static SourceUnavailableException garbage(String what) {
        return new SourceUnavailableException("MusicBrainz answered " + what, null, null);
    }
}
