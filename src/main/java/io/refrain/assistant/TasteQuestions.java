package io.refrain.assistant;

import java.util.List;
import java.util.Map;

/**
 * The questions of the taste conversation, in the order they are asked, each with the options a
 * model may pick from and what each option says about the sound (in the dimensions' own units).
 * Their weights add up to 100: the confidence a conversation reaches with every question answered
 * and no listening history.
 */
final class TasteQuestions {

    private TasteQuestions() {}

    /** An option: its id, what to show, and the sound it stands for. */
    record Option(String id, String label, Map<String, Double> means, Double noveltyTolerance) {

        Option(String id, String label, Map<String, Double> means) {
            this(id, label, means, null);
        }
    }

    /**
     * A question. {@code multiple}: several options may be picked. Options of a {@code contextual}
     * question fill only dimensions no other answer has set.
     */
    record Question(
            String id,
            String topic,
            String text,
            List<Option> options,
            boolean multiple,
            boolean contextual,
            int weight) {}

    static final String GENRES = "genres";

    static final List<Question> ALL = List.of(
            new Question(
                    "energy",
                    "energy",
                    "How much energy should the music have?",
                    List.of(
                            new Option("calm", "calm and quiet", Map.of("energy", 0.25, "loudness", -14.0)),
                            new Option("steady", "steady, medium", Map.of("energy", 0.5)),
                            new Option("driving", "driving", Map.of("energy", 0.75)),
                            new Option("all_out", "all-out, loud", Map.of("energy", 0.92, "loudness", -5.0))),
                    false,
                    false,
                    14),
            new Question(
                    "mood",
                    "mood",
                    "Which mood are you after?",
                    List.of(
                            new Option("melancholic", "melancholic", Map.of("valence", 0.2)),
                            new Option("bittersweet", "bittersweet", Map.of("valence", 0.4)),
                            new Option("bright", "bright and warm", Map.of("valence", 0.7)),
                            new Option("euphoric", "euphoric", Map.of("valence", 0.9))),
                    false,
                    false,
                    14),
            new Question(GENRES, GENRES, "Which genres do you love? Pick any.", List.of(), true, false, 12),
            new Question(
                    "tempo",
                    "tempo",
                    "What tempo feels right?",
                    List.of(
                            new Option("slow", "slow (around 80 BPM)", Map.of("tempo", 80.0)),
                            new Option("walking", "walking pace (around 105 BPM)", Map.of("tempo", 105.0)),
                            new Option("upbeat", "upbeat (around 125 BPM)", Map.of("tempo", 125.0)),
                            new Option("fast", "fast (150 BPM and up)", Map.of("tempo", 155.0))),
                    false,
                    false,
                    10),
            new Question(
                    "movement",
                    "danceability",
                    "Should it make you move?",
                    List.of(
                            new Option("still", "not really", Map.of("danceability", 0.3)),
                            new Option("sway", "a little", Map.of("danceability", 0.55)),
                            new Option("dance", "definitely, I want to dance", Map.of("danceability", 0.82))),
                    false,
                    false,
                    8),
            new Question(
                    "texture",
                    "acousticness",
                    "Acoustic or electronic?",
                    List.of(
                            new Option("acoustic", "acoustic instruments", Map.of("acousticness", 0.8)),
                            new Option("mixed", "a mix", Map.of("acousticness", 0.45)),
                            new Option("electronic", "electronic", Map.of("acousticness", 0.1))),
                    false,
                    false,
                    8),
            new Question(
                    "vocals",
                    "instrumentalness",
                    "Vocals or instrumental?",
                    List.of(
                            new Option("vocals", "songs with vocals", Map.of("instrumentalness", 0.05)),
                            new Option("either", "either", Map.of("instrumentalness", 0.3)),
                            new Option("instrumental", "mostly instrumental", Map.of("instrumentalness", 0.8))),
                    false,
                    false,
                    6),
            new Question(
                    "context",
                    "listening context",
                    "Where do you listen most?",
                    List.of(
                            new Option(
                                    "focus",
                                    "working or studying",
                                    Map.of("instrumentalness", 0.6, "energy", 0.4, "speechiness", 0.05)),
                            new Option("workout", "working out", Map.of("energy", 0.9, "tempo", 140.0)),
                            new Option("party", "with friends, parties", Map.of("danceability", 0.85, "energy", 0.75)),
                            new Option("unwind", "winding down", Map.of("energy", 0.25, "acousticness", 0.6)),
                            new Option("commute", "on the way somewhere", Map.of())),
                    false,
                    true,
                    10),
            new Question(
                    "novelty",
                    "novelty",
                    "How adventurous should the picks be?",
                    List.of(
                            new Option("familiar", "mostly what I know", Map.of(), 0.1),
                            new Option("some_new", "some new things", Map.of(), 0.35),
                            new Option("adventurous", "mostly new to me", Map.of(), 0.7)),
                    false,
                    false,
                    8),
            new Question("artists", "artists", """
                    Which artists do you love, and which do you avoid? (Free text: send it as `text`; put what you \
                    learn in `values` or `note`.)""", List.of(), false, false, 10));

    static Question byId(String id) {
        return ALL.stream().filter(q -> q.id().equals(id)).findFirst().orElse(null);
    }
}
