package io.refrain.recommend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** A profile's targets in a few plain sentences (the same words for a user's profile and a shared code). */
final class ProfileWords {

    private static final double HIGH = 0.65;
    private static final double LOW = 0.35;

    private ProfileWords() {}

    static String level(double scaled) {
        return scaled >= HIGH ? "high" : scaled <= LOW ? "low" : "medium";
    }

    static List<String> describe(ProfileTargets t) {
        List<String> lines = new ArrayList<>();
        List<String> high = new ArrayList<>();
        List<String> low = new ArrayList<>();
        for (Dimension d : Dimension.ALL) {
            if (d.isMusicModel() || d == Dimension.TEMPO || d == Dimension.LOUDNESS) {
                continue;
            }
            String word = d.label() + " " + String.format(Locale.ROOT, "%.2f", t.mean(d));
            if (t.mean(d) >= HIGH) {
                high.add(word);
            } else if (t.mean(d) <= LOW) {
                low.add(word);
            }
        }
        if (!high.isEmpty()) {
            lines.add("High " + String.join(", ", high) + ".");
        }
        if (!low.isEmpty()) {
            lines.add("Low " + String.join(", ", low) + ".");
        }
        Dimension most = Dimension.ALL.stream()
                .filter(Dimension::isMusicModel)
                .max(Comparator.comparingDouble(t::mean))
                .orElseThrow();
        Dimension least = Dimension.ALL.stream()
                .filter(Dimension::isMusicModel)
                .min(Comparator.comparingDouble(t::mean))
                .orElseThrow();
        lines.add("On the MUSIC model: most " + most.label() + ", least " + least.label() + ".");
        lines.add(String.format(
                Locale.ROOT,
                "Tempo mostly %.0f–%.0f BPM; energy mostly %.2f–%.2f.",
                Dimension.TEMPO.unscale(t.tempo().low()),
                Dimension.TEMPO.unscale(t.tempo().high()),
                t.energy().low(),
                t.energy().high()));
        double novelty = t.noveltyTolerance();
        lines.add(
                novelty >= 0.3
                        ? String.format(
                                Locale.ROOT,
                                "Adventurous: about %.0f %% of plays go to music new to the listener.",
                                novelty * 100)
                        : novelty <= 0.1
                                ? "Sticks to favourites: little of the listening goes to new music."
                                : String.format(
                                        Locale.ROOT,
                                        "A mix of favourites and new music (about %.0f %% new).",
                                        novelty * 100));
        double mainstream = t.mainstreamness();
        lines.add(
                mainstream >= 0.6
                        ? "Mainstream: mostly popular music."
                        : mainstream <= 0.35
                                ? "Off the beaten track: mostly less popular music."
                                : "Between mainstream and niche.");
        return lines;
    }

    /** When most of the listening happens, from the 24 hourly shares (UTC). */
    static String hours(List<Double> hours) {
        String[] parts = {
            "at night (0–6 UTC)",
            "in the morning (6–12 UTC)",
            "in the afternoon (12–18 UTC)",
            "in the evening (18–24 UTC)"
        };
        double[] shares = new double[4];
        for (int h = 0; h < 24; h++) {
            shares[h / 6] += hours.get(h);
        }
        int best = 0;
        for (int i = 1; i < 4; i++) {
            if (shares[i] > shares[best]) {
                best = i;
            }
        }
        return shares[best] == 0
                ? "No listens in the last 90 days to tell when."
                : String.format(Locale.ROOT, "Listens mostly %s: %.0f %% of plays.", parts[best], shares[best] * 100);
    }
}
