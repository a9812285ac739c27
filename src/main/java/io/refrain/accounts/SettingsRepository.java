package io.refrain.accounts;

import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** One settings row per user, columns with CHECK constraints mirroring {@link Settings}. */
@Repository
class SettingsRepository {

    private final JdbcClient jdbc;

    SettingsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertDefaults(UUID userId, Instant now) {
        jdbc.sql("insert into user_settings (user_id, updated_at) values (:id, :now) on conflict do nothing")
                .param("id", userId)
                .param("now", UserRepository.ts(now))
                .update();
    }

    Settings find(UUID userId) {
        return jdbc.sql("""
                        select language, theme, explicit_content, audio_quality, private_session, autoplay,
                               crossfade_seconds, normalize_volume, timezone
                        from user_settings where user_id = :id""")
                .param("id", userId)
                .query(Settings.class)
                .optional()
                .orElseGet(Settings::defaults);
    }

    void save(UUID userId, Settings s, Instant now) {
        jdbc.sql("""
                        insert into user_settings (user_id, language, theme, explicit_content, audio_quality, private_session,
                                                   autoplay, crossfade_seconds, normalize_volume, timezone, updated_at)
                        values (:id, :language, :theme, :explicit, :quality, :private, :autoplay, :crossfade, :normalize,
                                :timezone, :now)
                        on conflict (user_id) do update set
                            language = excluded.language, theme = excluded.theme,
                            explicit_content = excluded.explicit_content, audio_quality = excluded.audio_quality,
                            private_session = excluded.private_session, autoplay = excluded.autoplay,
                            crossfade_seconds = excluded.crossfade_seconds, normalize_volume = excluded.normalize_volume,
                            timezone = excluded.timezone, updated_at = excluded.updated_at""")
                .param("id", userId)
                .param("language", s.language())
                .param("theme", s.theme())
                .param("explicit", s.explicitContent())
                .param("quality", s.audioQuality())
                .param("private", s.privateSession())
                .param("autoplay", s.autoplay())
                .param("crossfade", s.crossfadeSeconds())
                .param("normalize", s.normalizeVolume())
                .param("timezone", s.timezone())
                .param("now", UserRepository.ts(now))
                .update();
    }
}
