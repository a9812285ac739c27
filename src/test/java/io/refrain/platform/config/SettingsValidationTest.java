package io.refrain.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.refrain.accounts.AccountsProperties;
import io.refrain.assistant.AssistantProperties;
import io.refrain.catalog.CatalogProperties;
import io.refrain.history.HistoryProperties;
import io.refrain.notifications.NotificationsProperties;
import io.refrain.playlists.PlaylistsProperties;
import io.refrain.recommend.RecommendProperties;
import io.refrain.timers.TimersProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * The settings records against the real {@code application.yml}: its defaults bind and pass
 * validation, and a bad value or an unknown {@code refrain.*} key stops the start and names the
 * key. Only the records and the check, no database.
 */
class SettingsValidationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({
        RefrainProperties.class,
        AccountsProperties.class,
        CatalogProperties.class,
        HistoryProperties.class,
        RecommendProperties.class,
        PlaylistsProperties.class,
        AssistantProperties.class,
        TimersProperties.class,
        NotificationsProperties.class
    })
    static class AllSettings {}

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withUserConfiguration(AllSettings.class)
            .withBean(UnknownSettingsCheck.class);

    @Test
    void theDefaultsOfApplicationYmlBindAndAreValid() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(AccountsProperties.class).cleanupCron()).isEqualTo("0 5 * * * *");
            assertThat(context.getBean(HistoryProperties.class).importing().interruptedCheckCron())
                    .isEqualTo("0 * * * * *");
            assertThat(context.getBean(CatalogProperties.class).musicbrainz().baseUrl())
                    .isEqualTo("https://musicbrainz.org/ws/2");
            assertThat(context.getBean(RefrainProperties.class).cli()).isFalse();
        });
    }

    @Test
    void aBadCronStopsTheStartAndNamesTheKey() {
        runner.withPropertyValues("refrain.catalog.cleanup-cron=every night").run(context -> {
            assertThat(context).hasFailed();
            assertThat(messages(context.getStartupFailure()))
                    .contains("refrain.catalog.cleanup-cron")
                    .contains("must be a Spring cron expression");
        });
    }

    @Test
    void aValueOutOfRangeStopsTheStartAndNamesTheKey() {
        runner.withPropertyValues("refrain.history.archive.retention-months=-1").run(context -> {
            assertThat(context).hasFailed();
            // as Spring Boot's start-up report shows it: "Property: refrain.history.archive.retentionMonths"
            assertThat(messages(context.getStartupFailure()))
                    .contains("'refrain.history'")
                    .contains("'archive.retentionMonths': rejected value [-1]")
                    .contains("must be greater than or equal to 0");
        });
    }

    @Test
    void anUnknownKeyStopsTheStartAndNamesItsKnownSiblings() {
        runner.withPropertyValues("refrain.security.jwt-secert=x").run(context -> {
            assertThat(context).hasFailed();
            Throwable failure = context.getStartupFailure();
            assertThat(failure)
                    .isInstanceOf(StartupException.class)
                    .hasMessageContaining("Unknown setting refrain.security.jwt-secert");
            assertThat(((StartupException) failure).action()).contains("refrain.security.jwt-secret");
        });
    }

    @Test
    void relaxedFormsOfKnownKeysAreAccepted() {
        runner.withPropertyValues("refrain.http.maxInFlight=3", "refrain.accounts.rate-limit.per_address_per_minute=7")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(RefrainProperties.class).http().maxInFlight())
                            .isEqualTo(3);
                });
    }

    /** The messages of the failure and its causes, with the field errors of a failed validation. */
    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
            if (t instanceof BindValidationException e) {
                all.append(e.getValidationErrors().getName()).append('\n');
                e.getValidationErrors().forEach(error -> all.append(error).append('\n'));
            }
        }
        return all.toString();
    }
}
