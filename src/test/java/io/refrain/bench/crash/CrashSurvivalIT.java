package io.refrain.bench.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The short variant of {@code refrain bench crash}: one round of three writers for a few seconds,
 * then the server (a child JVM started from this build's classes) and every PostgreSQL process
 * of its data directory get SIGKILL, the server starts again, and nothing acknowledged may be
 * missing or doubled, with statistics equal to a recomputation from the listens. The test JVM
 * itself is never killed.
 */
class CrashSurvivalIT {

    @TempDir
    Path dataDir;

    @Test
    void acknowledgedWritesSurviveAKillOfTheServerAndItsDatabase() throws Exception {
        assumeTrue(
                killCommandWorks(),
                "the crash test signals processes with the POSIX 'kill' command, which is not here");

        CrashTest.Result result = CrashTest.run(new CrashOptions(1, 3, 4, dataDir, 0, 13, "384m", null), System.out);

        CrashTest.Round round = result.rounds().getFirst();
        assertThat(round.postgresProcessesKilled())
                .as("PostgreSQL processes killed")
                .isPositive();
        Verifier.Findings findings = result.last();
        assertThat(findings.listensAcknowledged()).as("acknowledged listens").isPositive();
        assertThat(findings.playlistWritesAcknowledged())
                .as("acknowledged playlist writes")
                .isPositive();
        assertThat(findings.listensLost()).as("acknowledged listens lost").isZero();
        assertThat(findings.listensDuplicated()).as("listens stored twice").isZero();
        assertThat(findings.listensUnexpected()).as("listens nobody sent").isZero();
        assertThat(findings.playlistWritesLost())
                .as("acknowledged playlist writes lost")
                .isZero();
        assertThat(findings.playlistUnexpected())
                .as("playlist rows no request made")
                .isZero();
        assertThat(findings.mismatches())
                .as("statistics that differ from a recomputation")
                .isEmpty();
        assertThat(result.passed()).isTrue();
    }

    private static boolean killCommandWorks() {
        try {
            Process kill = new ProcessBuilder(
                            "kill", "-0", String.valueOf(ProcessHandle.current().pid()))
                    .redirectErrorStream(true)
                    .start();
            kill.getInputStream().readAllBytes();
            return kill.waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
