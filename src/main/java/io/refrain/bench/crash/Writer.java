package io.refrain.bench.crash;

import io.refrain.bench.crash.Ledger.ListenKey;
import io.refrain.bench.crash.Ledger.Outcome;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One account's writes, as fast as the server answers: single listens, batches of 2–50 listens
 * and playlist edits (create, add 1–5 tracks, remove 1–3 entries). Every answer is booked in the
 * ledger; a request that gets no answer (the kill) is booked as unknown, and the writer stops
 * until the next round. Its listens are played one second apart, starting 30 days ago, so every
 * listen is distinct and they cross a month boundary (a partition) within a run.
 */
final class Writer implements Runnable {

    record Account(UUID id, String token) {}

    /** A listen request without an answer, kept to be sent again after the restart. */
    record Pending(Account account, ObjectNode body, List<ListenKey> keys) {}

    /** What happened in the current round. */
    static final class Counts {
        final AtomicLong listens = new AtomicLong();
        final AtomicLong listenRequests = new AtomicLong();
        final AtomicLong playlistEdits = new AtomicLong();
        final AtomicLong unanswered = new AtomicLong();
        final AtomicLong resentAlreadyStored = new AtomicLong(); // listens of resent requests the server already had
        final Map<Integer, AtomicLong> refused = new ConcurrentHashMap<>(); // status → count of non-2xx answers
    }

    private static final int MAX_ENTRIES = 300;

    private final Account account;
    private final Http http;
    private final Ledger ledger;
    private final List<Long> tracks;
    private final Random random;
    private final List<UUID> playlists = new ArrayList<>();
    private final Map<UUID, List<Long>> liveEntries = new ConcurrentHashMap<>();
    private long nextSecond;

    private volatile AtomicBoolean stop;
    private volatile Counts counts;
    private final List<Pending> pending = new ArrayList<>();

    Writer(Account account, Http http, Ledger ledger, List<Long> tracks, long seed, Instant start) {
        this.account = account;
        this.http = http;
        this.ledger = ledger;
        this.tracks = tracks;
        this.random = new Random(seed);
        this.nextSecond = start.getEpochSecond();
    }

    /** Prepares the next round; {@link #run} then writes until the server stops answering or {@code stop} is set. */
    void round(AtomicBoolean stop, Counts counts) {
        this.stop = stop;
        this.counts = counts;
    }

