package io.refrain.playlists;

import io.refrain.support.Api;
import io.refrain.support.IntegrationTest;
import io.refrain.support.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Helpers of the playlist tests: playlists, track ids of the demo catalog, the order of a playlist. */
abstract class PlaylistTestSupport extends IntegrationTest {

    String create(Account owner, boolean isPublic) {
        return api.post(
                        "/api/v1/playlists",
                        Json.of("name", "Mix " + UUID.randomUUID(), "public", isPublic),
                        owner.accessToken())
                .assertStatus(201)
                .text("id");
    }

    List<Long> trackIds(int n) {
        return jdbc.sql("select id from tracks order by id limit ?")
                .param(n)
                .query(Long.class)
                .list();
    }

    Api.Response add(Account who, String playlist, List<Long> tracks, Integer position) {
        return api.post(
                "/api/v1/playlists/" + playlist + "/tracks",
                position == null ? Json.of("trackIds", tracks) : Json.of("trackIds", tracks, "position", position),
                who.accessToken());
    }

    long version(String playlist) {
        return jdbc.sql("select version from playlists where id = ?::uuid")
                .param(playlist)
                .query(Long.class)
                .single();
    }

    /** The kept track count, checked against the entries. */
    int trackCount(String playlist) {
        int kept = jdbc.sql("select track_count from playlists where id = ?::uuid")
                .param(playlist)
                .query(Integer.class)
                .single();
        int counted = jdbc.sql("select count(*) from playlist_entries where playlist_id = ?::uuid")
                .param(playlist)
                .query(Integer.class)
                .single();
        if (kept != counted) {
            throw new AssertionError("track_count " + kept + " but " + counted + " entries");
        }
        return kept;
    }

    /** Track ids in playlist order, straight from the database. */
    List<Long> order(String playlist) {
        return jdbc.sql("select track_id from playlist_entries where playlist_id = ?::uuid order by position")
                .param(playlist)
                .query(Long.class)
                .list();
    }

    List<Long> entryOrder(String playlist) {
        return jdbc.sql("select id from playlist_entries where playlist_id = ?::uuid order by position")
                .param(playlist)
                .query(Long.class)
                .list();
    }

    /** Walks every page through the API; returns the track ids in order. */
    List<Long> readAll(Account reader, String playlist, int limit) {
        List<Long> ids = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get(
                            "/api/v1/playlists/" + playlist + "/tracks?limit=" + limit
                                    + (cursor == null ? "" : "&cursor=" + cursor),
                            reader.accessToken())
                    .assertStatus(200)
                    .json();
            for (JsonNode item : page.path("items")) {
                if (item.path("position").asLong() != ids.size()) {
                    throw new AssertionError("position " + item.path("position") + " at index " + ids.size());
                }
                ids.add(item.path("track").path("id").asLong());
            }
            cursor = page.path("next").asString(null);
        } while (cursor != null);
        return ids;
    }

    /** Fills a playlist straight in the database (entries 2^20 apart, tracks of the catalog repeating). */
    void seed(Account owner, String playlist, int n) {
        jdbc.sql("""
                        insert into playlist_entries (user_id, playlist_id, position, track_id, added_by, added_at)
                        select ?, ?::uuid, g::bigint * 1048576, t.ids[1 + g % array_length(t.ids, 1)], ?, now()
                        from generate_series(1, ?) g, (select array_agg(id order by id) as ids from tracks) t""")
                .param(owner.id())
                .param(playlist)
                .param(owner.id())
                .param(n)
                .update();
    }
}
