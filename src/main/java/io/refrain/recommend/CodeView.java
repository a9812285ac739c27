package io.refrain.recommend;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** What a profile code carries, decoded: the targets it sets for recommendations. */
@Schema(description = "a profile code decoded: the sound it asks for, in each dimension's own units")
public record CodeView(
        String code,
        int version,
        List<ProfileView.SoundView> sound,
        @Schema(description = "BPM") ListenerProfile.Range tempoRange,
        ListenerProfile.Range energyRange,
        double noveltyTolerance,
        double mainstreamness,
        List<String> summary) {

    static CodeView of(String code, ProfileTargets t) {
        List<ProfileView.SoundView> sound = Dimension.ALL.stream()
                .map(d -> new ProfileView.SoundView(
                        d.column, d.unscale(t.mean(d)), t.spread(d) * (d.high - d.low), ProfileWords.level(t.mean(d))))
                .toList();
        return new CodeView(
                code,
                ProfileCode.VERSION - '0',
                sound,
                new ListenerProfile.Range(
                        Dimension.TEMPO.unscale(t.tempo().low()),
                        Dimension.TEMPO.unscale(t.tempo().high())),
                new ListenerProfile.Range(t.energy().low(), t.energy().high()),
                t.noveltyTolerance(),
                t.mainstreamness(),
                ProfileWords.describe(t));
    }
}
