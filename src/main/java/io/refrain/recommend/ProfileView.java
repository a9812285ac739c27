package io.refrain.recommend;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** A listener profile as the API shows it: numbers, and the same in words. */
@Schema(description = "your listener profile, computed from your listens, library and feedback")
public record ProfileView(
        @Schema(description = "the shareable 37-character profile code (GET /api/v1/profiles/{code})")
        String code,

        Instant lastComputedAt,
        Instant cacheValidUntil,
        int computationDurationMs,

        @Schema(description = "your data changed since it was computed; a recomputation is under way")
        boolean stale,

        @Schema(description = "listens it was computed from")
        long listens,

        @Schema(description = "tracks with a positive weight")
        long tracks,

        List<SoundView> sound,

        @Schema(description = "BPM of the middle 80 % of the weight")
        ListenerProfile.Range tempoRange,

        ListenerProfile.Range energyRange,

        @Schema(description = "familiar genres with their share of the weight")
        List<ListenerProfile.Weighted> genres,

        @Schema(description = "familiar artists with their share of the weight")
        List<ListenerProfile.Weighted> artists,

        @Schema(description = "share of recent plays going to tracks and artists new to you, 0–1")
        Double noveltyTolerance,

        @Schema(description = "mean catalog popularity of what you play, 0–1")
        Double mainstreamness,

        @Schema(description = "share of the plays of the last 90 days in each UTC hour, 0–23")
        List<Double> listeningHours,

        @Schema(description = "the profile in words") List<String> summary) {

    /** One dimension: mean and spread in its own units, and a word for the level. */
    public record SoundView(
            String dimension,
            double mean,
            double spread,
            @Schema(description = "low, medium or high") String level) {}

    static ProfileView of(ProfileService.Current current) {
        ProfileRepository.Stored s = current.stored();
        ListenerProfile p = s.profile();
        ProfileTargets targets = p.targets();
        List<SoundView> sound = Dimension.ALL.stream()
                .filter(d -> p.sound().containsKey(d.column))
                .map(d -> new SoundView(
                        d.column,
                        p.sound().get(d.column).mean(),
                        p.sound().get(d.column).spread(),
                        ProfileWords.level(targets.mean(d))))
                .toList();
        List<String> summary = new java.util.ArrayList<>();
        if (p.isEmpty()) {
            summary.add("Nothing to go on yet: listen, save or love some tracks and this fills in.");
        } else {
            if (!p.genres().isEmpty()) {
                summary.add("Mostly "
                        + String.join(
                                ", ",
                                p.genres().stream()
                                        .limit(3)
                                        .map(ListenerProfile.Weighted::name)
                                        .toList()) + ".");
            }
            summary.addAll(ProfileWords.describe(targets));
            summary.add(ProfileWords.hours(p.hours()));
        }
        return new ProfileView(
                s.code(),
                s.computedAt(),
                s.validUntil(),
                s.computationMs(),
                current.stale(),
                p.listens(),
                p.tracks(),
                sound,
                p.tempo(),
                p.energy(),
                p.genres(),
                p.artists(),
                p.noveltyTolerance(),
                p.mainstreamness(),
                p.hours(),
                List.copyOf(summary));
    }
}
