package io.refrain.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DurabilitySettingsTest {

    @Test
    void everyFlushingSynchronousCommitIsSafe() {
        for (String value : new String[] {"on", "local", "remote_write", "remote_apply"}) {
            assertThat(new DurabilitySettings("on", value, "on").safe())
                    .as(value)
                    .isTrue();
        }
    }

    @Test
    void eachSettingThatGivesDurabilityAwayIsNamedWithItsValue() {
        assertThat(new DurabilitySettings("off", "off", "off").unsafe())
                .containsEntry("fsync", "off")
                .containsEntry("synchronous_commit", "off")
                .containsEntry("full_page_writes", "off");
        assertThat(new DurabilitySettings("on", "off", "on").unsafe()).containsOnlyKeys("synchronous_commit");
        assertThat(new DurabilitySettings(null, null, null).unsafe())
                .as("unreadable counts as unsafe")
                .hasSize(3);
    }
}
