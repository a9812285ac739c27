package io.refrain.bench.crash;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the writers know about the server's state: every write acknowledged (a 2xx received) and
 * every write whose answer never came (in flight at the kill: it may be stored or not, but not
 * twice). Each is also appended to the journal file as it happens, one tab-separated line, so a
 * failed run can be examined afterwards.
 */
final class Ledger implements AutoCloseable {

    /** A listen, as the server identifies it: the user, the second it was played, the track. */
    record ListenKey(UUID user, long epochSecond, long trackId) {}

    enum Outcome {
        ACKNOWLEDGED,
        UNKNOWN
    }

    /** One playlist entry the server reported adding; {@code removal} says what became of a remove of it. */
    static final class Entry {
        final UUID playlist;
        final long trackId;
        volatile Outcome removal; // null: never removed

        Entry(UUID playlist, long trackId) {
            this.playlist = playlist;
            this.trackId = trackId;
        }
    }

    final Map<ListenKey, Outcome> listens = new ConcurrentHashMap<>();
    final Map<UUID, UUID> playlists = new ConcurrentHashMap<>(); // acknowledged playlist → owner
    final Map<UUID, AtomicLong> unknownCreates = new ConcurrentHashMap<>(); // owner → creates without an answer
    final Map<Long, Entry> entries = new ConcurrentHashMap<>();
    final Map<UUID, AtomicLong> unknownAddedTracks =
            new ConcurrentHashMap<>(); // playlist → tracks in adds without an answer
    final Set<UUID> users = ConcurrentHashMap.newKeySet();

    private final BufferedWriter journal;

    Ledger(Path journalFile) throws IOException {
        Files.createDirectories(journalFile.getParent());
        this.journal = Files.newBufferedWriter(
                journalFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    void listen(ListenKey key, Outcome outcome) {
        // an unanswered listen retried and acknowledged later becomes acknowledged; never the other way
        listens.merge(key, outcome, (old, now) -> old == Outcome.ACKNOWLEDGED ? old : now);
        log(outcome, "listen", key.user(), key.epochSecond(), key.trackId());
    }

    void playlistCreated(UUID owner, UUID playlist) {
        playlists.put(playlist, owner);
        log(Outcome.ACKNOWLEDGED, "playlist", owner, playlist);
    }

    void playlistCreateUnknown(UUID owner) {
        unknownCreates.computeIfAbsent(owner, k -> new AtomicLong()).incrementAndGet();
        log(Outcome.UNKNOWN, "playlist", owner);
    }

    void added(UUID playlist, long entryId, long trackId) {
        entries.put(entryId, new Entry(playlist, trackId));
        log(Outcome.ACKNOWLEDGED, "add", playlist, entryId, trackId);
    }

    void addUnknown(UUID playlist, int tracks) {
        unknownAddedTracks.computeIfAbsent(playlist, k -> new AtomicLong()).addAndGet(tracks);
        log(Outcome.UNKNOWN, "add", playlist, tracks);
    }

    void removed(long entryId, Outcome outcome) {
        entries.get(entryId).removal = outcome;
        log(outcome, "remove", entries.get(entryId).playlist, entryId);
    }

    void note(String text) {
        write("# " + text);
    }

    private void log(Outcome outcome, String what, Object... fields) {
        StringBuilder line = new StringBuilder(outcome == Outcome.ACKNOWLEDGED ? "ack" : "unknown")
                .append('\t')
                .append(what);
        for (Object field : fields) {
            line.append('\t').append(field);
        }
        write(line.toString());
    }

    private void write(String line) {
        synchronized (journal) {
            try {
                journal.write(line);
                journal.newLine();
                journal.flush(); // this process is never the one killed: the OS keeps what it was given
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void close() throws IOException {
        synchronized (journal) {
            journal.close();
        }
    }
}
