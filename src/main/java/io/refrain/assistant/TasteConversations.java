package io.refrain.assistant;

import io.refrain.assistant.ConversationRepository.Answer;
import io.refrain.assistant.ConversationRepository.Asked;
import io.refrain.assistant.ConversationRepository.Conversation;
import io.refrain.assistant.ConversationRepository.Offered;
import io.refrain.assistant.ConversationRepository.Sketch;
import io.refrain.assistant.TasteQuestions.Option;
import io.refrain.assistant.TasteQuestions.Question;
import io.refrain.catalog.CatalogService;
import io.refrain.catalog.GenreView;
import io.refrain.recommend.CodeView;
import io.refrain.recommend.ListenerProfile;
import io.refrain.recommend.ProfileView;
import io.refrain.recommend.Taste;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The taste conversation: the server asks what it does not know yet (energy, mood, genres, tempo,
 * movement, texture, vocals, context, novelty, artists), folds each answer into a partial profile,
 * and at enough confidence turns it into a profile code (blended with the user's own listening,
 * where the answers say nothing). Confidence is the weight of the questions answered, plus up to
 * 30 for a listening history, which already says much of it.
 */
@Service
class TasteConversations {

    private static final int GENRE_OPTIONS = 12;

    private final ConversationRepository conversations;
    private final Taste taste;
    private final CatalogService catalog;
    private final AssistantProperties.Conversation settings;
    private final TransactionTemplate transaction;
    private final Clock clock;

    TasteConversations(
            ConversationRepository conversations,
            Taste taste,
            CatalogService catalog,
            AssistantProperties settings,
            TransactionTemplate transaction,
            Clock clock) {
        this.conversations = conversations;
        this.taste = taste;
        this.catalog = catalog;
        this.settings = settings.conversation();
        this.transaction = transaction;
        this.clock = clock;
    }

    /** A conversation as tools show it: the question to answer next (null once completed) and the profile so far. */
    record View(
            UUID conversationId,
            int confidence,
            boolean completed,
            Asked question,
            String profileCode,
            Sketch partialProfile,
            List<String> notes,
            Instant expiresAt,
            CodeView profile) {}

