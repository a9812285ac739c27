package io.refrain.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.refrain.support.Api;
import io.refrain.support.IntegrationTest;
import io.refrain.support.StatementCounter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.StreamSupport;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The catalog pages on the demo catalog: tracks, albums, artists, genres and genre paging,
 * their errors, and that album, artist and list pages run a fixed number of SQL statements.
 */
class CatalogPagesIT extends IntegrationTest {

    @Autowired
    CatalogService catalog;

    @Autowired
    ProxyDataSource dataSource;

    String token;

    @BeforeEach
    void signIn() {
        token = newAccount().accessToken();
    }

    // ---------------------------------------------------------------- tracks

    @Test
    void aTrackHasItsCreditsAlbumGenresSourceAndFeatures() {
        long id = trackId("T.N.T.", "AC/DC");
        JsonNode track =
                api.get("/api/v1/tracks/" + id, token).assertStatus(200).json();

        assertThat(track.path("id").asLong()).isEqualTo(id);
        assertThat(track.path("title").asString()).isEqualTo("T.N.T.");
        assertThat(track.path("artists").findValuesAsString("name")).containsExactly("AC/DC");
        assertThat(track.path("artists").get(0).path("role").asString()).isEqualTo("main");
        assertThat(track.path("album").path("title").asString()).isNotBlank();
        assertThat(track.path("album").path("id").asLong())
                .isEqualTo(jdbc.sql("select album_id from tracks where id = ?")
                        .param(id)
                        .query(Long.class)
                        .single());
        assertThat(texts(track.path("genres"))).isNotEmpty().isEqualTo(genresInDatabase(id));
        assertThat(track.path("sources").findValuesAsString("provider")).containsExactly("spotify");
        assertThat(track.path("sources").get(0).path("id").asString())
                .isEqualTo(jdbc.sql("select external_id from track_sources where track_id = ?")
                        .param(id)
                        .query(String.class)
                        .single());
        JsonNode features = track.path("features");
        assertThat(features.path("danceability").asDouble()).isBetween(0.0, 1.0);
        assertThat(features.path("tempo").asDouble()).isPositive();
        assertThat(features.path("featuresSource").asString()).isEqualTo("spotify-dataset");
        assertThat(features.path("analysisVersion").asInt()).isPositive();
        assertThat(track.path("durationMs").asInt())
                .isEqualTo(features.path("durationMs").asInt())
                .isPositive();
    }

    @Test
    void severalTracksComeInTheOrderAskedWithoutUnknownIdsOrRepeats() {
        List<Long> ids = jdbc.sql("select id from tracks order by id limit 5")
                .query(Long.class)
                .list();
        long unknown =
                jdbc.sql("select max(id) + 1000 from tracks").query(Long.class).single();
        String asked = List.of(ids.get(3), ids.get(0), unknown, ids.get(4), ids.get(0), ids.get(2)).stream()
                .map(String::valueOf)
                .collect(Collectors.joining(","));

        JsonNode items = api.get("/api/v1/tracks?ids=" + asked, token)
                .assertStatus(200)
                .json()
                .path("items");

        assertThat(longs(items, "id")).containsExactly(ids.get(3), ids.get(0), ids.get(4), ids.get(2));
        assertThat(items.get(0).path("title").asString()).isNotBlank();
    }

    @Test
    void tracksByIdsAreBounded() {
        String hundred =
                LongStream.rangeClosed(1, 100).mapToObj(String::valueOf).collect(Collectors.joining(","));
        api.get("/api/v1/tracks?ids=" + hundred, token).assertStatus(200);
        var tooMany = api.get("/api/v1/tracks?ids=" + hundred + ",101", token).assertProblem(400, "validation");
        assertThat(tooMany.json().path("errors").findValuesAsString("field")).containsExactly("ids");

        api.get("/api/v1/tracks?ids=1,two,3", token).assertProblem(400, "malformed-request");
        api.get("/api/v1/tracks?ids=99999999999999999999", token).assertProblem(400, "malformed-request");
        api.get("/api/v1/tracks/abc", token).assertProblem(400, "malformed-request");
    }

