package io.refrain.recommend;

import io.refrain.platform.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "recommendations", description = RecommendationController.TAG)
class RecommendationController {

    static final String TAG =
            "Recommendations with their reasons, listener profiles and profile codes, thumbs up and down, "
                    + "discovery sessions, generated playlists and popular now.";

    private final Recommender recommender;

    RecommendationController(Recommender recommender) {
        this.recommender = recommender;
    }

    @GetMapping("/recommendations")
    @Operation(summary = "Recommended tracks, each with its reasons", description = """
            The shape of Spotify's former endpoint. Seeds: 1 to 5 in all of `seed_tracks` and `seed_artists` \
            (comma-separated catalog ids), `seed_genres` (names, as GET /api/v1/genres lists them) and `profile` \
            (`me`, or a 37-character profile code). Tunable attributes, each with `min_`, `max_` and `target_`: \
            acousticness, danceability, energy, instrumentalness, liveness, speechiness, valence (0–1), duration_ms \
            (0–3,600,000), key (-1–11), loudness (-60–5 dB), mode (0–1), popularity (0–100), tempo (0–250 BPM), \
            time_signature (0–11), and the MUSIC dimensions mellow, unpretentious, sophisticated, intense, \
            contemporary (0–35). `limit` 1–100 (default 20). `session=true` keeps the answer as a discovery session \
            (GET /api/v1/me/discovery). `unplayed=true` keeps just the tracks you never played. `variety_seed` (a whole number) reshuffles near-ties reproducibly; without \
            it the same request over the same data gives the same answer.

            Candidates come from co-listening similarity (tracks played together by listeners of a seed), \
            neighbouring artists, tracks that sound alike (audio features and MUSIC dimensions), and popular tracks \
            of the seed genres. Hard filters drop tracks outside min_/max_, explicit tracks when your settings block \
            them, tracks you played in the last hours (`refrain.recommend.recently-played`), tracks and artists you \
            gave a thumbs down, and tracks you skipped after a discovery session showed them. Scores weigh the \
            distance to the targets, the similarity evidence and your profile's novelty tolerance; the list is then \
            re-ranked for variety (maximal marginal relevance) with at most max(2, limit / 20) tracks per artist.

            Each seed comes back with `initialPoolSize` (candidates it gave) and `afterFilteringSize` (those that \
            passed the filters). 400 naming the parameter for: no seed or more than 5, an unknown track, artist or \
            genre, an unknown parameter, a value out of range or a fraction for a whole-number attribute, min_ above \
            max_, a bad profile code.""")
    @Parameter(name = "seed_tracks", in = ParameterIn.QUERY, description = "comma-separated track ids")
    @Parameter(name = "seed_artists", in = ParameterIn.QUERY, description = "comma-separated artist ids")
    @Parameter(name = "seed_genres", in = ParameterIn.QUERY, description = "comma-separated genre names")
    @Parameter(name = "profile", in = ParameterIn.QUERY, description = "me, or a profile code")
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "1–100, default 20")
    @Parameter(name = "session", in = ParameterIn.QUERY, description = "true keeps the answer as a discovery session")
    @Parameter(name = "unplayed", in = ParameterIn.QUERY, description = "true keeps just the tracks you never played")
    @Parameter(name = "variety_seed", in = ParameterIn.QUERY, description = "a whole number that reshuffles near-ties")
    Recommendation recommendations(
            @Parameter(hidden = true) AuthenticatedUser user,
            @Parameter(hidden = true) @RequestParam Map<String, String> query) {
        return recommender.recommend(user.id(), RecommendationRequest.parse(query));
    }
}
