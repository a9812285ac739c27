package io.refrain.bench.crash;

import io.refrain.bench.crash.Ledger.Entry;
import io.refrain.bench.crash.Ledger.ListenKey;
import io.refrain.bench.crash.Ledger.Outcome;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Compares the database after a restart with the ledger. Reads the tables themselves, not their
 * indexes (index scans are switched off), so an index that lost or doubled rows in the crash
 * cannot hide what the heap holds.
 * <ul>
 * <li>listens: every acknowledged one present, none twice, none the writers never sent;</li>
 * <li>playlists: every acknowledged playlist there, every acknowledged added entry there (with its
 *     track) unless an acknowledged remove took it, no acknowledged removed entry back, no more
 *     entries or playlists of unknown origin than unanswered requests could have made;</li>
 * <li>statistics: listen_totals, listen_stats_tracks/_artists/_albums/_genres, listen_days,
 *     listen_months and listen_hours of the run's users equal, row for row, an aggregation of their
 *     listens with the definitions of {@code io.refrain.history.ListenStatsRebuild} (plays, skips,
 *     {@code coalesce(ms_played, track duration, 0)}, first and last play; main and featured
 *     artists; UTC days, months, hours); and each playlist's track_count equals its entries.</li>
 * </ul>
 */
final class Verifier {

    /** What one check found; {@code mismatches} lists the statistics tables that differ, with their differing rows. */
    record Findings(
            long listensAcknowledged,
            long listensLost,
            long listensDuplicated,
            long listensUnexpected,
            long listensUnknownPresent,
            long listensUnknownAbsent,
            long playlistWritesAcknowledged,
            long playlistWritesLost,
            long playlistUnexpected,
            Map<String, Long> mismatches) {

        long statsMismatches() {
            return mismatches.values().stream().mapToLong(Long::longValue).sum();
        }

        boolean clean() {
            return listensLost == 0
                    && listensDuplicated == 0
                    && listensUnexpected == 0
                    && playlistWritesLost == 0
                    && playlistUnexpected == 0
                    && statsMismatches() == 0;
        }
    }

    private static final String PLAYED = """
            (select l.user_id, l.listened_at, l.track_id, l.skipped, t.album_id,
                    coalesce(l.ms_played, t.duration_ms, 0)::bigint as ms, l.listened_at at time zone 'UTC' as utc
             from listens l join tracks t on t.id = l.track_id where l.user_id = any(?)) p""";

    /** Each statistics table: what the write path maintained, and the recomputation it must equal. */
    private static final Map<String, String[]> STATS = new LinkedHashMap<>();

