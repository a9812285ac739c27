package io.refrain.playlists.smart;

import io.refrain.catalog.CatalogService;
import io.refrain.catalog.TrackView;
import io.refrain.platform.errors.ApiException;
import io.refrain.platform.web.CursorCodec;
import io.refrain.platform.web.Page;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Smart playlists of one owner: preview, create, read, replace, delete, their tracks (refreshed
 * first when stale), and .nsp import/export. Smart playlists are private: anyone else gets 404.
 */
@Service
public class SmartPlaylistService {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SmartPlaylistRepository repository;
    private final SmartPlaylistEvaluator evaluator;
    private final CatalogService catalog;
    private final Clock clock;

    SmartPlaylistService(
            SmartPlaylistRepository repository, SmartPlaylistEvaluator evaluator, CatalogService catalog, Clock clock) {
        this.repository = repository;
        this.evaluator = evaluator;
        this.catalog = catalog;
        this.clock = clock;
    }

    @Transactional
    public SmartPreview preview(UUID user, JsonNode body, int size) {
        SmartRules rules = RuleJson.parse(body, "", Set.of());
        Set<UUID> smart = evaluator.references(user, null, rules, "");
        smart.forEach(ref -> evaluator.refreshIfStale(user, ref, false, 1));
        var matches = evaluator.evaluate(user, rules, smart, clock.instant().toString());
        List<Long> first = matches.stream()
                .limit(size)
                .map(SmartPlaylistRepository.Match::id)
                .toList();
        var context = new RuleTranslator.Context(user, clock.instant(), "", smart);
        Map<Long, List<Boolean>> satisfied =
                first.isEmpty() ? Map.of() : repository.explain(RuleTranslator.explain(rules, context, first));
        var conditions = rules.conditions();
        Map<Long, TrackView> views = views(user, first);
        List<SmartPreview.PreviewTrack> tracks = new ArrayList<>();
        for (Long id : first) {
            List<Boolean> flags = satisfied.getOrDefault(id, List.of());
            List<String> paths = new ArrayList<>();
            for (int i = 0; i < flags.size(); i++) {
                if (flags.get(i)) {
                    paths.add(conditions.get(i).path());
                }
            }
            if (views.containsKey(id)) {
                tracks.add(new SmartPreview.PreviewTrack(views.get(id), paths));
            }
        }
        return new SmartPreview(matches.isEmpty() ? 0 : matches.getFirst().total(), matches.size(), tracks);
    }

    @Transactional
    public SmartPlaylistView create(UUID user, SmartPlaylistRequest request) {
        SmartRules rules = RuleJson.parse(request.rules(), "rules.", Set.of());
        return insert(user, request.name(), request.description(), rules, "rules.");
    }

    /** Imports a Navidrome .nsp document: its rules plus {@code name} and {@code comment}. */
    @Transactional
    public SmartPlaylistView importNsp(UUID user, JsonNode nsp) {
        SmartRules rules = RuleJson.parse(nsp, "", Set.of("name", "comment"));
        JsonNode name = nsp.get("name");
        if (name == null
                || !name.isString()
                || name.asString().isBlank()
                || name.asString().length() > 200) {
            throw ApiException.invalidField("name", "must be 1–200 characters");
        }
        JsonNode comment = nsp.get("comment");
        if (comment != null && (!comment.isString() || comment.asString().length() > 2000)) {
            throw ApiException.invalidField("comment", "must be a string of at most 2000 characters");
        }
        return insert(user, name.asString(), comment == null ? "" : comment.asString(), rules, "");
    }

    private SmartPlaylistView insert(UUID user, String name, String description, SmartRules rules, String prefix) {
        evaluator.references(user, null, rules, prefix);
        UUID id = UUID.randomUUID();
        repository.insert(
                user,
                id,
                name,
                description == null ? "" : description,
                RuleJson.write(rules).toString(),
                clock.instant());
        repository.replaceReferences(user, id, SmartPlaylistEvaluator.named(rules));
        evaluator.refreshIfStale(user, id, true, 1);
        return get(user, id);
    }

    @Transactional(readOnly = true)
    public SmartPlaylistView get(UUID user, UUID id) {
        return view(user, row(user, id, false));
    }

    @Transactional
    public SmartPlaylistView replace(UUID user, UUID id, SmartPlaylistRequest request) {
        row(user, id, true);
        SmartRules rules = RuleJson.parse(request.rules(), "rules.", Set.of());
        evaluator.references(user, id, rules, "rules.");
        repository.update(
                user,
                id,
                request.name(),
                request.description() == null ? "" : request.description(),
                RuleJson.write(rules).toString(),
                clock.instant());
        repository.replaceReferences(user, id, SmartPlaylistEvaluator.named(rules));
        evaluator.refreshIfStale(user, id, true, 1);
        return get(user, id);
    }

