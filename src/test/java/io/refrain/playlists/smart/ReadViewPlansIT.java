package io.refrain.playlists.smart;

import static org.assertj.core.api.Assertions.assertThat;

import io.refrain.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The library's and the history's read views (V015) are plain projections that PostgreSQL
 * inlines: a statement of the shape {@link RuleTranslator} writes gets the same plan (the same
 * scans, on the same tables, through the same indexes) over the views as over the tables.
 */
class ReadViewPlansIT extends IntegrationTest {

    private static final String OVER_VIEWS = """
            select t.id from catalog_tracks t
            left join library_saved_tracks st on st.user_id = :user and st.track_id = t.id
            left join library_loved_tracks lt on lt.user_id = :user and lt.track_id = t.id
            left join library_track_ratings tr on tr.user_id = :user and tr.track_id = t.id
            left join history_track_stats ls on ls.user_id = :user and ls.track_id = t.id
            where t.id = any(:ids::bigint[])
              and (st.track_id is not null or lt.track_id is not null or coalesce(tr.rating, 0) > 3 or coalesce(ls.plays, 0) > 0
                   or coalesce((select r.rating from library_album_ratings r where r.user_id = :user and r.album_id = t.album_id), 0) > 1
                   or coalesce((select s.plays from history_album_stats s where s.user_id = :user and s.album_id = t.album_id), 0) > 1
                   or (select s.last_played_at from history_artist_stats s where s.user_id = :user and s.artist_id = t.id) is null
                   or coalesce((select r.rating from library_artist_ratings r where r.user_id = :user and r.artist_id = t.id), 0) > 1
                   or exists (select 1 from library_tagged_tracks tt join library_tags tag on tag.user_id = tt.user_id
                              and tag.id = tt.tag_id where tt.user_id = :user and tt.track_id = t.id and lower(tag.name) = 'x'))""";

    private static final Map<String, String> TABLES = Map.of(
            "library_saved_tracks",
            "saved_tracks",
            "library_loved_tracks",
            "loved_tracks",
            "library_track_ratings",
            "track_ratings",
            "library_album_ratings",
            "album_ratings",
            "library_artist_ratings",
            "artist_ratings",
            "library_tagged_tracks",
            "tagged_tracks",
            "library_tags",
            "tags",
            "history_track_stats",
            "listen_stats_tracks",
            "history_album_stats",
            "listen_stats_albums",
            "history_artist_stats",
            "listen_stats_artists");

    /** Each scan of the plan: its kind, its index (if any) and its table. */
    private static final Pattern SCAN = Pattern.compile(
            "((?:Parallel )?(?:Seq|Index|Index Only|Bitmap Heap|Bitmap Index) Scan)" + "(?: using (\\w+))? on (\\w+)");

    private List<String> scans(String sql, UUID user, Long[] ids) {
        List<String> plan = jdbc.sql("explain (costs off) " + sql)
                .param("user", user)
                .param("ids", ids)
                .query((rs, n) -> rs.getString(1))
                .list();
        List<String> scans = new ArrayList<>();
        for (String line : plan) {
            Matcher m = SCAN.matcher(line);
            while (m.find()) {
                scans.add(m.group(1) + " " + m.group(2) + " " + m.group(3));
            }
        }
        return scans;
    }

    @Test
    void theViewsGiveTheTablesPlans() {
        UUID user = newAccount().id();
        Long[] ids = jdbc.sql("select id from tracks order by id limit 20")
                .query(Long.class)
                .list()
                .toArray(Long[]::new);
        String overTables = OVER_VIEWS;
        for (var view : TABLES.entrySet()) {
            overTables = overTables.replace(" " + view.getKey() + " ", " " + view.getValue() + " ");
        }
        assertThat(overTables).doesNotContain("library_", "history_");

        // the same scans and indexes as over the tables; which ones depends on the tables' sizes
        // at that moment (a small statistics table is rightly read whole), so no particular scan is required
        List<String> viaViews = scans(OVER_VIEWS, user, ids);
        assertThat(viaViews).as("plan over the views").isEqualTo(scans(overTables, user, ids));
    }
}
