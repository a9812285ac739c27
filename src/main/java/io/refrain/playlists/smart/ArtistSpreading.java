package io.refrain.playlists.smart;

import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.Objects;

/**
 * "No two tracks by the same artist back to back": a greedy pass that keeps the rule order as far
 * as possible, pulling forward the next track by another artist when the next one would repeat.
 * When only one artist is left the rest stay as they are (spreading is best effort).
 */
final class ArtistSpreading {

    private ArtistSpreading() {}

    static List<SmartPlaylistRepository.Match> spread(List<SmartPlaylistRepository.Match> ordered) {
        LinkedList<SmartPlaylistRepository.Match> rest = new LinkedList<>(ordered);
        List<SmartPlaylistRepository.Match> out = new ArrayList<>(ordered.size());
        Long previous = null;
        while (!rest.isEmpty()) {
            var it = rest.listIterator();
            SmartPlaylistRepository.Match pick = null;
            while (it.hasNext()) {
                var candidate = it.next();
                if (previous == null || candidate.artist() == null || !Objects.equals(candidate.artist(), previous)) {
                    pick = candidate;
                    it.remove();
                    break;
                }
            }
            if (pick == null) {
                pick = rest.removeFirst();
            }
            out.add(pick);
            previous = pick.artist();
        }
        return out;
    }
}
