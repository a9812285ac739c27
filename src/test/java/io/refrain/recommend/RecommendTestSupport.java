package io.refrain.recommend;

import io.refrain.support.IntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Listens and catalog picks for the recommendation tests. */
abstract class RecommendTestSupport extends IntegrationTest {

    @Autowired
    SimilarityJob similarity;

    @Autowired
    PopularNow popular;

    /** Catalog tracks with audio features, of distinct first artists, picked at random. */
    List<Long> tracksOfDistinctArtists(int n) {
        return pick(n, "");
    }

    /**
     * As {@link #tracksOfDistinctArtists}, of tracks nobody has played yet: for counts that other
     * tests' listens in the shared database must not reach.
     */
    List<Long> unplayedTracksOfDistinctArtists(int n) {
        return pick(n, "and not exists (select 1 from history_listens l where l.track_id = t.id)");
    }

    private List<Long> pick(int n, String condition) {
        return jdbc.sql("""
                        select id from (
                            select distinct on (a.artist_id) t.id, random() as r
                            from tracks t
                            join track_artists a on a.track_id = t.id and a.position = 0
                            join audio_features f on f.track_id = t.id
                            where t.origin = 'import' and not t.explicit %s
                            order by a.artist_id, random()) x
                        order by r limit :n""".formatted(condition))
                .param("n", n)
                .query(Long.class)
                .list();
    }

    Instant ago(long minutes) {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS).minus(minutes, ChronoUnit.MINUTES);
    }

    /** Listens to these tracks one after the other, three minutes apart, starting at {@code start}. */
    static String session(List<Long> tracks, Instant start, boolean skipped) {
        List<String> listens = new ArrayList<>();
        for (int i = 0; i < tracks.size(); i++) {
            listens.add("{\"listenedAt\": \"%s\", \"track\": {\"id\": %d}, \"msPlayed\": %d%s}"
                    .formatted(
                            start.plusSeconds(180L * i),
                            tracks.get(i),
                            skipped ? 20000 : 180000,
                            skipped ? ", \"skipped\": true" : ""));
        }
        return "{\"listens\": [" + String.join(",", listens) + "]}";
    }

    static List<Long> trackIds(JsonNode recommendation) {
        List<Long> ids = new ArrayList<>();
        recommendation
                .path("tracks")
                .forEach(t -> ids.add(t.path("track").path("id").asLong()));
        return ids;
    }
}
