package io.refrain.assistant;

import io.refrain.platform.web.Page;
import io.refrain.playlists.PlaylistMaker;
import io.refrain.recommend.PopularNow;
import io.refrain.recommend.Recommendation;
import io.refrain.recommend.Taste;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Recommendations with their reasons, popular now, and playlists built from a taste or an occasion. */
@Component
class RecommendationTools {

    /** How a named occasion tunes recommendations (the REST endpoint's min_/max_/target_ parameters). */
    static final Map<String, Map<String, String>> OCCASIONS = Map.of(
            "run",
                    Map.of(
                            "target_energy",
                            "0.85",
                            "min_energy",
                            "0.6",
                            "target_tempo",
                            "160",
                            "target_danceability",
                            "0.65"),
            "workout", Map.of("target_energy", "0.9", "min_energy", "0.65", "target_tempo", "135"),
            "focus", Map.of("target_instrumentalness", "0.7", "max_speechiness", "0.2", "target_energy", "0.4"),
            "party", Map.of("target_danceability", "0.85", "min_energy", "0.6", "target_valence", "0.75"),
            "relax", Map.of("target_energy", "0.25", "max_energy", "0.55", "target_acousticness", "0.6"),
            "sleep", Map.of("target_energy", "0.12", "max_energy", "0.35", "target_instrumentalness", "0.6"),
            "commute", Map.of("target_energy", "0.6"),
            "dinner", Map.of("target_energy", "0.35", "target_acousticness", "0.55", "target_valence", "0.6"));

    private final Taste taste;
    private final PopularNow popular;
    private final PlaylistMaker maker;

    RecommendationTools(Taste taste, PopularNow popular, PlaylistMaker maker) {
        this.taste = taste;
        this.popular = popular;
        this.maker = maker;
    }

    record Recommended(Briefs.Track track, double score, List<String> reasons) {}

    record RecommendAnswer(List<Recommendation.Seed> seeds, List<Recommended> tracks) {}

    record PopularAnswer(String kind, String window, List<PopularNow.Entry> entries) {}

    record BuildAnswer(UUID playlistId, String name, int trackCount, long durationMs, List<Recommended> tracks) {}

