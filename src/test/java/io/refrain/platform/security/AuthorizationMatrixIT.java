package io.refrain.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.refrain.support.Api;
import io.refrain.support.IntegrationTest;
import io.refrain.support.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The authorization matrix: every operation of the OpenAPI document has a row in
 * {@code src/test/resources/authorization-matrix.txt} with the outcome expected for each role,
 * and each role's request is actually sent against real resources. An operation of the document
 * without a row fails, and so does a row of an operation the document no longer has. See
 * docs/reliability/authorization.md for the format.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIT extends IntegrationTest {

    static final String MATRIX = "/authorization-matrix.txt";
    /** The roles, in the order of the matrix columns. Requests are sent in this order too, owner last (it may delete). */
    static final List<String> ROLES = List.of("anonymous", "owner", "other", "viewer", "editor", "admin");

    private static final List<String> SEND_ORDER = List.of("anonymous", "other", "viewer", "editor", "admin", "owner");
    /** Fields a client might send to claim ownership or rights; each must change nothing. */
    static final List<String> MASS_ASSIGNMENT =
            List.of("userId", "ownerId", "role", "id", "createdAt", "updatedAt", "admin", "version");

    private static final Set<String> IGNORED_PATHS = Set.of("/error"); // the error controller, not an API operation
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-zA-Z0-9.]+)}");

    /** One row: an operation, the outcome per role ("-" where the role does not apply), the request. */
    record Row(
            int line,
            String method,
            String path,
            Map<String, String> expected,
            String mass,
            String target,
            String body) {

        String operation() {
            return method + " " + path;
        }
    }

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = AuthorizationMatrixIT.class.getResourceAsStream(MATRIX)) {
            assertThat(in).as(MATRIX).isNotNull();
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\\s+", 11);
                assertThat(cells.length)
                        .as("line %d of %s: %s", i + 1, MATRIX, line)
                        .isGreaterThanOrEqualTo(10);
                Map<String, String> expected = new LinkedHashMap<>();
                for (int r = 0; r < ROLES.size(); r++) {
                    assertThat(cells[2 + r])
                            .as("line %d, %s", i + 1, ROLES.get(r))
                            .matches("2xx|4\\d\\d|-");
                    expected.put(ROLES.get(r), cells[2 + r]);
                }
                assertThat(cells[8])
                        .as("line %d, mass-assignment column", i + 1)
                        .matches("4\\d\\d|ignored|-");
                String body = cells.length > 10 ? cells[10] : "-";
                rows.add(new Row(
                        i + 1,
                        cells[0].toUpperCase(Locale.ROOT),
                        cells[1],
                        expected,
                        cells[8],
                        cells[9],
                        "-".equals(body) ? null : body));
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return rows;
    }

    /** Every operation (method and path template) of the OpenAPI document of the running application. */
    private Set<String> documentedOperations() {
        JsonNode paths = api.get("/v3/api-docs").assertStatus(200).json().path("paths");
        Set<String> out = new TreeSet<>();
        for (String path : paths.propertyNames()) {
            if (IGNORED_PATHS.contains(path)) {
                continue;
            }
            for (String method : paths.path(path).propertyNames()) {
                if (Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace")
                        .contains(method)) {
                    out.add(method.toUpperCase(Locale.ROOT) + " " + path);
                }
            }
        }
        return out;
    }

    /** Operations that take a request body, by the document. */
    private Set<String> operationsWithBodies() {
        JsonNode paths = api.get("/v3/api-docs").assertStatus(200).json().path("paths");
        Set<String> out = new TreeSet<>();
        for (String path : paths.propertyNames()) {
            for (String method : paths.path(path).propertyNames()) {
                if (!IGNORED_PATHS.contains(path)
                        && paths.path(path).path(method).has("requestBody")) {
                    out.add(method.toUpperCase(Locale.ROOT) + " " + path);
                }
            }
        }
        return out;
    }

    /** The top-level properties the document declares for each operation's JSON request body. */
    private Map<String, Set<String>> declaredBodyFields() {
        JsonNode doc = api.get("/v3/api-docs").assertStatus(200).json();
        Map<String, Set<String>> out = new LinkedHashMap<>();
        JsonNode paths = doc.path("paths");
        for (String path : paths.propertyNames()) {
            for (String method : paths.path(path).propertyNames()) {
                Set<String> fields = new TreeSet<>();
                for (JsonNode media :
                        paths.path(path).path(method).path("requestBody").path("content")) {
                    collectProperties(doc, media.path("schema"), fields);
                }
                out.put(method.toUpperCase(Locale.ROOT) + " " + path, fields);
            }
        }
        return out;
    }

    private static void collectProperties(JsonNode doc, JsonNode schema, Set<String> into) {
        if (schema.has("$ref")) {
            String name = schema.path("$ref").asString().replaceFirst("^#/components/schemas/", "");
            collectProperties(doc, doc.path("components").path("schemas").path(name), into);
            return;
        }
        schema.path("properties").propertyNames().forEach(into::add);
        for (String combinator : List.of("oneOf", "anyOf", "allOf")) {
            schema.path(combinator).forEach(s -> collectProperties(doc, s, into));
        }
    }

    @Test
    void everyDocumentedOperationHasARowAndEveryRowADocumentedOperation() {
        Set<String> documented = documentedOperations();
        Set<String> inMatrix = new TreeSet<>();
        rows().forEach(r -> inMatrix.add(r.operation()));
        Set<String> missing = new TreeSet<>(documented);
        missing.removeAll(inMatrix);
        Set<String> stale = new TreeSet<>(inMatrix);
        stale.removeAll(documented);
        SoftAssertions.assertSoftly(soft -> {
            soft.assertThat(missing)
                    .as("operations of the OpenAPI document without a row in " + MATRIX
                            + " (add one: see docs/reliability/authorization.md)")
                    .isEmpty();
            soft.assertThat(stale)
                    .as("rows of " + MATRIX + " for operations the OpenAPI document no longer has")
                    .isEmpty();
        });
        // a row's request goes to its operation: the same literal segments, something where the template has a variable
        for (Row row : rows()) {
            String[] target = row.target()
                    .replaceFirst("^fresh:", "")
                    .replaceFirst("\\?.*$", "")
                    .split("/");
            String[] template = row.path().split("/");
            assertThat(target.length)
                    .as("line %d: segments of %s", row.line(), row.target())
                    .isEqualTo(template.length);
            for (int i = 0; i < template.length; i++) {
                if (!template[i].startsWith("{")) {
                    assertThat(target[i])
                            .as("line %d: segment %d of %s", row.line(), i, row.target())
                            .isEqualTo(template[i]);
                }
            }
        }
    }

    @Test
    void everyBodyTakingOperationSaysWhatExtraFieldsDo() {
        Set<String> said = new TreeSet<>();
        rows().stream().filter(r -> !"-".equals(r.mass())).forEach(r -> said.add(r.operation()));
        Set<String> silent = new TreeSet<>(operationsWithBodies());
        silent.removeAll(said);
        assertThat(silent)
                .as("operations taking a body with no row saying (mass column) what extra fields claiming "
                        + "ownership do")
                .isEmpty();
    }

    // ------------------------------------------------------------------ the world the requests run against

    private Account owner;
    private Account other;
    private Account viewer;
    private Account editor;
    private Account admin;
    private final Map<UUID, String> apiTokens = new LinkedHashMap<>();
    private final Map<String, String> shared = new LinkedHashMap<>();
    private List<Long> tracks;

    @BeforeEach
    void world() {
        if (owner != null) {
            return; // one world for the whole class (the test instance lives as long as the class)
        }
        owner = newAccount();
        other = newAccount();
        viewer = newAccount();
        editor = newAccount();
        admin = catalogAdmin();
        for (Account a : List.of(owner, other, viewer, editor, admin)) {
            apiTokens.put(
                    a.id(),
                    api.post("/api/v1/me/tokens", Json.of("name", "matrix"), a.accessToken())
                            .assertStatus(201)
                            .text("token"));
        }
        tracks = jdbc.sql("select id from tracks where album_id is not null order by id limit 3")
                .query(Long.class)
                .list();
        shared.put("track", tracks.get(0).toString());
        shared.put("track2", tracks.get(1).toString());
        shared.put(
                "album",
                jdbc.sql("select album_id::text from tracks where id = ?")
                        .param(tracks.get(0))
                        .query(String.class)
                        .single());
        shared.put(
                "artist",
                jdbc.sql("select artist_id::text from track_artists where track_id = ? order by position limit 1")
                        .param(tracks.get(0))
                        .query(String.class)
                        .single());
        shared.put(
                "genre",
                jdbc.sql("select name from genres order by id limit 1")
                        .query(String.class)
                        .optional()
                        .orElse("rock"));
        var source = jdbc.sql("select provider, external_id from track_sources order by track_id limit 1")
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2)))
                .single();
        shared.put("sourceProvider", source.get(0));
        shared.put("sourceId", source.get(1));
        shared.put("owner", owner.id().toString());
        shared.put("viewerId", viewer.id().toString());
        shared.put("editorId", editor.id().toString());
        shared.put("stranger", newAccount().id().toString());
        shared.put("ownerApiToken", apiTokens.get(owner.id()));
        shared.put("playlist", playlist(false));
        shared.put("publicPlaylist", playlist(true));
        shared.put(
                "entry",
                jdbc.sql("select id::text from playlist_entries where playlist_id = ?::uuid order by position limit 1")
                        .param(shared.get("playlist"))
                        .query(String.class)
                        .single());
        shared.put("smart", smart());
        shared.put("tag", tag());
        shared.put("folder", folder());
        shared.put("token", tokenId());
        shared.put("import", listenImport());
        shared.put(
                "discovery",
                api.get("/api/v1/recommendations?session=true&seed_tracks=" + tracks.get(0), owner.accessToken())
                        .assertStatus(200)
                        .text("sessionId"));
        api.post(
                        "/api/v1/me/listens",
                        Json.of(
                                "listenedAt",
                                clock.instant().minusSeconds(600).toString(),
                                "track",
                                Map.of("id", tracks.get(0))),
                        owner.accessToken())
                .assertStatus(200);
    }

    private String playlist(boolean isPublic) {
        String id = api.post("/api/v1/playlists", Json.of("name", "Matrix", "public", isPublic), owner.accessToken())
                .assertStatus(201)
                .text("id");
        api.post("/api/v1/playlists/" + id + "/tracks", Json.of("trackIds", tracks), owner.accessToken())
                .assertStatus(201);
        api.put(
                        "/api/v1/playlists/" + id + "/collaborators/" + viewer.id(),
                        Json.of("role", "viewer"),
                        owner.accessToken())
                .assertStatus(200);
        api.put(
                        "/api/v1/playlists/" + id + "/collaborators/" + editor.id(),
                        Json.of("role", "editor"),
                        owner.accessToken())
                .assertStatus(200);
        return id;
    }

    private String smart() {
        return api.post(
                        "/api/v1/smart-playlists",
                        "{\"name\": \"Matrix\", \"rules\": {\"all\": [{\"is\": {\"loved\": true}}]}}",
                        owner.accessToken())
                .assertStatus(201)
                .text("id");
    }

    private String tag() {
        return api.post("/api/v1/me/tags", Json.of("name", "matrix " + UUID.randomUUID()), owner.accessToken())
                .assertStatus(201)
                .text("id");
    }

    private String folder() {
        return api.post("/api/v1/me/folders", Json.of("name", "Matrix"), owner.accessToken())
                .assertStatus(201)
                .text("id");
    }

    private String tokenId() {
        return api.post("/api/v1/me/tokens", Json.of("name", "to revoke"), owner.accessToken())
                .assertStatus(201)
                .text("id");
    }

    private String listenImport() {
        String file =
                "[{\"endTime\": \"2024-03-01 10:00\", \"artistName\": \"Matrix Artist\", \"trackName\": \"Matrix Song\", "
                        + "\"msPlayed\": 200000}]";
        return api.send(
                        "POST",
                        "/api/v1/me/listen-imports?fileName=StreamingHistory0.json",
                        file,
                        owner.accessToken(),
                        "application/json")
                .assertStatus(202)
                .text("id");
    }

    private String newTrack() {
        return api.post(
                        "/api/v1/tracks",
                        Json.of(
                                "title",
                                "Matrix track " + UUID.randomUUID(),
                                "artists",
                                List.of(Map.of("name", "Matrix Artist"))),
                        admin.accessToken())
                .assertStatus(201)
                .text("id");
    }

    /** What a placeholder stands for, for a request sent by {@code actor} (the owner's unless it names the actor). */
    private String resolve(String name, Account actor, Map<String, String> fresh) {
        if (shared.containsKey(name)) {
            return shared.get(name);
        }
        Supplier<String> make =
                switch (name) {
                    case "new.playlist" -> () -> playlist(false);
                    case "new.entry" ->
                        () -> jdbc.sql(
                                        "select id::text from playlist_entries where playlist_id = ?::uuid order by position limit 1")
                                .param(resolve("new.playlist", actor, fresh))
                                .query(String.class)
                                .single();
                    case "new.smart" -> this::smart;
                    case "new.tag" -> this::tag;
                    case "new.folder" -> this::folder;
                    case "new.token" -> this::tokenId;
                    case "new.track" -> this::newTrack;
                    case "new.email" -> IntegrationTest::newEmail;
                    case "me.id", "me.email", "me.password", "me.refreshToken" -> {
                        if (actor == null) {
                            throw new AssertionError("${" + name + "} without an account: use a fresh: row");
                        }
                        yield switch (name) {
                            case "me.id" -> () -> actor.id().toString();
                            case "me.email" -> actor::email;
                            case "me.password" -> actor::password;
                            default -> actor::refreshToken;
                        };
                    }
                    case "now" -> () -> clock.instant().minusSeconds(60).toString();
                    case "nowSeconds" ->
                        () -> Long.toString(clock.instant().minusSeconds(60).getEpochSecond());
                    default -> throw new AssertionError("unknown placeholder ${" + name + "}");
                };
        if (!fresh.containsKey(name)) { // one per request, the same wherever it appears
            fresh.put(name, make.get());
        }
        return fresh.get(name);
    }

    private String fill(String text, Account actor, Map<String, String> fresh) {
        if (text == null) {
            return null;
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(resolve(m.group(1), actor, fresh)));
        }
        return m.appendTail(out).toString();
    }

    /** A new account signed up from its own client address (sign-ups are rate-limited per address). */
    private Account accountFromNewAddress() {
        Api shared = api;
        api = api.from(Api.randomAddress());
        try {
            return newAccount();
        } finally {
            api = shared;
        }
    }

    /** The account whose credentials a role's request uses (a brand-new one for "fresh:" rows, also for anonymous). */
    private Account actor(String role, boolean freshAccount) {
        if (freshAccount) {
            return accountFromNewAddress();
        }
        return switch (role) {
            case "anonymous" -> null;
            case "owner" -> owner;
            case "other" -> other;
            case "viewer" -> viewer;
            case "editor" -> editor;
            case "admin" -> admin;
            default -> throw new AssertionError(role);
        };
    }

    /** Sends the row's request as {@code actor}, without credentials when {@code anonymous}; {@code body} edits the filled body. */
    private Api.Response send(Row row, Account actor, boolean anonymous, UnaryOperator<String> body) {
        Map<String, String> fresh = new LinkedHashMap<>();
        String target = fill(row.target().replaceFirst("^fresh:", ""), actor, fresh);
        String filled = row.body() == null ? null : body.apply(fill(row.body(), actor, fresh));
        Api client = api.from(Api.randomAddress());
        if (anonymous) {
            return client.send(row.method(), target, filled, null, "application/json");
        }
        if (row.path().startsWith("/1/")) {
            // the ListenBrainz API authenticates with "Authorization: Token <api token>"
            client = client.withHeader(
                    "Authorization",
                    "Token "
                            + apiTokens.computeIfAbsent(actor.id(), id -> api.post(
                                            "/api/v1/me/tokens", Json.of("name", "matrix"), actor.accessToken())
                                    .text("token")));
            return client.send(row.method(), target, filled, null, "application/json");
        }
        return client.send(row.method(), target, filled, actor.accessToken(), "application/json");
    }

    private static boolean matches(String expected, int status) {
        return "2xx".equals(expected)
                ? status >= 200 && status < 300
                : Integer.toString(status).equals(expected);
    }

    @Test
    void everyRoleGetsTheOutcomeOfItsRow() {
        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (Row row : rows()) {
            for (String role : SEND_ORDER) {
                String expected = row.expected().get(role);
                if ("-".equals(expected)) {
                    continue;
                }
                Account actor = actor(role, row.target().startsWith("fresh:"));
                var response = send(row, actor, "anonymous".equals(role), b -> b);
                requests++;
                if (!matches(expected, response.status())) {
                    failures.add("line %d: %s as %s: expected %s, got %d %s"
                            .formatted(
                                    row.line(),
                                    row.operation(),
                                    role,
                                    expected,
                                    response.status(),
                                    abbreviate(response.body())));
                }
            }
        }
        assertThat(failures).as("%d requests", requests).isEmpty();
    }

    /**
     * Mass assignment: the owner's own valid request plus a field claiming an id, an owner, a role
     * or a timestamp is refused as the row says (and a refused request changed nothing: all
     * writes are in one transaction that the refusal precedes), or the field is ignored.
     */
    @Test
    void fieldsClaimingOwnershipOrRightsChangeNothing() {
        List<String> failures = new ArrayList<>();
        Map<String, Set<String>> declared = declaredBodyFields();
        Map<String, Integer> before = holdings(other.id());
        for (Row row : rows()) {
            if ("-".equals(row.mass()) || row.body() == null || !row.body().startsWith("{")) {
                continue;
            }
            for (String field : MASS_ASSIGNMENT) {
                if (declared.getOrDefault(row.operation(), Set.of()).contains(field)) {
                    continue; // a field the operation takes (a collaborator's role, the version a change expects)
                }
                Account actor = actor("owner", row.target().startsWith("fresh:"));
                var response = send(row, actor, false, filled -> {
                    ObjectNode body = (ObjectNode) Json.MAPPER.readTree(filled);
                    body.put(
                            field,
                            switch (field) {
                                case "userId", "ownerId" -> other.id().toString();
                                case "role" -> "owner";
                                case "id" -> UUID.randomUUID().toString();
                                case "admin" -> "true";
                                case "version" -> "99";
                                default -> "2001-01-01T00:00:00Z";
                            });
                    return body.toString();
                });
                boolean ok = "ignored".equals(row.mass())
                        ? response.status() < 300 && response.status() >= 200
                        : Integer.toString(response.status()).equals(row.mass());
                if (!ok) {
                    failures.add("line %d: %s with \"%s\": expected %s, got %d %s"
                            .formatted(
                                    row.line(),
                                    row.operation(),
                                    field,
                                    row.mass(),
                                    response.status(),
                                    abbreviate(response.body())));
                } else if (response.status() == 400 && !response.body().contains(field)) {
                    failures.add("line %d: %s with \"%s\": the 400 does not name the field: %s"
                            .formatted(row.line(), row.operation(), field, abbreviate(response.body())));
                }
            }
        }
        assertThat(failures).isEmpty();
        // the user named by userId/ownerId got nothing: no listen, playlist, tag... was written for them
        assertThat(holdings(other.id())).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from user_roles where user_id = ? and role = 'admin'")
                        .param(owner.id())
                        .query(Integer.class)
                        .single())
                .as("the owner claimed admin and a role: no role granted")
                .isZero();
    }

    /** How many rows of each per-user table a user has. */
    private Map<String, Integer> holdings(UUID user) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String table : List.of(
                "listens",
                "playlists",
                "playlist_collaborators",
                "smart_playlists",
                "tags",
                "tagged_tracks",
                "playlist_folders",
                "api_tokens",
                "saved_tracks",
                "loved_tracks",
                "track_ratings",
                "user_roles",
                "listen_imports",
                "role_timers",
                "notification_webhooks")) {
            out.put(
                    table,
                    jdbc.sql("select count(*) from " + table + " where user_id = ?")
                            .param(user)
                            .query(Integer.class)
                            .single());
        }
        return out;
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
