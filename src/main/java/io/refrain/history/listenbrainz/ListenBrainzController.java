package io.refrain.history.listenbrainz;

import io.refrain.history.HistoryService;
import io.refrain.history.ListenIngestion;
import io.refrain.history.ListenSource;
import io.refrain.history.PlayedTrack;
import io.refrain.platform.web.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/1")
@Tag(name = "listenbrainz", description = """
        ListenBrainz-compatible API for scrobblers: point a ListenBrainz client at this server and give it a token \
        from POST /api/v1/me/tokens. Errors are ListenBrainz's {"code", "error"}, not problem+json; every answer \
        carries X-RateLimit-Limit/-Remaining/-Reset-In/-Reset (50 requests per 10 s per token by default). \
        A user's name here is the user's id.""")
class ListenBrainzController {

    /** DEFAULT_ITEMS_PER_GET and MAX_ITEMS_PER_GET of ListenBrainz. */
    static final int DEFAULT_COUNT = 25;

    static final int MAX_COUNT = 1000;

    private final ListenBrainzAuth auth;
    private final SubmissionParser parser;
    private final ListenIngestion ingestion;
    private final HistoryService history;
    private final PlayingNow playingNow;

    ListenBrainzController(
            ListenBrainzAuth auth,
            SubmissionParser parser,
            ListenIngestion ingestion,
            HistoryService history,
            PlayingNow playingNow) {
        this.auth = auth;
        this.parser = parser;
        this.ingestion = ingestion;
        this.history = history;
        this.playingNow = playingNow;
    }

    @PostMapping("/submit-listens")
    @Operation(summary = "Submit listens (ListenBrainz)", description = """
            `Authorization: Token <token>`. Body `{"listen_type": "single"|"playing_now"|"import", "payload": [...]}`: \
            single and playing_now take exactly one listen, import 1–1,000; a listen has `listened_at` (integer \
            seconds, not before 2002-10-01 nor more than an hour ahead; absent for playing_now) and `track_metadata` \
            with `artist_name`, `track_name`, optional `release_name` and `additional_info` (duration in seconds or \
            duration_ms, not both, each a positive whole number up to 24 days; recording_mbid, artist_mbids, \
            release_mbid, isrc, spotify_id, tags ≤ 50 of ≤ 64 characters, \
            submission_client …). At most 10,240 bytes a listen; no NUL anywhere. Listens are stored at once and \
            idempotently (same time and song = same listen); playing_now is kept in memory until the song ends \
            (10 minutes when its length is unknown). Answers `{"status": "ok"}`.""")
    ListenBrainzViews.Status submit(HttpServletRequest request, @RequestBody(required = false) byte[] body) {
        UUID user = auth.require(request);
        Submission submission = parser.parse(body);
        if (submission.type() == Submission.Type.PLAYING_NOW) {
            playingNow.put(user, submission.playingNow(), submission.playingNowDurationMs());
        } else {
            ingestion.submit(user, submission.listens(), ListenSource.LISTENBRAINZ);
        }
        return ListenBrainzViews.Status.OK;
    }

    @GetMapping("/validate-token")
    @Operation(summary = "Check a token (ListenBrainz)", description = """
            The token as `?token=` or `Authorization: Token <token>`. Answers 200 with `valid` true and the \
            `user_name` (the user's id) or `valid` false; 400 when no token is given.""")
    ListenBrainzViews.TokenValidity validateToken(
            HttpServletRequest request, @RequestParam(required = false) String token) {
        String presented = token != null && !token.isBlank() ? token : ListenBrainzAuth.presentedToken(request);
        if (presented == null || presented.isBlank()) {
            throw ListenBrainzError.badRequest("You need to provide an Authorization token.");
        }
        return auth.owner(presented)
                .map(user -> new ListenBrainzViews.TokenValidity(200, "Token valid.", true, user.toString()))
                .orElseGet(() -> new ListenBrainzViews.TokenValidity(200, "Token invalid.", false, null));
    }

    @GetMapping("/user/{userName}/listens")
    @Operation(summary = "A user's listens (ListenBrainz)", description = """
            Newest first, with the songs as the catalog knows them. `max_ts` / `min_ts` (epoch seconds, both \
            exclusive) bound the time; `count` 0–1,000 (default 25; more is cut to 1,000). Unlike ListenBrainz, \
            listens are private: only that user's token (or a Refrain session of that user) may read them \
            (401 without, 403 for someone else's); with only `min_ts` the newest listens after it are answered.""")
    ListenBrainzViews.Listens listens(
            HttpServletRequest request,
            @Parameter(description = "the user's id") @PathVariable String userName,
            @RequestParam(name = "min_ts", required = false) String minTs,
            @RequestParam(name = "max_ts", required = false) String maxTs,
            @RequestParam(required = false) String count) {
        UUID user = ownUser(request, userName);
        Long min = nonNegative("min_ts", minTs);
        Long max = nonNegative("max_ts", maxTs);
        Long asked = nonNegative("count", count);
        int limit = asked == null ? DEFAULT_COUNT : (int) Math.min(asked, MAX_COUNT);
        if (min != null && max != null && min >= max) {
            throw ListenBrainzError.badRequest("min_ts should be less than max_ts");
        }
        List<ListenBrainzViews.Listen> listens = List.of();
        if (limit > 0) {
            Page<PlayedTrack> page = history.recentlyPlayed(
                    user,
                    limit,
                    null,
                    max == null ? null : Instant.ofEpochSecond(max),
                    min == null ? null : Instant.ofEpochSecond(min));
            listens = page.items().stream()
                    .map(p -> ListenBrainzViews.listen(p, userName))
                    .toList();
        }
        var span = history.span(user);
        return new ListenBrainzViews.Listens(new ListenBrainzViews.Payload(
                listens.size(),
                listens,
                userName,
                span.map(s -> s.last().getEpochSecond()).orElse(0L),
                span.map(s -> s.first().getEpochSecond()).orElse(0L),
                null));
    }

    @GetMapping("/user/{userName}/playing-now")
    @Operation(summary = "What a user is playing now (ListenBrainz)", description = """
            The last playing_now submission while its song lasts (10 minutes when its length is unknown), as it \
            was sent; `count` 0 or 1. Private like the listens: that user's token or session only. Kept in memory: \
            a restart forgets it, and with several nodes each node knows only what was sent to it.""")
    ListenBrainzViews.Listens playingNow(
            HttpServletRequest request, @Parameter(description = "the user's id") @PathVariable String userName) {
        UUID user = ownUser(request, userName);
        List<ListenBrainzViews.Listen> listens = playingNow
                .get(user)
                .map(metadata -> List.of(ListenBrainzViews.playingNow(metadata, userName)))
                .orElse(List.of());
        return new ListenBrainzViews.Listens(
                new ListenBrainzViews.Payload(listens.size(), listens, userName, null, null, true));
    }

    /** Listening history is private in Refrain: the caller must be the user named. */
    private UUID ownUser(HttpServletRequest request, String userName) {
        UUID caller = auth.reader(request);
        if (!caller.toString().equalsIgnoreCase(userName.strip())) {
            throw new ListenBrainzError(
                    403, "Listens are private in Refrain: only " + userName + " can read them, with their own token.");
        }
        return caller;
    }

    private static Long nonNegative(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            long parsed = Long.parseLong(value.strip());
            if (parsed >= 0) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // answered below, as ListenBrainz does
        }
        throw ListenBrainzError.badRequest("'" + name + "' should be a non-negative integer");
    }
}
