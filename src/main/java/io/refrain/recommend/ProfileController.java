package io.refrain.recommend;

import io.refrain.platform.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "recommendations", description = RecommendationController.TAG)
class ProfileController {

    private final ProfileService profiles;

    ProfileController(ProfileService profiles) {
        this.profiles = profiles;
    }

    @GetMapping("/me/profile")
    @Operation(summary = "Your listener profile, in numbers and words", description = """
            Computed from your listens (weighted by how much of each track you heard, halving in weight every \
            `refrain.recommend.profile.half-life` back from your latest listen, skips counting against), saved, \
            loved and rated tracks and your thumbs up and down: the mean and spread of every audio feature and \
            MUSIC dimension, tempo and energy ranges, familiar genres and artists, novelty tolerance, \
            mainstreamness and the hours you listen. When your data changed since it was computed, this answers \
            at once with the stored profile (`stale: true`) and recomputes it in the background. `code` is your \
            shareable profile code.""")
    ProfileView mine(@Parameter(hidden = true) AuthenticatedUser user) {
        return ProfileView.of(profiles.current(user.id()));
    }

    @GetMapping("/profiles/{code}")
    @Operation(summary = "What a profile code stands for", description = """
            A profile code is 37 URL-safe characters: a version and the profile's key dimensions (the mean and \
            spread of each, tempo and energy ranges, novelty tolerance, mainstreamness) with a checksum. Anyone may \
            decode one and pass it as `profile` to GET /api/v1/recommendations; it names no user and carries no \
            listening history. 400 for a code of the wrong length, an unknown version, characters outside the \
            URL-safe alphabet or a failed checksum.""")
    CodeView decode(@PathVariable String code) {
        return CodeView.of(code, ProfileCode.decode(code, "code"));
    }
}