    static {
        STATS.put("listen_totals", new String[] {
            "select user_id, plays, ms_played, first_played_at, last_played_at from listen_totals where user_id = any(?)",
            "select user_id, count(*), sum(ms), min(listened_at), max(listened_at) from " + PLAYED + " group by user_id"
        });
        STATS.put("listen_stats_tracks", new String[] {
            "select user_id, track_id, plays, skips, ms_played, first_played_at, last_played_at from listen_stats_tracks where user_id = any(?)",
            "select user_id, track_id, count(*), count(*) filter (where skipped), sum(ms), min(listened_at), max(listened_at) from "
                    + PLAYED + " group by user_id, track_id"
        });
        STATS.put("listen_stats_artists", new String[] {
            "select user_id, artist_id, plays, skips, ms_played, first_played_at, last_played_at from listen_stats_artists where user_id = any(?)",
            "select user_id, ta.artist_id, count(*), count(*) filter (where skipped), sum(ms), min(listened_at), max(listened_at) from "
                    + PLAYED
                    + " join track_artists ta on ta.track_id = p.track_id and ta.role in ('main', 'featured') group by user_id, ta.artist_id"
        });
        STATS.put("listen_stats_albums", new String[] {
            "select user_id, album_id, plays, skips, ms_played, first_played_at, last_played_at from listen_stats_albums where user_id = any(?)",
            "select user_id, album_id, count(*), count(*) filter (where skipped), sum(ms), min(listened_at), max(listened_at) from "
                    + PLAYED + " where album_id is not null group by user_id, album_id"
        });
        STATS.put("listen_stats_genres", new String[] {
            "select user_id, genre_id, plays, skips, ms_played, first_played_at, last_played_at from listen_stats_genres where user_id = any(?)",
            "select user_id, tg.genre_id, count(*), count(*) filter (where skipped), sum(ms), min(listened_at), max(listened_at) from "
                    + PLAYED + " join track_genres tg on tg.track_id = p.track_id group by user_id, tg.genre_id"
        });
        STATS.put("listen_days", new String[] {
            "select user_id, day, track_id, plays, ms_played from listen_days where user_id = any(?)",
            "select user_id, utc::date, track_id, count(*), sum(ms) from " + PLAYED + " group by 1, 2, 3"
        });
        STATS.put("listen_months", new String[] {
            "select user_id, month, track_id, plays, ms_played from listen_months where user_id = any(?)",
            "select user_id, date_trunc('month', utc)::date, track_id, count(*), sum(ms) from " + PLAYED
                    + " group by 1, 2, 3"
        });
        STATS.put("listen_hours", new String[] {
            "select user_id, day, hour, plays, ms_played from listen_hours where user_id = any(?)",
            "select user_id, utc::date, extract(hour from utc)::smallint, count(*), sum(ms) from " + PLAYED
                    + " group by 1, 2, 3"
        });
    }

    private Verifier() {}