    @Override
    public void run() {
        try {
            while (!stop.get()) {
                double choice = random.nextDouble();
                boolean answered;
                if (choice < 0.45) {
                    answered = listens(1);
                } else if (choice < 0.70) {
                    answered = listens(2 + random.nextInt(49));
                } else {
                    answered = playlistEdit();
                }
                if (!answered) {
                    return; // the server is gone; the next round starts after the restart
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean listens(int n) throws InterruptedException {
        ArrayNode items = Http.JSON.createArrayNode();
        List<ListenKey> keys = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long second = nextSecond++;
            long track = tracks.get(random.nextInt(tracks.size()));
            ObjectNode listen = items.addObject();
            listen.put("listenedAt", Instant.ofEpochSecond(second).toString());
            listen.putObject("track").put("id", track);
            if (random.nextInt(4) > 0) {
                listen.put("msPlayed", 1_000 + random.nextInt(400_000)); // else the track's duration counts
            }
            if (random.nextInt(10) == 0) {
                listen.put("skipped", true);
            }
            keys.add(new ListenKey(account.id(), second, track));
        }
        ObjectNode body = n == 1 ? (ObjectNode) items.get(0) : batch(items);
        return submit(new Pending(account, body, keys), false);
    }

    private static ObjectNode batch(ArrayNode items) {
        ObjectNode body = Http.JSON.createObjectNode();
        body.set("listens", items);
        return body;
    }

    /** Sends one listen request; books its listens; false when no answer came (then it waits in {@link #pending}). */
    private boolean submit(Pending request, boolean retry) throws InterruptedException {
        Http.Answer answer;
        try {
            answer = http.post("/api/v1/me/listens", request.account().token(), request.body());
        } catch (IOException e) {
            counts.unanswered.incrementAndGet();
            if (!retry) {
                request.keys().forEach(k -> ledger.listen(k, Outcome.UNKNOWN));
                synchronized (pending) {
                    pending.add(request);
                }
            }
            return false;
        }
        if (!answer.ok()) {
            refused(answer);
            if (!retry) {
                request.keys().forEach(k -> ledger.listen(k, Outcome.UNKNOWN)); // an error answer promises nothing
            }
            return true;
        }
        request.keys().forEach(k -> ledger.listen(k, Outcome.ACKNOWLEDGED));
        if (retry) {
            // committed before the kill, answer lost with it: the resend must find it, not add it again
            counts.resentAlreadyStored.addAndGet(
                    request.keys().size() - answer.body().path("added").asLong());
        }
        counts.listens.addAndGet(request.keys().size());
        counts.listenRequests.incrementAndGet();
        return true;
    }

    /**
     * After the restart: sends again every listen request that got no answer, as a client would
     * (they are idempotent); returns how many were acknowledged this time.
     */
    int retryUnanswered(Counts roundCounts) throws InterruptedException {
        this.counts = roundCounts;
        List<Pending> again;
        synchronized (pending) {
            again = new ArrayList<>(pending);
            pending.clear();
        }
        int acknowledged = 0;
        for (Pending request : again) {
            long before = roundCounts.listenRequests.get();
            if (!submit(request, true)) {
                synchronized (pending) {
                    pending.add(request);
                }
            } else if (roundCounts.listenRequests.get() > before) {
                acknowledged++;
            }
        }
        return acknowledged;
    }

    private boolean playlistEdit() throws InterruptedException {
        if (playlists.isEmpty() || (playlists.size() < 5 && random.nextInt(20) == 0)) {
            return createPlaylist();
        }
        UUID playlist = playlists.get(random.nextInt(playlists.size()));
        List<Long> live = liveEntries.get(playlist);
        if (!live.isEmpty() && (live.size() >= MAX_ENTRIES || random.nextInt(3) == 0)) {
            return removeEntries(playlist, live);
        }
        return addTracks(playlist);
    }

    private boolean createPlaylist() throws InterruptedException {
        ObjectNode body = Http.JSON.createObjectNode().put("name", "crash " + playlists.size());
        Http.Answer answer;
        try {
            answer = http.post("/api/v1/playlists", account.token(), body);
        } catch (IOException e) {
            counts.unanswered.incrementAndGet();
            ledger.playlistCreateUnknown(account.id());
            return false;
        }
        if (!answer.ok()) {
            refused(answer);
            ledger.playlistCreateUnknown(account.id());
            return true;
        }
        UUID id = UUID.fromString(answer.body().get("id").asString());
        ledger.playlistCreated(account.id(), id);
        playlists.add(id);
        liveEntries.put(id, new ArrayList<>());
        counts.playlistEdits.incrementAndGet();
        return true;
    }

    private boolean addTracks(UUID playlist) throws InterruptedException {
        int n = 1 + random.nextInt(5);
        List<Long> added = new ArrayList<>(n);
        ObjectNode body = Http.JSON.createObjectNode();
        ArrayNode ids = body.putArray("trackIds");
        for (int i = 0; i < n; i++) {
            long track = tracks.get(random.nextInt(tracks.size()));
            added.add(track);
            ids.add(track);
        }
        Http.Answer answer;
        try {
            answer = http.post("/api/v1/playlists/" + playlist + "/tracks", account.token(), body);
        } catch (IOException e) {
            counts.unanswered.incrementAndGet();
            ledger.addUnknown(playlist, n);
            return false;
        }
        if (!answer.ok()) {
            refused(answer);
            ledger.addUnknown(playlist, n);
            return true;
        }
        JsonNode entryIds = answer.body().get("entryIds");
        for (int i = 0; i < entryIds.size(); i++) {
            long entry = entryIds.get(i).asLong();
            ledger.added(playlist, entry, added.get(i));
            liveEntries.get(playlist).add(entry);
        }
        counts.playlistEdits.incrementAndGet();
        return true;
    }

    private boolean removeEntries(UUID playlist, List<Long> live) throws InterruptedException {
        int n = Math.min(live.size(), 1 + random.nextInt(3));
        List<Long> gone = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            gone.add(live.remove(random.nextInt(live.size()))); // whatever the answer, never removed twice
        }
        ObjectNode body = Http.JSON.createObjectNode();
        ArrayNode ids = body.putArray("entryIds");
        gone.forEach(ids::add);
        Http.Answer answer;
        try {
            answer = http.post("/api/v1/playlists/" + playlist + "/tracks/remove", account.token(), body);
        } catch (IOException e) {
            counts.unanswered.incrementAndGet();
            gone.forEach(entry -> ledger.removed(entry, Outcome.UNKNOWN));
            return false;
        }
        if (!answer.ok()) {
            // a refused remove removes nothing (a 409 names entries that are not there: lost ones)
            refused(answer);
            return true;
        }
        gone.forEach(entry -> ledger.removed(entry, Outcome.ACKNOWLEDGED));
        counts.playlistEdits.incrementAndGet();
        return true;
    }

    private void refused(Http.Answer answer) {
        counts.refused.computeIfAbsent(answer.status(), s -> new AtomicLong()).incrementAndGet();
        if (counts.refused.values().stream().mapToLong(AtomicLong::get).sum() <= 3) {
            System.err.println("crash: the server answered " + answer.status() + ": " + answer.body());
        }
    }
}