    @Test
    void unknownEntriesAre404() {
        long unknown =
                jdbc.sql("select max(id) + 1000 from tracks").query(Long.class).single();
        api.get("/api/v1/tracks/" + unknown, token).assertProblem(404, "not-found");
        api.get("/api/v1/tracks/-1", token).assertProblem(404, "not-found");
        api.get("/api/v1/albums/" + unknown, token).assertProblem(404, "not-found");
        api.get("/api/v1/artists/" + unknown, token).assertProblem(404, "not-found");
        var genre = api.get("/api/v1/genres/no-such-genre/tracks", token).assertProblem(404, "not-found");
        assertThat(genre.text("detail")).contains("no-such-genre");
    }

    @Test
    void theCatalogNeedsAnAccessToken() {
        long id = trackId("T.N.T.", "AC/DC");
        for (String path : List.of(
                "/api/v1/tracks/" + id,
                "/api/v1/tracks?ids=" + id,
                "/api/v1/albums/1",
                "/api/v1/artists/1",
                "/api/v1/genres",
                "/api/v1/genres/rock/tracks")) {
            api.get(path).assertProblem(401, "unauthenticated");
            api.get(path, "not-a-token").assertProblem(401, "unauthenticated");
        }
    }

    // ---------------------------------------------------------------- albums and artists

    @Test
    void anAlbumHasAllItsTracks() {
        long album = biggestAlbum();
        List<Long> expected = jdbc.sql("select id from tracks where album_id = ? order by id")
                .param(album)
                .query(Long.class)
                .list();
        assertThat(expected).hasSizeGreaterThan(5);

        JsonNode view =
                api.get("/api/v1/albums/" + album, token).assertStatus(200).json();

        assertThat(view.path("id").asLong()).isEqualTo(album);
        assertThat(view.path("title").asString())
                .isEqualTo(jdbc.sql("select title from albums where id = ?")
                        .param(album)
                        .query(String.class)
                        .single());
        assertThat(longs(view.path("tracks"), "id")).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(view.path("artists").findValuesAsString("name")).isNotEmpty();
        for (JsonNode track : view.path("tracks")) {
            assertThat(track.path("album").path("id").asLong()).isEqualTo(album);
        }
    }

