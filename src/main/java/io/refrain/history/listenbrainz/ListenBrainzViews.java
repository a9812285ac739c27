package io.refrain.history.listenbrainz;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.refrain.catalog.TrackView;
import io.refrain.history.PlayedTrack;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** The documents of the ListenBrainz API, in its field names. */
final class ListenBrainzViews {

    private ListenBrainzViews() {}

    record Status(String status) {
        static final Status OK = new Status("ok");
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TokenValidity(
            int code,
            String message,
            boolean valid,
            @JsonProperty("user_name") String userName) {}

    record Listens(Payload payload) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Payload(
            int count,
            List<Listen> listens,
            @JsonProperty("user_id") String userId,
            @JsonProperty("latest_listen_ts") Long latestListenTs,
            @JsonProperty("oldest_listen_ts") Long oldestListenTs,
            @JsonProperty("playing_now") Boolean playingNow) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Listen(
            @JsonProperty("listened_at") Long listenedAt,
            @JsonProperty("recording_msid") String recordingMsid,
            @JsonProperty("user_name") String userName,
            @JsonProperty("track_metadata") Object trackMetadata,
            @JsonProperty("playing_now") Boolean playingNow) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TrackMetadata(
            @JsonProperty("artist_name") String artistName,
            @JsonProperty("track_name") String trackName,
            @JsonProperty("release_name") String releaseName,
            @JsonProperty("additional_info") Map<String, Object> additionalInfo) {}

    /** A stored listen as ListenBrainz shows one; the song is described as the catalog knows it. */
    static Listen listen(PlayedTrack played, String userName) {
        TrackView track = played.track();
        return new Listen(
                played.listenedAt().getEpochSecond(),
                recordingMsid(track.id()),
                userName,
                metadata(played, track),
                null);
    }

    static Listen playingNow(JsonNode trackMetadata, String userName) {
        return new Listen(null, null, userName, trackMetadata, true);
    }

    private static TrackMetadata metadata(PlayedTrack played, TrackView track) {
        List<TrackView.ArtistCredit> main =
                track.artists().stream().filter(a -> "main".equals(a.role())).toList();
        List<TrackView.ArtistCredit> credited = main.isEmpty() ? track.artists() : main;
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("refrain_track_id", track.id());
        info.put(
                "artist_names",
                credited.stream().map(TrackView.ArtistCredit::name).toList());
        if (track.durationMs() != null) {
            info.put("duration_ms", track.durationMs());
        }
        if (track.trackNumber() != null) {
            info.put("tracknumber", track.trackNumber());
        }
        for (TrackView.SourceRef source : track.sources()) {
            switch (source.provider()) {
                case "musicbrainz" -> info.putIfAbsent("recording_mbid", source.id());
                case "isrc" -> info.putIfAbsent("isrc", source.id());
                case "spotify" -> info.putIfAbsent("spotify_id", "https://open.spotify.com/track/" + source.id());
                default -> {}
            }
        }
        if (played.client() != null) {
            info.put("submission_client", played.client());
        }
        return new TrackMetadata(
                String.join(
                        ", ",
                        credited.stream().map(TrackView.ArtistCredit::name).toList()),
                track.title(),
                track.album() == null ? null : track.album().title(),
                info);
    }

    /**
     * ListenBrainz identifies an unmatched song by a MessyBrainz id; Refrain has a catalog id for
     * every song, so this is a stable UUID derived from it (same track, same id).
     */
    static String recordingMsid(long trackId) {
        return UUID.nameUUIDFromBytes(("refrain:track:" + trackId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
