package io.refrain.catalog;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A track as an admin (or a source connector) describes it: everything a catalog entry holds.
 * Artists and the album are named, not referenced by id: an existing artist with exactly that
 * name is reused, else created; the album likewise (same title and same first artist).
 *
 * @param genres   genre names (lower-cased on save); new names create genres
 * @param sources  external ids; each (provider, id) belongs to one track only
 * @param features audio features, or null for none; MUSIC dimensions are derived from them
 */
record TrackDraft(
        @NotBlank @Size(max = 500) String title,
        @NotEmpty @Size(max = MAX_ARTISTS) List<@NotNull @Valid Credit> artists,
        @Valid Album album,
        @Min(1) @Max(86_400_000) Integer durationMs,
        Boolean explicit,
        @Min(0) @Max(100) Integer popularity,
        @Min(1) @Max(999) Integer trackNumber,
        @Min(1) @Max(99) Integer discNumber,
        @Size(max = MAX_GENRES) List<@NotBlank @Size(max = 100) String> genres,
        @Size(max = MAX_SOURCES) List<@NotNull @Valid Source> sources,
        @Valid Features features) {

    public static final int MAX_ARTISTS = 20;
    public static final int MAX_GENRES = 20;
    public static final int MAX_SOURCES = 20;

    /** A credited artist; role main, featured, remixer, producer or composer (default main). */
    public record Credit(
            @NotBlank @Size(max = 500) String name,

            @Pattern(regexp = "main|featured|remixer|producer|composer")
            String role) {
        public String roleOrMain() {
            return role == null ? "main" : role;
        }
    }

    /** @param releaseDate "YYYY", "YYYY-MM" or "YYYY-MM-DD" */
    public record Album(
            @NotBlank @Size(max = 500) String title,
            @Pattern(regexp = "\\d{4}(-\\d{2}(-\\d{2})?)?") String releaseDate) {}

    /** An external id, e.g. {@code {"provider": "isrc", "id": "USUM71703861"}}. */
    public record Source(
            @NotNull @Pattern(regexp = "[a-z][a-z0-9_-]{1,30}")
            String provider,

            @NotBlank @Size(max = 200) String id) {}

    /** Spotify-style audio features; any may be null. */
    public record Features(
            @DecimalMin("0") @DecimalMax("1") Double danceability,
            @DecimalMin("0") @DecimalMax("1") Double energy,
            @Min(-1) @Max(11) Integer key,
            @DecimalMin("-60") @DecimalMax("10") Double loudness,
            @Min(0) @Max(1) Integer mode,
            @DecimalMin("0") @DecimalMax("1") Double speechiness,
            @DecimalMin("0") @DecimalMax("1") Double acousticness,
            @DecimalMin("0") @DecimalMax("1") Double instrumentalness,
            @DecimalMin("0") @DecimalMax("1") Double liveness,
            @DecimalMin("0") @DecimalMax("1") Double valence,
            @DecimalMin("0") @DecimalMax("300") Double tempo,
            @Min(1) @Max(12) Integer timeSignature) {}

    public List<String> genresOrEmpty() {
        return genres == null ? List.of() : genres;
    }

    public List<Source> sourcesOrEmpty() {
        return sources == null ? List.of() : sources;
    }
}
