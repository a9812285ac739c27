package io.refrain.playlists.smart;

import static org.assertj.core.api.Assertions.assertThat;

import io.refrain.support.IntegrationTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * A 120-rule playlist ("none of these 120 artists", plus a few other tests) compiles to one
 * anti-join for the artists, not 120, and selects what a hand-written query selects. The time is
 * printed for the report, never asserted (DESIGN.md: tests assert behaviour).
 */
class SmartPlaylistScaleIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void hundredTwentyArtistExclusionsAreOneAntiJoin() {
        var user = newAccount().id();
        List<String> artists = jdbc.sql("select name from artists order by id limit 120")
                .query(String.class)
                .list();
        List<String> conditions = new ArrayList<>();
        artists.forEach(a -> conditions.add("{\"isNot\": {\"artist\": " + JSON.writeValueAsString(a) + "}}"));
        conditions.add("{\"gt\": {\"energy\": 0.3}}");
        conditions.add("{\"notContains\": {\"title\": \"remix\"}}");
        String json = "{\"all\": [" + String.join(", ", conditions) + "], \"sort\": \"-energy,title\"}";
        SmartRules rules = RuleJson.parse(JSON.readTree(json), "", Set.of());
        assertThat(rules.conditions()).hasSize(122);

        var compiled = RuleTranslator.compile(
                rules,
                new RuleTranslator.Context(user, clock.instant(), "s", Set.of()),
                SmartPlaylistEvaluator.MAX_TRACKS);
        assertThat(compiled.sql().split("from catalog_track_artists ta", -1))
                .hasSize(3); // the anti-join and the first-artist join, no more
        SmartPlaylistRepository repository = new SmartPlaylistRepository(jdbc);
        long[] nanos = new long[12];
        int size = 0;
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            size = repository.evaluate(compiled).size();
            nanos[i] = System.nanoTime() - start;
        }
        long expected = jdbc.sql("""
                        select count(*) from tracks t join audio_features af on af.track_id = t.id
                        where af.energy > 0.3 and strpos(lower(t.title), 'remix') = 0
                          and not exists (select 1 from track_artists ta join artists a on a.id = ta.artist_id
                                          where ta.track_id = t.id and lower(a.name) = any(:names::text[]))""")
                .param(
                        "names",
                        artists.stream().map(a -> a.toLowerCase(Locale.ROOT)).toArray(String[]::new))
                .query(Long.class)
                .single();
        assertThat((long) size).isEqualTo(expected);
        long tracks = jdbc.sql("select count(*) from tracks").query(Long.class).single();
        long[] warm = Arrays.copyOfRange(nanos, 2, nanos.length);
        Arrays.sort(warm);
        System.out.printf(
                "SMART-PLAYLIST-SCALE: 122 rules over %d tracks -> %d tracks, median %.1f ms, max %.1f ms%n",
                tracks, size, warm[warm.length / 2] / 1e6, warm[warm.length - 1] / 1e6);
    }
}