    @Test
    void anArtistHasAlbumsAndTopTracksByPopularity() {
        long queen = artistId("Queen");
        JsonNode view =
                api.get("/api/v1/artists/" + queen, token).assertStatus(200).json();

        assertThat(view.path("name").asString()).isEqualTo("Queen");
        assertThat(texts(view.path("genres"))).contains("rock");
        List<Long> top = jdbc.sql("""
                        select t.id from track_artists ta join tracks t on t.id = ta.track_id where ta.artist_id = ?
                        order by t.popularity desc nulls last, t.id limit 10""").param(queen).query(Long.class).list();
        assertThat(longs(view.path("topTracks"), "id"))
                .containsExactlyElementsOf(top)
                .hasSize(10);
        List<Integer> popularity = StreamSupport.stream(view.path("topTracks").spliterator(), false)
                .map(t -> t.path("popularity").asInt())
                .toList();
        assertThat(popularity).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
        assertThat(view.path("popularity").asInt()).isEqualTo(popularity.getFirst());

        long albums = jdbc.sql("select count(*) from album_artists where artist_id = ?")
                .param(queen)
                .query(Long.class)
                .single();
        assertThat(view.path("albums").size()).isEqualTo((int) Math.min(albums, 50));
        // newest first; partial dates ("1975", "1975-11") stand for their first day
        List<String> dates = StreamSupport.stream(view.path("albums").spliterator(), false)
                .map(a -> a.path("releaseDate").asString(""))
                .filter(d -> !d.isEmpty())
                .map(d -> d.length() == 4 ? d + "-01-01" : d.length() == 7 ? d + "-01" : d)
                .toList();
        assertThat(dates).isNotEmpty().isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    // ---------------------------------------------------------------- genres

    @Test
    void genresListTheirParentAndTrackCount() {
        JsonNode genres = api.get("/api/v1/genres", token).assertStatus(200).json();
        long inDatabase =
                jdbc.sql("select count(*) from genres").query(Long.class).single();
        assertThat(genres.size()).isEqualTo((int) inDatabase).isGreaterThanOrEqualTo(30);

        for (JsonNode genre : genres) {
            String name = genre.path("name").asString();
            assertThat(genre.path("tracks").asLong()).as(name).isEqualTo(genreCount(name));
        }
        JsonNode dancePop = StreamSupport.stream(genres.spliterator(), false)
                .filter(g -> g.path("name").asString().equals("dance pop"))
                .findFirst()
                .orElseThrow();
        assertThat(dancePop.path("parent").asString()).isEqualTo("pop");
    }

    @Test
    void walkingAGenreGivesEveryTrackOnceMostPopularFirst() {
        List<JsonNode> walked = walkGenre("rock", 25);
        List<Long> ids = walked.stream().map(t -> t.path("id").asLong()).toList();

        assertThat(ids).doesNotHaveDuplicates();
        assertThat(new HashSet<>(ids))
                .isEqualTo(new HashSet<>(jdbc.sql("""
                        select tg.track_id from track_genres tg join genres g on g.id = tg.genre_id where g.name = 'rock'""").query(Long.class).list()));
        assertThat(ids).hasSize((int) genreCount("rock")).hasSizeGreaterThan(100);
        // most popular first; equal popularity in id order (the cursor's tie-breaker)
        for (int i = 1; i < walked.size(); i++) {
            int before = walked.get(i - 1).path("popularity").asInt();
            int now = walked.get(i).path("popularity").asInt();
            assertThat(now).as("popularity at %d", i).isLessThanOrEqualTo(before);
            if (now == before) {
                assertThat(ids.get(i)).as("tie-break at %d", i).isGreaterThan(ids.get(i - 1));
            }
            assertThat(texts(walked.get(i).path("genres"))).contains("rock");
        }
        // the page size does not change the order, and upper case names the same genre
        assertThat(walkGenre("ROCK", 100).stream()
                        .map(t -> t.path("id").asLong())
                        .toList())
                .isEqualTo(ids);
    }

    @Test
    void genrePagesCheckLimitAndCursor() {
        api.get("/api/v1/genres/rock/tracks?limit=0", token).assertProblem(400, "validation");
        api.get("/api/v1/genres/rock/tracks?limit=101", token).assertProblem(400, "validation");
        api.get("/api/v1/genres/rock/tracks?limit=100", token).assertStatus(200);
        JsonNode first = api.get("/api/v1/genres/rock/tracks?limit=2", token)
                .assertStatus(200)
                .json();
        String next = first.path("next").asString();
        assertThat(next).matches("[A-Za-z0-9_-]+");

        List<String> bad = new ArrayList<>(List.of(
                "garbage",
                "%25%25%25",
                "AAAA",
                next.substring(0, next.length() - 2),
                cursor("[50.5,1]"),
                cursor("[\"50\",1]"),
                cursor("[50,\"1\"]"),
                cursor("[50]"),
                cursor("[50,1,2]"),
                cursor("[null,1]"),
                cursor("{\"a\":1}"),
                cursor("[2147483648,1]"),
                cursor("[50,1e30]")));
        for (String cursor : bad) {
            var problem = api.get("/api/v1/genres/rock/tracks?cursor=" + cursor, token)
                    .assertProblem(400, "validation");
            assertThat(problem.json().path("errors").findValuesAsString("field"))
                    .as(cursor)
                    .containsExactly("cursor");
        }
    }

    // ---------------------------------------------------------------- statement counts

    @Test
    void albumPagesRunAFixedNumberOfStatements() {
        long small = jdbc.sql("""
                select album_id from tracks where album_id is not null group by album_id having count(*) = 1
                order by album_id limit 1""").query(Long.class).single();
        long big = biggestAlbum();

        var one = countedGet("/api/v1/albums/" + small);
        var many = countedGet("/api/v1/albums/" + big);

        assertThat(one.result().json().path("tracks").size()).isEqualTo(1);
        assertThat(many.result().json().path("tracks").size()).isGreaterThan(5);
        assertThat(many.count())
                .as("statements for a big album:\n%s", many.describe())
                .isEqualTo(one.count());
        // the album document, then the reader's own state of its tracks (library module)
        assertThat(one.count())
                .as("statements for an album:\n%s", one.describe())
                .isEqualTo(2);
    }

    @Test
    void artistPagesRunAFixedNumberOfStatements() {
        long few = jdbc.sql("""
                select artist_id from track_artists group by artist_id having count(*) = 1 order by artist_id limit 1""").query(Long.class).single();
        long many = artistId("Queen");

        var small = countedGet("/api/v1/artists/" + few);
        var big = countedGet("/api/v1/artists/" + many);

        assertThat(small.result().json().path("topTracks").size()).isEqualTo(1);
        assertThat(big.result().json().path("topTracks").size()).isEqualTo(10);
        assertThat(big.result().json().path("albums").size()).isGreaterThan(5);
        assertThat(big.count())
                .as("statements for a big artist:\n%s", big.describe())
                .isEqualTo(small.count());
        // the artist document, then the reader's own state of its top tracks (library module)
        assertThat(small.count())
                .as("statements for an artist:\n%s", small.describe())
                .isEqualTo(2);
    }

    @Test
    void listPagesRunAFixedNumberOfStatementsWhateverTheirSize() {
        List<Long> ids = jdbc.sql("select id from tracks order by id limit 100")
                .query(Long.class)
                .list();
        var oneTrack = countedGet("/api/v1/tracks?ids=" + ids.getFirst());
        var hundredTracks = countedGet(
                "/api/v1/tracks?ids=" + ids.stream().map(String::valueOf).collect(Collectors.joining(",")));
        assertThat(hundredTracks.result().json().path("items").size()).isEqualTo(100);
        assertThat(hundredTracks.count())
                .as("statements:\n%s", hundredTracks.describe())
                .isEqualTo(oneTrack.count());

        var onePerPage = countedGet("/api/v1/genres/rock/tracks?limit=1");
        var hundredPerPage = countedGet("/api/v1/genres/rock/tracks?limit=100");
        assertThat(hundredPerPage.result().json().path("items").size()).isEqualTo(100);
        assertThat(hundredPerPage.count())
                .as("statements:\n%s", hundredPerPage.describe())
                .isEqualTo(onePerPage.count());
        String next = hundredPerPage.result().json().path("next").asString();
        var secondPage = countedGet("/api/v1/genres/rock/tracks?limit=100&cursor=" + next);
        assertThat(secondPage.count()).isEqualTo(onePerPage.count());
    }

    // ---------------------------------------------------------------- helpers

    /** GET with cold catalog caches and a warm session cache, counting the statements of the request. */
    private StatementCounter.Counted<Api.Response> countedGet(String path) {
        StatementCounter counter = StatementCounter.on(dataSource);
        api.get("/api/v1/genres", token).assertStatus(200); // the token's session check is cached from here on
        catalog.invalidate(null);
        var counted = counter.count(api, client -> client.get(path, token));
        counted.result().assertStatus(200);
        return counted;
    }

    private List<JsonNode> walkGenre(String genre, int limit) {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 1000; page++) {
            JsonNode json = api.get(
                            "/api/v1/genres/" + genre + "/tracks?limit=" + limit
                                    + (cursor == null ? "" : "&cursor=" + cursor),
                            token)
                    .assertStatus(200)
                    .json();
            assertThat(json.path("items").size()).isLessThanOrEqualTo(limit);
            json.path("items").forEach(all::add);
            cursor = json.path("next").asString(null);
            if (cursor == null) {
                return all;
            }
            assertThat(json.path("items").size())
                    .as("a page before the last is full")
                    .isEqualTo(limit);
        }
        throw new AssertionError("the genre pages never end");
    }

    private static String cursor(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private long trackId(String title, String artist) {
        return jdbc.sql("select id from tracks where title = ? and artist_names = ? order by popularity desc limit 1")
                .params(title, artist)
                .query(Long.class)
                .single();
    }

    private long artistId(String name) {
        return jdbc.sql("select id from artists where name = ?")
                .param(name)
                .query(Long.class)
                .single();
    }

    private long biggestAlbum() {
        return jdbc.sql("""
                select album_id from tracks where album_id is not null group by album_id
                order by count(*) desc, album_id limit 1""").query(Long.class).single();
    }

    private long genreCount(String name) {
        return jdbc.sql("select count(*) from track_genres tg join genres g on g.id = tg.genre_id where g.name = ?")
                .param(name)
                .query(Long.class)
                .single();
    }

    private Set<String> genresInDatabase(long trackId) {
        return new HashSet<>(jdbc.sql("""
                select g.name from track_genres tg join genres g on g.id = tg.genre_id where tg.track_id = ?""").param(trackId).query(String.class).list());
    }

    private static List<Long> longs(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(n -> n.path(field).asLong())
                .toList();
    }

    private static Set<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asString)
                .collect(Collectors.toSet());
    }
}