    @Transactional
    public void delete(UUID user, UUID id) {
        if (!repository.delete(user, id)) {
            throw ApiException.notFound("No such smart playlist.");
        }
    }

    /** Your smart playlists continue after this one (newest first). */
    private record AfterPlaylist(Instant createdAt, UUID id) {}

    /** A smart playlist's tracks continue at this position. */
    private record FromPosition(int position) {
        static final FromPosition START = new FromPosition(0);

        FromPosition {
            if (position < 0) {
                throw new IllegalArgumentException("negative");
            }
        }
    }

    private static final CursorCodec<AfterPlaylist> MINE_CURSOR = CursorCodec.of(AfterPlaylist.class);
    private static final CursorCodec<FromPosition> TRACKS_CURSOR = CursorCodec.of(FromPosition.class);

    @Transactional(readOnly = true)
    public Page<SmartPlaylistView> mine(UUID user, int limit, String cursor) {
        AfterPlaylist after = MINE_CURSOR.decode(cursor);
        var rows = repository.page(
                user, after == null ? null : after.createdAt(), after == null ? null : after.id(), limit + 1);
        boolean more = rows.size() > limit;
        var shown = more ? rows.subList(0, limit) : rows;
        String next = more
                ? MINE_CURSOR.encode(new AfterPlaylist(
                        shown.getLast().createdAt(), shown.getLast().id()))
                : null;
        var unavailable = repository.unavailable(
                user, shown.stream().map(SmartPlaylistRepository.Row::id).toList());
        return new Page<>(
                shown.stream()
                        .map(r -> view(r, unavailable.getOrDefault(r.id(), List.of())))
                        .toList(),
                next);
    }

    /** A page of the tracks, rebuilt first when stale and the minimum delay has passed. */
    @Transactional
    public Page<SmartPlaylistEntryView> tracks(UUID user, UUID id, int limit, String cursor) {
        row(user, id, false);
        evaluator.refreshIfStale(user, id, false, 1);
        int from = TRACKS_CURSOR.decodeOr(cursor, FromPosition.START).position();
        var entries = repository.entries(user, id, from, limit + 1);
        boolean more = entries.size() > limit;
        var shown = more ? entries.subList(0, limit) : entries;
        Map<Long, TrackView> views = views(
                user,
                shown.stream()
                        .map(SmartPlaylistRepository.Entry::trackId)
                        .distinct()
                        .toList());
        var items = shown.stream()
                .filter(e -> views.containsKey(e.trackId()))
                .map(e -> new SmartPlaylistEntryView(e.position(), views.get(e.trackId())))
                .toList();
        return new Page<>(
                items,
                more ? TRACKS_CURSOR.encode(new FromPosition(shown.getLast().position() + 1)) : null);
    }

    /** Rebuilds the membership now, whatever its state. */
    @Transactional
    public SmartPlaylistView refresh(UUID user, UUID id) {
        row(user, id, false);
        evaluator.refreshIfStale(user, id, true, 1);
        return get(user, id);
    }

    /** The playlist as a Navidrome .nsp document. */
    @Transactional(readOnly = true)
    public ObjectNode export(UUID user, UUID id) {
        var row = row(user, id, false);
        ObjectNode nsp = JsonNodeFactory.instance.objectNode();
        nsp.put("name", row.name());
        nsp.put("comment", row.description());
        nsp.setAll((ObjectNode) JSON.readTree(row.rules()));
        return nsp;
    }

    private SmartPlaylistRepository.Row row(UUID user, UUID id, boolean lock) {
        return repository.find(user, id, lock).orElseThrow(() -> ApiException.notFound("No such smart playlist."));
    }

    private Map<Long, TrackView> views(UUID user, List<Long> ids) {
        return ids.isEmpty()
                ? Map.of()
                : catalog.tracks(user, ids).stream().collect(Collectors.toMap(TrackView::id, Function.identity()));
    }

    private SmartPlaylistView view(UUID user, SmartPlaylistRepository.Row row) {
        return view(row, repository.unavailable(user, List.of(row.id())).getOrDefault(row.id(), List.of()));
    }

    private static SmartPlaylistView view(SmartPlaylistRepository.Row row, List<UUID> unavailable) {
        // stored in canonical form (jsonb may reorder the top-level keys, which carry no order)
        return new SmartPlaylistView(
                row.id(),
                row.name(),
                row.description(),
                JSON.readTree(row.rules()),
                List.copyOf(unavailable),
                row.trackCount(),
                row.refreshedAt(),
                row.createdAt(),
                row.updatedAt());
    }
}
