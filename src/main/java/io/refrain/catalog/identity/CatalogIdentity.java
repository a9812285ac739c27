package io.refrain.catalog.identity;

import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The catalog's one rule for "the same artist" and "the same album", and the one place that
 * finds or creates them. Every path that names artists or albums comes here: listens and
 * history imports ({@code TrackResolver}), admin edits and connector lookups
 * ({@code CatalogWriter}), the CSV and demo import ({@code CatalogMerge}).
 *
 * <ul>
 *   <li>An <b>artist</b> is its name. An <b>album</b> is its title plus its first credited
 *       artist. (External ids come first where a path has them: the CSV import keys albums by
 *       their Spotify album id and never asks for them by title.)</li>
 *   <li>How names compare depends on where they come from ({@link Origin#match}):
 *       <ul>
 *         <li>curated names (import, admin, connector) are compared {@link NameMatch#EXACT exactly}:
 *             the data set holds different artists whose names differ only in case or
 *             punctuation ("H.E.R." and "Her", "Silo" and "S-Ilo", "Cream" and "CREAM"), so a
 *             curated source's spelling is part of the name;</li>
 *         <li>names in listens are compared in their {@link NameMatch#SEARCH_FORM search form}
 *             ({@code refrain_search_normalize}: case, accents and punctuation do not matter),
 *             because scrobblers and export files spell one artist many ways ("beyonce",
 *             "Beyoncé"); a listen so finds a curated artist, never the other way round.</li>
 *       </ul></li>
 *   <li>Among several entries with the same key: the most popular, then the oldest (lowest id).</li>
 *   <li>A name nobody has becomes a new entry with the caller's origin, stored as given.</li>
 * </ul>
 *
 * <p>Set-based: one statement for all the artists of a batch, one for all its albums, whatever
 * their number. Runs in the caller's transaction; serialising concurrent creation (advisory
 * locks) is the caller's protocol, since it knows what else it locks.
 */
@Component
public class CatalogIdentity {

    /** Who names the entry: stored as the row's {@code origin}, and deciding how its names compare. */
    public enum Origin {
        IMPORT("import", NameMatch.EXACT),
        CONNECTOR("connector", NameMatch.EXACT),
        ADMIN("admin", NameMatch.EXACT),
        LISTEN("listen", NameMatch.SEARCH_FORM);

        private final String column;
        private final NameMatch match;

        Origin(String column, NameMatch match) {
            this.column = column;
            this.match = match;
        }

        /** The value of the {@code origin} column. */
        public String column() {
            return column;
        }

        public NameMatch match() {
            return match;
        }
    }

    /** How two names are the same. */
    public enum NameMatch {
        /** Character for character (the caller strips surrounding spaces). */
        EXACT,
        /** Equal search forms ({@code refrain_search_normalize}, the stored {@code search_text}). */
        SEARCH_FORM
    }

    /**
     * An album as a path names it.
     *
     * @param firstArtist the id of its first credited artist (from {@link #artists})
     * @param releaseDate with {@code releasePrecision} ("year", "month", "day"), used only for a new album; may be null
     */
    public record AlbumName(String title, long firstArtist, LocalDate releaseDate, String releasePrecision) {
        public static AlbumName of(String title, long firstArtist) {
            return new AlbumName(title, firstArtist, null, null);
        }
    }

    /**
     * The ids found or created, in the order asked; null for an album asked without a title.
     *
     * @param created how many distinct entries were created
     */
    public record Found(List<Long> ids, int created) {}

    private final ArtistAlbumRepository repository;

    CatalogIdentity(ArtistAlbumRepository repository) {
        this.repository = repository;
    }

    /** The artists of these names (repeats allowed), creating those nobody has. One statement. */
    public Found artists(List<String> names, Origin origin, Instant now) {
        return names.isEmpty() ? new Found(List.of(), 0) : repository.artists(names, origin, now);
    }

    /** The albums of these titles and first artists (a null title: no album), creating missing ones. One statement. */
    public Found albums(List<AlbumName> albums, Origin origin, Instant now) {
        return albums.isEmpty() ? new Found(List.of(), 0) : repository.albums(albums, origin, now);
    }

    /**
     * The search form computed in Java, for grouping a batch's names and naming advisory locks
     * before the database is asked. It approximates {@code refrain_search_normalize} (case,
     * accents, punctuation, spaces); the database still decides what matches, this only has to
     * agree with itself.
     */
    public static String searchKey(String value) {
        if (value == null) {
            return null;
        }
        String decomposed = Normalizer.normalize(value.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        return WHITESPACE
                .matcher(NOT_WORD.matcher(decomposed).replaceAll(""))
                .replaceAll(" ")
                .strip();
    }

    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}\\s]+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
}
