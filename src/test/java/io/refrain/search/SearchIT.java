package io.refrain.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.refrain.catalog.CatalogService;
import io.refrain.support.Api;
import io.refrain.support.IntegrationTest;
import io.refrain.support.StatementCounter;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Search on the demo catalog: relevance of the first results, cursor paging, validation,
 * autocomplete and per-user recent searches.
 */
class SearchIT extends IntegrationTest {

    @Autowired
    CatalogService catalog;

    @Autowired
    ProxyDataSource dataSource;

    String token;

    @BeforeEach
    void signIn() {
        token = newAccount().accessToken();
    }

    // ---------------------------------------------------------------- relevance

    /**
     * What a listener typing {@code query} expects to see first. {@code track}: the first track
     * (its title, or null for "any title") by {@code artist}; {@code artist}: the first artist.
     */
    record Expectation(String query, String kind, String title, String artist) {
        static Expectation artist(String query, String artist) {
            return new Expectation(query, "artist", null, artist);
        }

        static Expectation track(String query, String title, String artist) {
            return new Expectation(query, "track", title, artist);
        }

        @Override
        public String toString() {
            return "\"" + query + "\" → " + kind + " " + (title == null ? "" : "\"" + title + "\" by ") + artist;
        }
    }

    static Stream<Expectation> relevance() {
        return Stream.of(
                Expectation.track("beyonce", null, "Beyoncé"),
                Expectation.artist("beyonce", "Beyoncé"),
                Expectation.artist("Beyoncé", "Beyoncé"),
                Expectation.artist("BEYONCE", "Beyoncé"),
                Expectation.artist("metalica", "Metallica"),
                Expectation.track("metalica", null, "Metallica"),
                Expectation.track("tnt", "T.N.T.", "AC/DC"),
                Expectation.artist("acdc", "AC/DC"),
                Expectation.artist("ac/dc", "AC/DC"),
                Expectation.track("御伽", "御伽の街", "DAOKO"),
                Expectation.track("내가 제일", "I Am the Best (내가 제일 잘 나가)", "2NE1"),
                Expectation.artist("бардак", "Бардак"),
                Expectation.artist("guns roses", "Guns N' Roses"),
                Expectation.artist("queen", "Queen"),
                Expectation.track("queen", null, "Queen"),
                Expectation.artist("daft punk", "Daft Punk"),
                Expectation.track("daft punk", null, "Daft Punk"),
                // more, checked against the demo catalog
                Expectation.artist("eminen", "Eminem"),
                Expectation.artist("sheeran", "Ed Sheeran"),
                Expectation.artist("オメガトライブ", "オメガトライブ"),
                Expectation.track("bohemian rapsody", "Bohemian Rhapsody - 2011 Mix", "Queen"),
                Expectation.track("enter sandman", "Enter Sandman", "Metallica"),
                Expectation.track("highway to hell", "Highway to Hell", "AC/DC"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("relevance")
    void theBestMatchComesFirst(Expectation expected) {
        JsonNode results = search("q=" + encode(expected.query()) + "&limit=5");
        if (expected.kind().equals("artist")) {
            JsonNode artists = results.path("artists").path("items");
            assertThat(artists.size()).as("artists for %s", expected).isPositive();
            assertThat(artists.get(0).path("name").asString())
                    .as("first artist for %s; all: %s", expected, artists)
                    .isEqualTo(expected.artist());
        } else {
            JsonNode tracks = results.path("tracks").path("items");
            assertThat(tracks.size()).as("tracks for %s", expected).isPositive();
            JsonNode first = tracks.get(0);
            String shown = summary(tracks);
            assertThat(first.path("artists").findValuesAsString("name"))
                    .as("first track for %s; all: %s", expected, shown)
                    .contains(expected.artist());
            if (expected.title() != null) {
                assertThat(first.path("title").asString())
                        .as("first track for %s; all: %s", expected, shown)
                        .isEqualTo(expected.title());
            }
        }
    }

    @Test
    void accentsAndCaseDoNotMatter() {
        JsonNode plain = search("q=beyonce");
        for (String variant : List.of("Beyonc%C3%A9", "BEYONCE", "beyonc%C3%A9", "%20beyonce%20")) {
            JsonNode other = search("q=" + variant);
            for (String type : List.of("tracks", "artists", "albums")) {
                assertThat(ids(other.path(type).path("items")))
                        .as("%s for %s", type, variant)
                        .isEqualTo(ids(plain.path(type).path("items")));
            }
        }
    }

    @Test
    void typesAreSearchedOnlyWhenAskedFor() {
        JsonNode onlyArtists = search("q=queen&type=artist");
        assertThat(onlyArtists.path("artists").path("items").size()).isPositive();
        assertThat(onlyArtists.path("tracks").isNull()).isTrue();
        assertThat(onlyArtists.path("albums").isNull()).isTrue();
        JsonNode two = search("q=queen&type=track,album");
        assertThat(two.path("tracks").path("items").size()).isPositive();
        assertThat(two.path("albums").path("items").size()).isPositive();
        assertThat(two.path("artists").isNull()).isTrue();
    }

    // ---------------------------------------------------------------- paging

    @Test
    void walkingTrackPagesGivesEachTrackOnceBestFirst() {
        List<Page> pages = walk("love", "track", 7);
        List<Long> ids = pages.stream().flatMap(p -> p.ids().stream()).toList();

        assertThat(ids).hasSizeGreaterThan(30).doesNotHaveDuplicates();
        // the cursors carry the (score, id) of each page's last item: scores never go up, ties in id order
        List<Page> withNext = pages.stream().filter(p -> p.next() != null).toList();
        assertThat(withNext).hasSizeGreaterThan(3);
        for (int i = 1; i < withNext.size(); i++) {
            Cursor before = withNext.get(i - 1).cursor();
            Cursor now = withNext.get(i).cursor();
            assertThat(now.score()).as("score after page %d", i).isLessThanOrEqualTo(before.score());
            if (now.score().compareTo(before.score()) == 0) {
                assertThat(now.id()).isGreaterThan(before.id());
            }
            assertThat(now.type()).isEqualTo("TRACK");
        }
        // another page size walks the same list in the same order
        assertThat(walk("love", "track", 50).stream()
                        .flatMap(p -> p.ids().stream())
                        .toList())
                .isEqualTo(ids);
        // and so does every type on its own
        List<Long> artists = walk("love", "artist", 3).stream()
                .flatMap(p -> p.ids().stream())
                .toList();
        assertThat(artists)
                .doesNotHaveDuplicates()
                .isEqualTo(walk("love", "artist", 50).stream()
                        .flatMap(p -> p.ids().stream())
                        .toList());
    }

    @Test
    void cursorsAreCheckedAndBelongToOneType() {
        String next =
                search("q=love&type=track&limit=5").path("tracks").path("next").asString();
        assertThat(next).matches("[A-Za-z0-9_-]+");
        api.get("/api/v1/search?q=love&type=track&limit=5&cursor=" + next, token)
                .assertStatus(200);

        assertField(api.get("/api/v1/search?q=love&type=track,artist&cursor=" + next, token), "type");
        assertField(api.get("/api/v1/search?q=love&cursor=" + next, token), "type");
        assertField(api.get("/api/v1/search?q=love&type=artist&cursor=" + next, token), "cursor");
        for (String garbage : List.of(
                "garbage",
                "AAAA",
                "%25%25",
                next.substring(0, next.length() - 3),
                cursor("[\"TRACK\",\"0.5\"]"),
                cursor("[\"TRACK\",\"NaN\",1]"),
                cursor("[\"TRACK\",\"abc\",1]"),
                cursor("[null,null,null]"),
                cursor("{}"))) {
            assertField(api.get("/api/v1/search?q=love&type=track&cursor=" + garbage, token), "cursor");
        }
    }

    @Test
    void aCursorWithANonNumericIdIsABadRequest() {
        for (String tampered : List.of(
                cursor("[\"TRACK\",\"0.5\",\"x\"]"),
                cursor("[\"TRACK\",\"0.5\",1e30]"),
                cursor("[\"TRACK\",\"0.5\",{\"a\":1}]"))) {
            assertField(api.get("/api/v1/search?q=love&type=track&cursor=" + tampered, token), "cursor");
        }
    }

    // ---------------------------------------------------------------- validation

    @Test
    void queriesAndLimitsAreValidated() {
        for (String query : List.of(
                "", "q=", "q=%20%20%20", "q=" + "a".repeat(201), "q=%21%21%21", "q=%2E%2C%3F%2D", "q=a%00b", "q=%00")) {
            assertField(api.get("/api/v1/search?" + query, token), "q");
        }
        assertField(api.get("/api/v1/search?q=love&limit=0", token), "limit");
        assertField(api.get("/api/v1/search?q=love&limit=51", token), "limit");
        assertField(api.get("/api/v1/search?q=love&limit=-1", token), "limit");
        assertField(api.get("/api/v1/search?q=love&type=song", token), "type");
        api.get("/api/v1/search?q=love&limit=abc", token).assertProblem(400, "malformed-request");

        api.get("/api/v1/search?q=" + "a".repeat(200), token).assertStatus(200);
        api.get("/api/v1/search?q=love&limit=1", token).assertStatus(200);
        api.get("/api/v1/search?q=love&limit=50", token).assertStatus(200);
        api.get("/api/v1/search?q=love").assertProblem(401, "unauthenticated");
    }

    @Test
    void aQueryThatNormalisesToNothingIsNoServerError() {
        for (String query : List.of("%CB%86", "%CA%BC")) {
            var response = api.get("/api/v1/search?q=" + query, token);
            assertThat(response.status()).as(response.body()).isIn(200, 400);
            if (response.status() == 400) {
                assertField(response, "q");
            }
        }
    }

    @Test
    void aLongQueryThatGrowsWhenNormalisedIsAccepted() {
        api.get("/api/v1/search?q=" + encode("ß".repeat(200)), token).assertStatus(200);
        api.get("/api/v1/search?q=" + encode("Æ".repeat(200)), token).assertStatus(200);
    }

    @Test
    void searchPagesRunAFixedNumberOfStatements() {
        var counter = StatementCounter.on(dataSource);
        api.get("/api/v1/genres", token).assertStatus(200); // warms the token's session check
        catalog.invalidate(null);
        var small = counter.count(api, client -> client.get("/api/v1/search?q=love&limit=1", token)
                .assertStatus(200));
        catalog.invalidate(null);
        var big = counter.count(api, client -> client.get("/api/v1/search?q=love&limit=50", token)
                .assertStatus(200));
        assertThat(big.result().json().path("tracks").path("items").size()).isEqualTo(50);
        assertThat(big.count()).as("statements:\n%s", big.describe()).isEqualTo(small.count());
    }

    // ---------------------------------------------------------------- suggestions

    @Test
    void suggestionsCompleteWhatIsTyped() {
        JsonNode items = suggest("q=bey");
        assertThat(items.size()).isBetween(1, 10);
        assertThat(StreamSupport.stream(items.spliterator(), false)
                        .anyMatch(i -> i.path("type").asString().equals("artist")
                                && i.path("text").asString().equals("Beyoncé")))
                .as("Beyoncé in %s", items)
                .isTrue();
        assertThat(items.get(0).path("text").asString()).isEqualTo("Beyoncé");
        assertEveryItemHasAWordStartingWith(items, "bey");
        assertThat(suggest("q=BEY")).isEqualTo(items);
        assertThat(suggest("q=Beyonc%C3%A9")).isEqualTo(suggest("q=beyonce"));
    }

    @Test
    void oneCharacterIsEnoughAndTheLimitHolds() {
        JsonNode three = suggest("q=b&limit=3");
        assertThat(three.size()).isBetween(1, 3);
        assertEveryItemHasAWordStartingWith(three, "b");
        JsonNode byDefault = suggest("q=b");
        assertThat(byDefault.size()).isBetween(4, 10);
        assertEveryItemHasAWordStartingWith(byDefault, "b");
        assertThat(suggest("q=b&limit=20").size()).isBetween(11, 20);
        assertThat(suggest("q=%E5%BE%A1").size()).isPositive(); // 御

        assertField(api.get("/api/v1/search/suggest?q=b&limit=21", token), "limit");
        assertField(api.get("/api/v1/search/suggest?q=b&limit=0", token), "limit");
        assertField(api.get("/api/v1/search/suggest?q=", token), "q");
        assertField(api.get("/api/v1/search/suggest?q=%2F", token), "q");
        assertField(api.get("/api/v1/search/suggest?q=" + "b".repeat(201), token), "q");
        api.get("/api/v1/search/suggest?q=b").assertProblem(401, "unauthenticated");
    }

    // ---------------------------------------------------------------- recent searches

    @Test
    void recentSearchesAreNewestFirstWithoutRepeats() {
        assertThat(recent(token)).isEmpty();
        search("q=queen");
        search("q=metalica");
        search("q=beyonce");
        search("q=Beyonc%C3%A9"); // the same search again, in another spelling: moves up, keeps its latest form

        assertThat(recent(token)).containsExactly("Beyoncé", "metalica", "queen");
        search("q=queen");
        assertThat(recent(token)).containsExactly("queen", "Beyoncé", "metalica");

        JsonNode items = api.get("/api/v1/me/recent-searches", token)
                .assertStatus(200)
                .json()
                .path("items");
        List<String> times = StreamSupport.stream(items.spliterator(), false)
                .map(i -> i.path("searchedAt").asString())
                .toList();
        assertThat(times).doesNotContainNull().hasSize(3);
        assertThat(times.stream().map(java.time.Instant::parse).toList())
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void onlyTheLastTwentyAreKept() {
        for (int i = 1; i <= 22; i++) {
            search("q=" + encode(String.format(Locale.ROOT, "query %02d", i)) + "&type=artist&limit=1");
        }
        List<String> kept = recent(token);
        assertThat(kept).hasSize(20);
        assertThat(kept.getFirst()).isEqualTo("query 22");
        assertThat(kept.getLast()).isEqualTo("query 03");
        assertThat(kept).doesNotContain("query 01", "query 02");
    }

    @Test
    void recentSearchesCanBeForgottenOneByOneOrAll() {
        search("q=queen");
        search("q=beyonce");
        search("q=daft%20punk");

        api.delete("/api/v1/me/recent-searches?q=BEYONC%C3%89", token).assertStatus(204); // matched like a search
        assertThat(recent(token)).containsExactly("daft punk", "queen");
        api.delete("/api/v1/me/recent-searches?q=never%20searched", token).assertStatus(204);
        assertThat(recent(token)).containsExactly("daft punk", "queen");

        api.delete("/api/v1/me/recent-searches", token).assertStatus(204);
        assertThat(recent(token)).isEmpty();
        api.delete("/api/v1/me/recent-searches", token).assertStatus(204);
        api.get("/api/v1/me/recent-searches").assertProblem(401, "unauthenticated");
        api.delete("/api/v1/me/recent-searches", null).assertProblem(401, "unauthenticated");
    }

    @Test
    void recentSearchesArePrivate() {
        String other = newAccount().accessToken();
        search("q=queen");
        api.get("/api/v1/search?q=metalica", other).assertStatus(200);

        assertThat(recent(token)).containsExactly("queen");
        assertThat(recent(other)).containsExactly("metalica");

        api.delete("/api/v1/me/recent-searches?q=queen", other).assertStatus(204);
        api.delete("/api/v1/me/recent-searches", other).assertStatus(204);
        assertThat(recent(token)).containsExactly("queen");
        assertThat(recent(other)).isEmpty();
    }

    @Test
    void followingCursorsAddsNoRecentSearch() {
        String next =
                search("q=love&type=track&limit=5").path("tracks").path("next").asString();
        assertThat(recent(token)).containsExactly("love");
        api.delete("/api/v1/me/recent-searches", token).assertStatus(204);

        for (int page = 0; page < 3 && next != null; page++) {
            next = search("q=love&type=track&limit=5&cursor=" + next)
                    .path("tracks")
                    .path("next")
                    .asString(null);
        }
        assertThat(recent(token)).isEmpty();
    }

    // ---------------------------------------------------------------- helpers

    private JsonNode search(String query) {
        return api.get("/api/v1/search?" + query, token).assertStatus(200).json();
    }

    private JsonNode suggest(String query) {
        return api.get("/api/v1/search/suggest?" + query, token)
                .assertStatus(200)
                .json()
                .path("items");
    }

    private List<String> recent(String accessToken) {
        JsonNode items = api.get("/api/v1/me/recent-searches", accessToken)
                .assertStatus(200)
                .json()
                .path("items");
        return StreamSupport.stream(items.spliterator(), false)
                .map(i -> i.path("query").asString())
                .toList();
    }

    record Cursor(String type, BigDecimal score, long id) {}

    record Page(List<Long> ids, String next) {
        /** Decodes the opaque cursor, which the test knows is a base64url JSON array [type, score, id]. */
        Cursor cursor() {
            JsonNode values = io.refrain.support.Json.MAPPER.readTree(
                    Base64.getUrlDecoder().decode(next));
            return new Cursor(
                    values.get(0).asString(),
                    new BigDecimal(values.get(1).asString()),
                    values.get(2).asLong());
        }
    }

    private List<Page> walk(String q, String type, int limit) {
        List<Page> pages = new ArrayList<>();
        String cursor = null;
        for (int i = 0; i < 500; i++) {
            JsonNode page = search("q=" + encode(q) + "&type=" + type + "&limit=" + limit
                            + (cursor == null ? "" : "&cursor=" + cursor))
                    .path(type + "s");
            assertThat(page.path("items").size()).isLessThanOrEqualTo(limit);
            cursor = page.path("next").asString(null);
            pages.add(new Page(ids(page.path("items")), cursor));
            if (cursor == null) {
                return pages;
            }
            assertThat(page.path("items").size())
                    .as("a page before the last is full")
                    .isEqualTo(limit);
        }
        throw new AssertionError("the search pages never end");
    }

    private static void assertField(Api.Response response, String field) {
        response.assertProblem(400, "validation");
        assertThat(response.json().path("errors").findValuesAsString("field"))
                .as(response.body())
                .containsExactly(field);
    }

    private static void assertEveryItemHasAWordStartingWith(JsonNode items, String prefix) {
        for (JsonNode item : items) {
            String text = fold(
                    item.path("text").asString() + " " + item.path("detail").asString(""));
            assertThat(text).as("suggestion %s", item).containsPattern("(^|[^\\p{L}\\p{N}])" + prefix);
        }
    }

    /** Lower case without accents, like the search's normalisation. */
    private static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
    }

    private static List<Long> ids(JsonNode items) {
        return StreamSupport.stream(items.spliterator(), false)
                .map(n -> n.path("id").asLong())
                .toList();
    }

    private static String summary(JsonNode tracks) {
        return StreamSupport.stream(tracks.spliterator(), false)
                .map(t -> t.path("title").asString() + " / "
                        + String.join(", ", t.path("artists").findValuesAsString("name")))
                .toList()
                .toString();
    }

    private static String cursor(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