    static Findings check(String jdbcUrl, Ledger ledger) throws SQLException {
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            db.setAutoCommit(false);
            db.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ); // one snapshot for every check
            try (Statement s = db.createStatement()) {
                s.execute("set local enable_indexscan = off");
                s.execute("set local enable_indexonlyscan = off");
                s.execute("set local enable_bitmapscan = off");
            }
            UUID[] users = ledger.users.toArray(UUID[]::new);
            Findings findings = compare(db, users, ledger);
            db.rollback();
            return findings;
        }
    }

    private static Findings compare(Connection db, UUID[] users, Ledger ledger) throws SQLException {
        Map<ListenKey, Integer> stored = new HashMap<>();
        try (PreparedStatement q = db.prepareStatement(
                "select user_id, extract(epoch from listened_at)::bigint, track_id from listens where user_id = any(?)")) {
            q.setArray(1, db.createArrayOf("uuid", users));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    stored.merge(
                            new ListenKey(rs.getObject(1, UUID.class), rs.getLong(2), rs.getLong(3)), 1, Integer::sum);
                }
            }
        }
        long acknowledged = 0, lost = 0, unknownPresent = 0, unknownAbsent = 0;
        for (var e : ledger.listens.entrySet()) {
            boolean present = stored.containsKey(e.getKey());
            if (e.getValue() == Outcome.ACKNOWLEDGED) {
                acknowledged++;
                lost += present ? 0 : 1;
            } else if (present) {
                unknownPresent++;
            } else {
                unknownAbsent++;
            }
        }
        long duplicated = stored.values().stream()
                .filter(c -> c > 1)
                .mapToLong(c -> c - 1)
                .sum();
        long unexpected = stored.keySet().stream()
                .filter(k -> !ledger.listens.containsKey(k))
                .count();

        long[] playlistChecks = playlists(db, users, ledger);
        Map<String, Long> mismatches = new LinkedHashMap<>();
        for (var table : STATS.entrySet()) {
            long differing = differences(db, users, table.getValue()[0], table.getValue()[1]);
            if (differing > 0) {
                mismatches.put(table.getKey(), differing);
            }
        }
        long counts = single(db, users, """
                select count(*) from playlists p where p.user_id = any(?)
                and p.track_count <> (select count(*) from playlist_entries e where e.user_id = p.user_id and e.playlist_id = p.id)""");
        if (counts > 0) {
            mismatches.put("playlists.track_count", counts);
        }
        return new Findings(
                acknowledged,
                lost,
                duplicated,
                unexpected,
                unknownPresent,
                unknownAbsent,
                playlistChecks[0],
                playlistChecks[1],
                playlistChecks[2],
                mismatches);
    }

    /** {acknowledged playlist writes, of those lost or undone, playlists and entries nobody could have made}. */
    private static long[] playlists(Connection db, UUID[] users, Ledger ledger) throws SQLException {
        Map<UUID, UUID> storedPlaylists = new HashMap<>();
        try (PreparedStatement q = db.prepareStatement("select id, user_id from playlists where user_id = any(?)")) {
            q.setArray(1, db.createArrayOf("uuid", users));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    storedPlaylists.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
                }
            }
        }
        Map<Long, long[]> storedEntries = new HashMap<>(); // entry → {track id}
        Map<Long, UUID> entryPlaylist = new HashMap<>();
        try (PreparedStatement q =
                db.prepareStatement("select id, playlist_id, track_id from playlist_entries where user_id = any(?)")) {
            q.setArray(1, db.createArrayOf("uuid", users));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    storedEntries.put(rs.getLong(1), new long[] {rs.getLong(3)});
                    entryPlaylist.put(rs.getLong(1), rs.getObject(2, UUID.class));
                }
            }
        }
        long acknowledged = 0, lost = 0, unexpected = 0;
        for (var p : ledger.playlists.entrySet()) {
            acknowledged++;
            lost += storedPlaylists.containsKey(p.getKey()) ? 0 : 1;
        }
        Map<UUID, Long> unknownPlaylists = new HashMap<>();
        storedPlaylists.forEach((id, owner) -> {
            if (!ledger.playlists.containsKey(id)) {
                unknownPlaylists.merge(owner, 1L, Long::sum);
            }
        });
        for (var u : unknownPlaylists.entrySet()) {
            long possible = ledger.unknownCreates
                    .getOrDefault(u.getKey(), new AtomicLong())
                    .get();
            unexpected += Math.max(0, u.getValue() - possible);
        }
        for (var e : ledger.entries.entrySet()) {
            Entry entry = e.getValue();
            long[] row = storedEntries.get(e.getKey());
            acknowledged++; // the add
            if (entry.removal == null) {
                boolean right =
                        row != null && row[0] == entry.trackId && entry.playlist.equals(entryPlaylist.get(e.getKey()));
                lost += right ? 0 : 1;
            } else if (entry.removal == Outcome.ACKNOWLEDGED) {
                acknowledged++; // the remove
                lost += row == null ? 0 : 1; // an acknowledged remove undone
            }
        }
        Map<UUID, Long> unknownEntries = new HashMap<>();
        entryPlaylist.forEach((id, playlist) -> {
            if (!ledger.entries.containsKey(id)) {
                unknownEntries.merge(playlist, 1L, Long::sum);
            }
        });
        for (var u : unknownEntries.entrySet()) {
            long possible = ledger.unknownAddedTracks
                    .getOrDefault(u.getKey(), new AtomicLong())
                    .get();
            unexpected += Math.max(0, u.getValue() - possible);
        }
        return new long[] {acknowledged, lost, unexpected};
    }

    private static long differences(Connection db, UUID[] users, String maintained, String recomputed)
            throws SQLException {
        String sql = "select count(*) from ((" + maintained + " except all " + recomputed + ") union all (" + recomputed
                + " except all " + maintained + ")) d";
        try (PreparedStatement q = db.prepareStatement(sql)) {
            for (int i = 1; i <= 4; i++) {
                q.setArray(i, db.createArrayOf("uuid", users));
            }
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long single(Connection db, UUID[] users, String sql) throws SQLException {
        try (PreparedStatement q = db.prepareStatement(sql)) {
            q.setArray(1, db.createArrayOf("uuid", users));
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