    List<AssistantTool> tools() {
        return List.of(
                new AssistantTool(
                        "recommend_tracks",
                        "Recommend tracks",
                        """
                        Recommended tracks, each with its reasons ("played together with X by people who play X", "close \
                        to your energy and tempo"). Seeds: 1 to 5 in all of `seedTracks`, `seedArtists` (catalog ids), \
                        `seedGenres` (genre names) and `profile` ("me" for the user's own listening profile, or a \
                        37-character profile code, e.g. from the taste conversation). `targets` tunes the sound: \
                        {"energy": {"min": 0.5, "target": 0.8}, "tempo": {"target": 120}} for acousticness, danceability, \
                        energy, instrumentalness, liveness, speechiness, valence (0–1), tempo (BPM), loudness (dB), \
                        duration_ms, key, mode, popularity (0–100), time_signature and the MUSIC dimensions mellow, \
                        unpretentious, sophisticated, intense, contemporary (0–35). `limit` 1–50 (default 20); \
                        `unplayedOnly` drops tracks the user already played.""",
                        AssistantTool.Kind.GENERATE,
                        false,
                        false,
                        """
                        {"type": "object", "additionalProperties": false, "properties": {
                          "seedTracks": {"type": "array", "maxItems": 5, "items": {"type": "integer", "minimum": 1}},
                          "seedArtists": {"type": "array", "maxItems": 5, "items": {"type": "integer", "minimum": 1}},
                          "seedGenres": {"type": "array", "maxItems": 5, "items": {"type": "string"}},
                          "profile": {"type": "string", "description": "me, or a profile code"},
                          "targets": {"type": "object", "additionalProperties": {"type": "object", "additionalProperties": false,
                            "properties": {"min": {"type": "number"}, "max": {"type": "number"}, "target": {"type": "number"}}}},
                          "limit": {"type": "integer", "minimum": 1, "maximum": 50},
                          "unplayedOnly": {"type": "boolean"}}}""",
                        """
                        {"type": "object", "required": ["seeds", "tracks"], "properties": {
                          "seeds": {"type": "array"},
                          "tracks": {"type": "array", "items": {"type": "object", "required": ["track", "reasons"], "properties": {
                            "track": %s, "score": {"type": "number"}, "reasons": {"type": "array", "items": {"type": "string"}}}}}}}""".formatted(Briefs.TRACK_SCHEMA),
                        this::recommend),
                new AssistantTool(
                        "get_popular_now",
                        "Popular now",
                        """
                        What everyone on this Refrain is playing: `kind` tracks, artists or albums, over `window` 7d \
                        (default) or 30d, optionally in one `genre`; ranked by plays. `limit` 1–50 (default 20).""",
                        AssistantTool.Kind.QUERY,
                        false,
                        false,
                        """
                        {"type": "object", "additionalProperties": false, "properties": {
                          "kind": {"type": "string", "enum": ["tracks", "artists", "albums"]},
                          "window": {"type": "string", "enum": ["7d", "30d"]},
                          "genre": {"type": "string", "maxLength": 100},
                          "limit": {"type": "integer", "minimum": 1, "maximum": 50}}}""",
                        """
                        {"type": "object", "required": ["kind", "entries"], "properties": {
                          "kind": {"type": "string"}, "window": {"type": "string"}, "entries": {"type": "array"}}}""",
                        this::popular),
                new AssistantTool(
                        "build_playlist",
                        "Build a playlist",
                        """
                        Makes a new private playlist of the user, filled to about `minutes` (5–300, default 45) with \
                        recommended tracks: from `profileCode` (a code from the taste conversation or a shared one; default \
                        the user's own profile, "me") tuned for an `occasion` (run, workout, focus, party, relax, sleep, \
                        commute, dinner) when given. `name` defaults from the occasion. Needs mcp:write. `requestId` (any \
                        string you choose, e.g. a UUID) makes a retried call answer the first call's playlist instead of \
                        making a second one.""",
                        AssistantTool.Kind.GENERATE,
                        true,
                        false,
                        """
                        {"type": "object", "additionalProperties": false, "required": ["requestId"], "properties": {
                          "requestId": {"type": "string", "minLength": 1, "maxLength": 100},
                          "name": {"type": "string", "minLength": 1, "maxLength": 100},
                          "profileCode": {"type": "string"},
                          "occasion": {"type": "string", "enum": ["run", "workout", "focus", "party", "relax", "sleep", "commute", "dinner"]},
                          "minutes": {"type": "integer", "minimum": 5, "maximum": 300}}}""",
                        """
                        {"type": "object", "required": ["playlistId", "name", "trackCount", "durationMs", "tracks"], "properties": {
                          "playlistId": {"type": "string"}, "name": {"type": "string"}, "trackCount": {"type": "integer"},
                          "durationMs": {"type": "integer"}, "tracks": {"type": "array"}}}""",
                        this::build));
    }

    private AssistantTool.Result recommend(McpCaller caller, Arguments args) {
        Map<String, String> query = new LinkedHashMap<>();
        putList(
                query,
                "seed_tracks",
                args.ids("seedTracks", 0, 5).stream().map(String::valueOf).toList());
        putList(
                query,
                "seed_artists",
                args.ids("seedArtists", 0, 5).stream().map(String::valueOf).toList());
        putList(query, "seed_genres", args.strings("seedGenres", 5, 100));
        String profile = args.optionalString("profile", 40);
        if (profile != null) {
            query.put("profile", profile);
        }
        for (var target : args.object("targets").entrySet()) {
            if (!(target.getValue() instanceof Map<?, ?> bounds)) {
                throw ToolFailure.argument("targets", "must map each attribute to {min, max, target}.");
            }
            for (var bound : bounds.entrySet()) {
                String key = String.valueOf(bound.getKey());
                if (!List.of("min", "max", "target").contains(key) || !(bound.getValue() instanceof Number n)) {
                    throw ToolFailure.argument(
                            "targets", "." + target.getKey() + " takes numbers under min, max and target only.");
                }
                query.put(key + "_" + target.getKey(), n.toString());
            }
        }
        query.put("limit", String.valueOf(args.integer("limit", 1, 50, 20)));
        if (args.bool("unplayedOnly", false)) {
            query.put("unplayed", "true");
        }
        if (!args.has("seedTracks") && !args.has("seedArtists") && !args.has("seedGenres") && profile == null) {
            throw ToolFailure.of(
                    "Give at least one seed: seedTracks, seedArtists, seedGenres or profile (\"me\" for the"
                            + " user's own taste).");
        }
        Recommendation r = taste.recommend(caller.userId(), query);
        List<Recommended> tracks = recommended(r);
        return AssistantTool.Result.of(new RecommendAnswer(r.seeds(), tracks), text(tracks));
    }

