package io.refrain.catalog.sources.musicbrainz;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The part of a web service v2 recording lookup
 * ({@code /recording/{mbid}?inc=artist-credits+releases+isrcs+genres+tags&fmt=json}) that Refrain
 * reads. MusicBrainz adds fields over time, so unknown ones are ignored; any field may be missing.
 *
 * @param length duration in milliseconds, null when unknown
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record RecordingResponse(
        String id,
        String title,
        Integer length,
        @JsonProperty("artist-credit") List<Credit> artistCredit,
        List<Release> releases,
        List<String> isrcs,
        List<Vote> genres,
        List<Vote> tags) {

    /** One credited artist; {@code joinphrase} joins it to the next one ("feat.", " & ", …). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Credit(String name, String joinphrase, Artist artist) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Artist(String id, String name) {}

    /** @param date "YYYY", "YYYY-MM", "YYYY-MM-DD", empty or missing */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Release(
            String id,
            String title,
            String date,
            String status,
            @JsonProperty("artist-credit") List<Credit> artistCredit) {}

    /** A genre or folksonomy tag with its vote count. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Vote(String name, Integer count) {}
}
