package io.refrain.library;

import static org.assertj.core.api.Assertions.assertThat;

import io.refrain.catalog.CatalogService;
import io.refrain.support.Api;
import io.refrain.support.Json;
import io.refrain.support.StatementCounter;
import java.util.List;
import java.util.Set;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Library pages run a fixed number of SQL statements whatever their size, and the catalog's
 * questions (the reader's state, tracks in use) are answered in one statement each.
 */
class LibraryStatementsIT extends LibraryTestSupport {

    @Autowired
    CatalogService catalog;

    @Autowired
    ProxyDataSource dataSource;

    @Autowired
    LibraryTrackState trackState;

    String token;
    Account account;

    @BeforeEach
    void signIn() {
        account = newAccount();
        token = account.accessToken();
    }

    @Test
    void savedTrackPagesRunTheSameStatementsWhateverTheirSize() {
        List<Long> ids = trackIds(50);
        api.put("/api/v1/me/tracks?ids=" + csv(ids), null, token).assertStatus(204);
        rateAndLove(ids);

        var one = countedGet("/api/v1/me/tracks?limit=1");
        var fifty = countedGet("/api/v1/me/tracks?limit=50");
        assertThat(fifty.result().json().path("items")).hasSize(50);
        assertThat(fifty.count())
                .as("statements for 50 saved tracks:\n%s", fifty.describe())
                .isEqualTo(one.count());
        // the page, the tracks' catalog views (cold cache), the reader's state
        assertThat(one.count()).as("statements:\n%s", one.describe()).isEqualTo(3);
        var second = countedGet("/api/v1/me/tracks?limit=10&cursor="
                + one.result().json().path("next").asString());
        assertThat(second.count()).isEqualTo(one.count());
    }

    @Test
    void tagTrackPagesRunTheSameStatementsWhateverTheirSize() {
        long tag = api.post("/api/v1/me/tags", Json.of("name", "counted"), token)
                .assertStatus(201)
                .json()
                .path("id")
                .asLong();
        List<Long> ids = trackIds(50);
        api.put("/api/v1/me/tags/" + tag + "/tracks?ids=" + csv(ids), null, token)
                .assertStatus(204);
        rateAndLove(ids);

        var one = countedGet("/api/v1/me/tags/" + tag + "/tracks?limit=1");
        var fifty = countedGet("/api/v1/me/tags/" + tag + "/tracks?limit=50");
        assertThat(fifty.result().json().path("items")).hasSize(50);
        assertThat(fifty.count())
                .as("statements for 50 tagged tracks:\n%s", fifty.describe())
                .isEqualTo(one.count());
        // the tag's existence, the page, the catalog views, the reader's state
        assertThat(one.count()).as("statements:\n%s", one.describe()).isEqualTo(4);
    }

    @Test
    void albumArtistAndTagListsRunTheSameStatementsWhateverTheirSize() {
        api.put("/api/v1/me/albums?ids=" + csv(albumIds(50)), null, token).assertStatus(204);
        api.put("/api/v1/me/following/artists?ids=" + csv(artistIds(50)), null, token)
                .assertStatus(204);
        for (int i = 0; i < 30; i++) {
            api.post("/api/v1/me/tags", Json.of("name", "tag " + i), token).assertStatus(201);
        }
        for (String path : List.of("/api/v1/me/albums", "/api/v1/me/following/artists", "/api/v1/me/tags")) {
            var one = countedGet(path + "?limit=1");
            var many = countedGet(path + "?limit=50");
            assertThat(many.result().json().path("items").size()).isGreaterThanOrEqualTo(30);
            assertThat(many.count())
                    .as("statements for %s:\n%s", path, many.describe())
                    .isEqualTo(one.count());
            assertThat(one.count())
                    .as("statements for %s:\n%s", path, one.describe())
                    .isLessThanOrEqualTo(2);
        }
    }

    @Test
    void aGenrePageAsksForTheReadersStateOnce() {
        List<Long> rock = jdbc.sql("""
                        select t.id from tracks t join track_genres tg on tg.track_id = t.id join genres g on g.id = tg.genre_id
                        where g.name = 'rock' order by t.popularity desc nulls last, t.id limit 5""").query(Long.class).list();
        api.put("/api/v1/me/tracks?ids=" + csv(rock), null, token).assertStatus(204);
        var page = countedGet("/api/v1/genres/rock/tracks?limit=100");
        assertThat(page.statements().stream()
                        .filter(sql -> sql.contains("saved_tracks"))
                        .count())
                .isEqualTo(1);
        assertThat(page.result()
                        .json()
                        .path("items")
                        .get(0)
                        .path("me")
                        .path("saved")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void tracksInAnyonesLibraryAreInUse() {
        List<Long> ids = trackIds(6);
        api.put("/api/v1/me/tracks?ids=" + ids.get(0), null, token).assertStatus(204);
        api.put("/api/v1/me/ratings/tracks/" + ids.get(1), Json.of("rating", 0), token)
                .assertStatus(200);
        api.put("/api/v1/me/loved/tracks/" + ids.get(2), null, token).assertStatus(204);
        long tag = api.post("/api/v1/me/tags", Json.of("name", "in use"), token)
                .assertStatus(201)
                .json()
                .path("id")
                .asLong();
        api.put("/api/v1/me/tags/" + tag + "/tracks?ids=" + ids.get(3), null, token)
                .assertStatus(204);
        // ids.get(4) was saved and removed again
        api.put("/api/v1/me/tracks?ids=" + ids.get(4), null, token).assertStatus(204);
        api.delete("/api/v1/me/tracks?ids=" + ids.get(4), token).assertStatus(204);

        Set<Long> used = trackState.inUse(ids);
        assertThat(used).contains(ids.get(0), ids.get(1), ids.get(2), ids.get(3));
        // the other two are in use only if another test's user happens to hold them
        Set<Long> elsewhere = Set.copyOf(jdbc.sql("""
                        select track_id from saved_tracks where track_id in (:a, :b)
                        union select track_id from track_ratings where track_id in (:a, :b)
                        union select track_id from loved_tracks where track_id in (:a, :b)
                        union select track_id from tagged_tracks where track_id in (:a, :b)""")
                .param("a", ids.get(4))
                .param("b", ids.get(5))
                .query(Long.class)
                .list());
        // (noneMatch, not doesNotContainAnyElementsOf: both may be held elsewhere, and AssertJ refuses an empty list)
        List<Long> unused = List.of(ids.get(4), ids.get(5)).stream()
                .filter(id -> !elsewhere.contains(id))
                .toList();
        assertThat(used).noneMatch(unused::contains);
        assertThat(trackState.inUse(List.of())).isEmpty();
        assertThat(trackState.of(account.id(), List.of())).isEmpty();
    }

    private void rateAndLove(List<Long> ids) {
        for (long id : ids.subList(0, 5)) {
            api.put("/api/v1/me/ratings/tracks/" + id, Json.of("rating", 3), token)
                    .assertStatus(200);
            api.put("/api/v1/me/loved/tracks/" + id, null, token).assertStatus(204);
        }
    }

    /** GET with cold catalog caches, counting the statements of the request. */
    private StatementCounter.Counted<Api.Response> countedGet(String path) {
        StatementCounter counter = StatementCounter.on(dataSource);
        api.get(path, token).assertStatus(200); // warms the session cache
        catalog.invalidate(null);
        var counted = counter.count(api, client -> client.get(path, token));
        counted.result().assertStatus(200);
        return counted;
    }
}
