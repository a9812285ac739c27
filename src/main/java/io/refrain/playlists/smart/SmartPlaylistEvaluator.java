package io.refrain.playlists.smart;

import io.refrain.platform.errors.ApiException;
import io.refrain.platform.errors.FieldProblem;
import io.refrain.playlists.PlaylistService;
import io.refrain.playlists.PlaylistsProperties;
import io.refrain.playlists.smart.SmartRules.Condition;
import io.refrain.playlists.smart.SmartRules.PlaylistRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs rules: checks the playlists they reference (readable, no cycles) when they are saved,
 * evaluates them with the one compiled statement (which checks again, at every evaluation, that
 * each referenced playlist is still readable: see {@link RuleTranslator}), applies the artist
 * spreading, and rebuilds stored memberships when they are stale. Callers hold the transaction.
 */
@Component
class SmartPlaylistEvaluator {

    static final int MAX_TRACKS = 10_000;
    private static final int MAX_NESTING = 10;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SmartPlaylistRepository repository;
    private final PlaylistService playlists;
    private final Clock clock;
    private final Duration minDelay;

    SmartPlaylistEvaluator(
            SmartPlaylistRepository repository, PlaylistService playlists, Clock clock, PlaylistsProperties settings) {
        this.repository = repository;
        this.playlists = playlists;
        this.clock = clock;
        this.minDelay = settings.smart().minRefreshDelay();
    }

    static SmartRules stored(String json) {
        return RuleJson.parse(JSON.readTree(json), "", Set.of());
    }

    /**
     * Checks the playlists the rules reference: a smart playlist of the owner, or a playlist the
     * owner may read; and that {@code self} (null for new rules) is not reachable from them.
     * Returns the referenced smart playlists.
     */
    Set<UUID> references(UUID user, UUID self, SmartRules rules, String prefix) {
        List<Condition> refs = rules.conditions().stream()
                .filter(c -> c.value() instanceof PlaylistRef)
                .toList();
        if (refs.isEmpty()) {
            return Set.of();
        }
        Map<UUID, String> graph = repository.rulesOf(user);
        Set<UUID> plain = new HashSet<>();
        refs.forEach(c -> plain.add(((PlaylistRef) c.value()).id()));
        plain.removeAll(graph.keySet());
        Set<UUID> readable = playlists.readable(plain, user);
        List<FieldProblem> problems = new ArrayList<>();
        Set<UUID> smart = new HashSet<>();
        for (Condition c : refs) {
            UUID id = ((PlaylistRef) c.value()).id();
            String path = prefix + c.path() + "." + c.operator().jsonName() + ".id";
            if (graph.containsKey(id)) {
                if (id.equals(self) || reaches(graph, id, self, new HashSet<>())) {
                    problems.add(new FieldProblem(path, "refers back to this playlist (a cycle)"));
                }
                smart.add(id);
            } else if (!readable.contains(id)) {
                problems.add(new FieldProblem(path, "is not a playlist you can read"));
            }
        }
        if (!problems.isEmpty()) {
            throw RuleJson.invalid(problems);
        }
        return smart;
    }

    /** The playlists (plain or smart) the rules name. */
    static Set<UUID> named(SmartRules rules) {
        Set<UUID> out = new LinkedHashSet<>();
        rules.conditions().forEach(c -> {
            if (c.value() instanceof PlaylistRef(UUID ref)) {
                out.add(ref);
            }
        });
        return out;
    }

    private boolean reaches(Map<UUID, String> graph, UUID from, UUID target, Set<UUID> seen) {
        if (target == null || !seen.add(from)) {
            return false;
        }
        for (Condition c : stored(graph.get(from)).conditions()) {
            if (c.value() instanceof PlaylistRef(UUID next)
                    && graph.containsKey(next)
                    && (next.equals(target) || reaches(graph, next, target, seen))) {
                return true;
            }
        }
        return false;
    }

    /** The tracks the rules give now, in order (after limits, the per-artist cap and spreading). */
    List<SmartPlaylistRepository.Match> evaluate(UUID user, SmartRules rules, Set<UUID> smart, String seed) {
        var context = new RuleTranslator.Context(user, clock.instant(), seed, smart);
        var matches = repository.evaluate(RuleTranslator.compile(rules, context, MAX_TRACKS));
        return rules.spreadArtists() ? ArtistSpreading.spread(matches) : matches;
    }

    /** Stale (the owner's data changed since the last build, or the rules did) and the minimum delay has passed. */
    private boolean due(Optional<SmartPlaylistRepository.Row> found, UUID user) {
        var row = found.orElseThrow(() -> ApiException.notFound("No such smart playlist."));
        if (row.built() == null || row.refreshedAt() == null) {
            return true; // new or changed rules: no delay
        }
        return !row.built().equals(repository.dataVersions(user))
                && !clock.instant().isBefore(row.refreshedAt().plus(minDelay));
    }

    /** Rebuilds the membership if it is stale and the minimum delay has passed (or the rules changed). */
    void refreshIfStale(UUID user, UUID id, boolean force, int depth) {
        if (depth > MAX_NESTING || !force && !due(repository.find(user, id, false), user)) {
            return; // the common read: nothing locked, nothing written
        }
        // lock, then look again: a concurrent reader may have rebuilt it meanwhile
        var row = repository.find(user, id, true).orElseThrow(() -> ApiException.notFound("No such smart playlist."));
        var versions = repository.dataVersions(user); // read before evaluating: a later write makes it stale again
        Instant now = clock.instant();
        if (!force && !due(Optional.of(row), user)) {
            return;
        }
        SmartRules rules = stored(row.rules());
        Set<UUID> refs = named(rules);
        Set<UUID> smart = refs.isEmpty() ? Set.of() : repository.smartIds(user, refs);
        for (UUID ref : smart) {
            refreshIfStale(user, ref, false, depth + 1); // nested smart playlists first (cycles are refused on save)
        }
        var matches = evaluate(
                user,
                rules,
                smart,
                id + ":" + versions.playlists() + ":" + versions.library() + ":" + versions.history());
        repository.replaceTracks(
                user,
                id,
                matches.stream().map(SmartPlaylistRepository.Match::id).toList(),
                versions,
                now);
    }
}