    private AssistantTool.Result popular(McpCaller caller, Arguments args) {
        String kind = args.optionalString("kind", 10);
        String window = args.optionalString("window", 5);
        Page<PopularNow.Entry> page = popular.page(
                caller.userId(),
                kind == null ? "tracks" : kind,
                window,
                args.optionalString("genre", 100),
                "plays",
                args.integer("limit", 1, 50, 20),
                null);
        StringBuilder text = new StringBuilder("Popular now:\n");
        for (PopularNow.Entry e : page.items()) {
            text.append(e.rank())
                    .append(". ")
                    .append(e.name())
                    .append(" (id ")
                    .append(e.id())
                    .append("): ")
                    .append(e.plays())
                    .append(" plays by ")
                    .append(e.listeners())
                    .append(" listeners\n");
        }
        return AssistantTool.Result.of(
                new PopularAnswer(kind == null ? "tracks" : kind, window == null ? "7d" : window, page.items()),
                text.toString());
    }

    private AssistantTool.Result build(McpCaller caller, Arguments args) {
        int minutes = args.integer("minutes", 5, 300, 45);
        String occasion = args.optionalString("occasion", 20);
        if (occasion != null && !OCCASIONS.containsKey(occasion)) {
            throw ToolFailure.argument("occasion", "must be one of " + String.join(", ", OCCASIONS.keySet()) + ".");
        }
        String code = args.optionalString("profileCode", 40);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("profile", code == null ? "me" : code);
        query.put("limit", "100");
        if (occasion != null) {
            query.putAll(OCCASIONS.get(occasion));
        }
        Recommendation r = taste.recommend(caller.userId(), query);
        long budget = minutes * 60_000L;
        long total = 0;
        List<Recommended> picked = new ArrayList<>();
        for (Recommended t : recommended(r)) {
            if (total >= budget) {
                break;
            }
            long ms = t.track().durationMs() == null ? 210_000 : t.track().durationMs();
            picked.add(t);
            total += ms;
        }
        if (picked.isEmpty()) {
            throw ToolFailure.of("No tracks matched that taste and occasion; try another profileCode or no occasion.");
        }
        String name = args.optionalString("name", 100);
        if (name == null || name.isBlank()) {
            name = occasion == null ? "Made for you" : "For your " + occasion;
        }
        UUID id = maker.make(
                caller.userId(),
                name,
                "Built by " + caller.clientName() + " from " + (code == null ? "your profile" : "profile " + code)
                        + (occasion == null ? "" : " for " + occasion) + ".",
                picked.stream().map(t -> t.track().id()).toList());
        BuildAnswer answer = new BuildAnswer(id, name, picked.size(), total, picked);
        return new AssistantTool.Result(
                answer,
                "Made the playlist \"" + name + "\" (id " + id + "): " + picked.size() + " tracks, " + total / 60_000
                        + " minutes.\n"
                        + Briefs.lines(picked.stream().map(Recommended::track).toList()),
                List.of(new AssistantTool.Link(McpResources.playlistUri(id), name, "the playlist just made")));
    }

    private static List<Recommended> recommended(Recommendation r) {
        return r.tracks().stream()
                .map(t -> new Recommended(Briefs.of(t.track()), t.score(), t.reasons()))
                .toList();
    }

    private static String text(List<Recommended> tracks) {
        return tracks.stream()
                .map(t -> t.track().title() + " — " + t.track().artists() + " (id "
                        + t.track().id() + "): " + String.join("; ", t.reasons()))
                .collect(Collectors.joining("\n"));
    }

    private static void putList(Map<String, String> query, String name, List<String> values) {
        if (!values.isEmpty()) {
            query.put(name, String.join(",", values));
        }
    }
}
