package io.refrain.recommend;

import io.refrain.platform.security.AuthenticatedUser;
import io.refrain.platform.web.Limits;
import io.refrain.platform.web.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/me/feedback", produces = "application/json")
@Tag(name = "recommendations", description = RecommendationController.TAG)
class FeedbackController {

    private final FeedbackService feedback;

    FeedbackController(FeedbackService feedback) {
        this.feedback = feedback;
    }

    /** The body of a feedback write. */
    record FeedbackRequest(
            @io.swagger.v3.oas.annotations.media.Schema(description = "love or hate")
            String score) {}

    @PutMapping("/{type}/{id}")
    @Operation(summary = "Thumbs up or down on a track or an artist", description = """
            `type` is `tracks` or `artists`; the body is `{"score": "love"}` or `{"score": "hate"}` (as ListenBrainz's \
            feedback). Nothing you hate is recommended to you, nor any track of an artist you hate; what you love \
            weighs in your profile and lifts that artist's tracks. 404 for an unknown track or artist.""")
    Feedback put(
            @Parameter(hidden = true) AuthenticatedUser user,
            @PathVariable String type,
            @PathVariable long id,
            @RequestBody FeedbackRequest body) {
        return feedback.put(user.id(), Feedback.Target.parse(type, "type"), id, body == null ? null : body.score());
    }

    @DeleteMapping("/{type}/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Take back your feedback on a track or an artist", description = "Idempotent.")
    void remove(@Parameter(hidden = true) AuthenticatedUser user, @PathVariable String type, @PathVariable long id) {
        feedback.remove(user.id(), Feedback.Target.parse(type, "type"), id);
    }

    @GetMapping
    @Operation(summary = "Your feedback, newest first", description = """
            `type` is `track` (default) or `artist`; `score` (love or hate) keeps only one kind. limit 1–100 \
            (default 50), cursor-paged.""")
    Page<Feedback> page(
            @Parameter(hidden = true) AuthenticatedUser user,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String score,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        return feedback.page(
                user.id(),
                Feedback.Target.parse(type == null ? "track" : type, "type"),
                score,
                Limits.pageSize(limit, 50, 100),
                cursor);
    }
}
