package io.refrain.recommend;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/**
 * What a profile asks of a track, all on the 0–1 scales of {@link Dimension}: a mean and a spread
 * per dimension, the tempo and energy ranges most plays fall in, how much of the listening goes to
 * music new to the listener, and how popular that music is. Exactly what a {@link ProfileCode}
 * carries, so a user's own profile and its shared code recommend alike.
 */
record ProfileTargets(
        Map<Dimension, Sound> sound, Range tempo, Range energy, double noveltyTolerance, double mainstreamness) {

    record Sound(double mean, double spread) {}

    @Schema(description = "the middle 80 % of plays (10th to 90th percentile)")
    record Range(double low, double high) {}

    double mean(Dimension d) {
        return sound.get(d).mean();
    }

    double spread(Dimension d) {
        return sound.get(d).spread();
    }

    /** The same targets as the code for them carries them (each value on its code's steps). */
    ProfileTargets quantized() {
        return ProfileCode.decode(ProfileCode.encode(this), "profile");
    }
}
