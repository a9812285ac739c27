package io.refrain.history.archive;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One line of a history export, in the shape of a ListenBrainz export (and of its
 * submit-listens payload), so the file can be imported there or back here.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ExportedListen(
        @JsonProperty("listened_at") long listenedAt,
        @JsonProperty("track_metadata") TrackMetadata trackMetadata) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TrackMetadata(
            @JsonProperty("artist_name") String artistName,
            @JsonProperty("track_name") String trackName,
            @JsonProperty("release_name") String releaseName,
            @JsonProperty("additional_info") AdditionalInfo additionalInfo) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AdditionalInfo(
            @JsonProperty("duration_ms") Integer durationMs,
            @JsonProperty("recording_mbid") String recordingMbid,
            @JsonProperty("isrc") String isrc,
            @JsonProperty("spotify_id") String spotifyId,
            @JsonProperty("ms_played") Integer msPlayed,
            @JsonProperty("submission_client") String submissionClient,
            @JsonProperty("refrain_track_id") long refrainTrackId) {}

    static ExportedListen of(ExportRepository.Row row, ExportRepository.TrackInfo track) {
        var info = new AdditionalInfo(
                track == null ? null : track.durationMs(),
                track == null ? null : track.recordingMbid(),
                track == null ? null : track.isrc(),
                track == null || track.spotifyId() == null
                        ? null
                        : "https://open.spotify.com/track/" + track.spotifyId(),
                row.msPlayed(),
                row.client(),
                row.trackId());
        return new ExportedListen(
                row.listenedAt().getEpochSecond(),
                new TrackMetadata(
                        track == null
                                        || track.artistNames() == null
                                        || track.artistNames().isEmpty()
                                ? null
                                : track.artistNames(),
                        track == null ? null : track.title(),
                        track == null ? null : track.albumTitle(),
                        info));
    }
}