    View start(McpCaller caller) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ProfileView own = taste.profile(caller.userId());
        Sketch sketch = new Sketch(Map.of(), List.of(), null, List.of());
        Asked first = ask(TasteQuestions.ALL.getFirst(), caller.userId());
        Conversation c = new Conversation(
                UUID.randomUUID(),
                caller.clientName(),
                sketch,
                List.of(first),
                List.of(),
                historyConfidence(own),
                List.of(),
                null,
                now,
                now,
                expiry(now, now),
                null);
        conversations.insert(caller.userId(), c);
        return view(c, null);
    }

    View answer(
            McpCaller caller,
            UUID id,
            String questionId,
            List<String> optionIds,
            String text,
            Map<String, Double> values,
            String note) {
        return transaction.execute(status -> {
            Conversation c = open(caller, id);
            Asked asked = c.questions().stream()
                    .filter(q -> q.id().equals(questionId))
                    .findFirst()
                    .orElseThrow(() -> ToolFailure.argument(
                            "questionId",
                            "is not a question of this conversation; the open one is '"
                                    + c.questions().getLast().id() + "'."));
            Question question = TasteQuestions.byId(asked.id());
            if (optionIds.isEmpty() && (text == null || text.isBlank()) && values.isEmpty()) {
                throw ToolFailure.of("Send optionIds (from the question's options), text, or values to answer.");
            }
            if (!question.multiple() && optionIds.size() > 1) {
                throw ToolFailure.argument("optionIds", "may hold one option for this question.");
            }
            Set<String> offered = new LinkedHashSet<>();
            asked.options().forEach(o -> offered.add(o.id()));
            for (String option : optionIds) {
                if (!offered.contains(option)) {
                    throw ToolFailure.argument(
                            "optionIds", "holds '" + option + "', not an option of this question: " + offered + ".");
                }
            }
            for (var v : values.entrySet()) {
                checkValue(v.getKey(), v.getValue());
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            Sketch sketch = fold(c.sketch(), question, optionIds, values);
            List<Answer> answers = new ArrayList<>(c.answers());
            answers.add(new Answer(questionId, optionIds, text, values, now));
            List<String> notes = new ArrayList<>(c.notes());
            if (note != null && !note.isBlank()) {
                notes.add(note);
            }
            int confidence = Math.min(
                    100,
                    c.confidence()
                            + (sketch.answered().size() > c.sketch().answered().size() ? question.weight() : 0));
            Question next = TasteQuestions.ALL.stream()
                    .filter(q -> !sketch.answered().contains(q.id()))
                    .findFirst()
                    .orElse(null);
            List<Asked> questions = new ArrayList<>(c.questions());
            String code = null;
            Instant completed = null;
            CodeView profile = null;
            if (confidence >= settings.doneAt() || next == null) {
                profile =
                        taste.code(caller.userId(), new Taste.Sketch(sketch.means(), sketch.noveltyTolerance(), null));
                code = profile.code();
                completed = now;
            } else if (questions.stream().noneMatch(q -> q.id().equals(next.id()))) {
                questions.add(ask(next, caller.userId()));
            }
            Conversation updated = new Conversation(
                    c.id(),
                    c.client(),
                    sketch,
                    questions,
                    answers,
                    confidence,
                    notes,
                    code,
                    c.createdAt(),
                    now,
                    completed == null ? expiry(c.createdAt(), now) : c.expiresAt(),
                    completed);
            conversations.update(caller.userId(), updated);
            return view(updated, profile);
        });
    }

    /** The conversation with this id, or the user's latest when {@code id} is null. */
    View state(McpCaller caller, UUID id) {
        Conversation c = (id == null
                        ? conversations.latest(caller.userId())
                        : conversations.find(caller.userId(), id, false))
                .orElseThrow(() -> ToolFailure.of(
                        id == null
                                ? "You have no taste conversation yet: start one with taste_conversation_start."
                                : "There is no conversation " + id + " of yours."));
        CodeView profile = c.profileCode() == null ? null : taste.decode(c.profileCode(), "profileCode");
        return view(c, profile);
    }

    int removeExpired(int batch) {
        return conversations.deleteExpired(clock.instant(), batch);
    }

    private Conversation open(McpCaller caller, UUID id) {
        Conversation c = conversations
                .find(caller.userId(), id, true)
                .orElseThrow(() -> ToolFailure.argument(
                        "conversationId", "is not a conversation of yours; start one with taste_conversation_start."));
        if (c.completedAt() != null) {
            throw ToolFailure.of("This conversation is complete; its profile code is " + c.profileCode()
                    + ". Start a new one to begin again.");
        }
        if (!clock.instant().isBefore(c.expiresAt())) {
            throw ToolFailure.of("This conversation expired at " + c.expiresAt()
                    + " (idle too long); start a new one with taste_conversation_start.");
        }
        return c;
    }

    private Instant expiry(Instant created, Instant lastActivity) {
        Instant idle = lastActivity.plus(settings.idleTimeout());
        Instant end = created.plus(settings.maxLifetime());
        return idle.isBefore(end) ? idle : end;
    }

    /**
     * A question as asked now: the genre question offers the user's own genres first (the only
     * question that reads the profile), then the catalog's largest.
     */
    private Asked ask(Question q, UUID user) {
        List<Offered> options;
        if (q.id().equals(TasteQuestions.GENRES)) {
            Set<String> names = new LinkedHashSet<>();
            taste.profile(user).genres().stream()
                    .map(ListenerProfile.Weighted::name)
                    .forEach(names::add);
            catalog.genres().stream()
                    .sorted(Comparator.comparingLong(GenreView::tracks).reversed())
                    .map(GenreView::name)
                    .forEach(names::add);
            options = names.stream()
                    .limit(GENRE_OPTIONS)
                    .map(n -> new Offered(n, n))
                    .toList();
        } else {
            options = q.options().stream()
                    .map(o -> new Offered(o.id(), o.label()))
                    .toList();
        }
        return new Asked(q.id(), q.topic(), q.text(), options, q.multiple());
    }

    private static Sketch fold(Sketch before, Question q, List<String> optionIds, Map<String, Double> values) {
        Map<String, Double> means = new LinkedHashMap<>(before.means());
        List<String> genres = new ArrayList<>(before.genres());
        Double novelty = before.noveltyTolerance();
        for (String id : optionIds) {
            if (q.id().equals(TasteQuestions.GENRES)) {
                if (!genres.contains(id)) {
                    genres.add(id);
                }
                continue;
            }
            Option option = q.options().stream()
                    .filter(o -> o.id().equals(id))
                    .findFirst()
                    .orElseThrow();
            for (var m : option.means().entrySet()) {
                if (!q.contextual() || !means.containsKey(m.getKey())) {
                    means.put(m.getKey(), m.getValue());
                }
            }
            if (option.noveltyTolerance() != null) {
                novelty = option.noveltyTolerance();
            }
        }
        for (var v : values.entrySet()) {
            if (v.getKey().equals("noveltyTolerance")) {
                novelty = v.getValue();
            } else {
                means.put(v.getKey(), v.getValue());
            }
        }
        List<String> answered = new ArrayList<>(before.answered());
        if (!answered.contains(q.id())) {
            answered.add(q.id());
        }
        return new Sketch(means, genres, novelty, answered);
    }

    /** What a listening history already says: up to 30 of the 100. */
    private static int historyConfidence(ProfileView own) {
        return own.listens() >= 200 ? 30 : own.listens() >= 20 ? 15 : 0;
    }

    private static void checkValue(String name, Double value) {
        if (value == null || !Double.isFinite(value)) {
            throw ToolFailure.argument("values", "." + name + " must be a number.");
        }
        double[] range =
                switch (name) {
                    case "tempo" -> new double[] {40, 220};
                    case "loudness" -> new double[] {-60, 0};
                    case "mellow", "unpretentious", "sophisticated", "intense", "contemporary" -> new double[] {0, 35};
                    case "noveltyTolerance" -> new double[] {0, 1};
                    default -> {
                        if (!Taste.isDimension(name)) {
                            throw ToolFailure.argument(
                                    "values",
                                    "names '" + name + "', not a dimension: use energy, "
                                            + "valence, danceability, acousticness, instrumentalness, speechiness, liveness, "
                                            + "tempo, loudness, mellow, unpretentious, sophisticated, intense, contemporary or "
                                            + "noveltyTolerance.");
                        }
                        yield new double[] {0, 1};
                    }
                };
        if (value < range[0] || value > range[1]) {
            throw ToolFailure.argument(
                    "values", "." + name + " is " + value + "; it must be from " + range[0] + " to " + range[1] + ".");
        }
    }

    private View view(Conversation c, CodeView profile) {
        return new View(
                c.id(),
                c.confidence(),
                c.completedAt() != null,
                c.completedAt() != null ? null : c.questions().getLast(),
                c.profileCode(),
                c.sketch(),
                c.notes(),
                c.expiresAt(),
                profile);
    }
}
