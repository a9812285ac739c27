package io.refrain.playlists.smart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** spreadArtists: a permutation in which a repeat only happens when every track left has that artist. */
class SmartArtistSpreadingTest {

    @Property(seed = "20261203")
    void spreadsWhereverPossible(@ForAll @Size(max = 40) List<@IntRange(min = 0, max = 4) Integer> artists) {
        List<SmartPlaylistRepository.Match> input = new ArrayList<>();
        for (int i = 0; i < artists.size(); i++) {
            input.add(new SmartPlaylistRepository.Match(
                    i, artists.get(i) == 0 ? null : (long) artists.get(i), artists.size()));
        }
        var out = ArtistSpreading.spread(input);
        assertThat(out).containsExactlyInAnyOrderElementsOf(input);
        for (int i = 0; i + 1 < out.size(); i++) {
            Long artist = out.get(i).artist();
            if (artist != null && Objects.equals(artist, out.get(i + 1).artist())) {
                assertThat(out.subList(i + 1, out.size())).allMatch(m -> artist.equals(m.artist()));
            }
        }
    }
}
