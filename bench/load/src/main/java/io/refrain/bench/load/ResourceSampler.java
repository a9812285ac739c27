package io.refrain.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Once a second during a phase: closes the latency interval of {@link Measurements}, and reads
 * what the machine spends — CPU of the whole machine ({@code /proc/stat}), of the server's JVM,
 * of all PostgreSQL processes and of this load generator ({@code /proc/<pid>/stat}), in cores —
 * and the server's heap and GC pauses from its {@code /actuator/prometheus}.
 */
final class ResourceSampler implements AutoCloseable {

    private static final double TICKS_PER_SECOND = 100.0;   // USER_HZ on Linux

    private final Measurements measurements;
    private final String baseUrl;
    private final OptionalLong serverPid;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "resource-sampler");
        t.setDaemon(true);
        return t;
    });
    private final List<Sample> samples = new ArrayList<>();
    private final GcTotals gcAtStart;
    private CpuTicks last;

    ResourceSampler(Measurements measurements, String baseUrl, OptionalLong serverPid) {
        this.measurements = measurements;
        this.baseUrl = baseUrl;
        this.serverPid = serverPid;
        this.last = cpuTicks();
        this.gcAtStart = serverMetrics().gc();
        timer.scheduleAtFixedRate(this::sample, 1, 1, TimeUnit.SECONDS);
    }

    /** What one second cost; CPU in cores (2.0 = both cores of a 2-core machine busy). */
    record Sample(int second, double machineCores, double serverCores, double postgresCores, double loadGeneratorCores,
                  double heapUsedMb, double gcPauseMs) {
    }

    record GcTotals(long count, double seconds, double maxSeconds) {
    }

    record Summary(List<Sample> samples, long gcPauses, double gcPauseTotalMs, double gcPauseMaxMs, double heapMaxMb) {
    }

    private void sample() {
        try {
            if (!measurements.started()) {
                last = cpuTicks();   // Gatling still starting: not part of the phase
                return;
            }
            measurements.closeSecond();
            CpuTicks now = cpuTicks();
            double wall = (now.nanos - last.nanos) / 1e9;
            ServerMetrics server = serverMetrics();
            double gcMs;
            synchronized (samples) {
                double before = samples.isEmpty() ? gcAtStart.seconds() : lastGcSeconds;
                gcMs = Math.max(0, (server.gc().seconds() - before) * 1000);
                lastGcSeconds = server.gc().seconds();
                gcMaxSeen = Math.max(gcMaxSeen, server.gc().maxSeconds());
                samples.add(new Sample(samples.size(), cores(now.machineBusy - last.machineBusy, wall),
                        cores(now.server - last.server, wall), cores(now.postgresSince(last), wall),
                        cores(now.self - last.self, wall), server.heapUsedBytes() / 1048576.0, gcMs));
            }
            last = now;
        } catch (RuntimeException e) {
            // a missed sample is a gap in the chart, never a failed run
        }
    }

    private double lastGcSeconds;
    /** Micrometer's max is over a sliding window, so the largest one seen during the phase. */
    private double gcMaxSeen;

    private static double cores(long ticks, double wallSeconds) {
        return wallSeconds <= 0 ? 0 : ticks / TICKS_PER_SECOND / wallSeconds;
    }

    Summary summary() {
        timer.shutdownNow();
        GcTotals end = serverMetrics().gc();
        synchronized (samples) {
            double heapMax = samples.stream().mapToDouble(Sample::heapUsedMb).max().orElse(0);
            return new Summary(List.copyOf(samples), end.count() - gcAtStart.count(),
                    (end.seconds() - gcAtStart.seconds()) * 1000, Math.max(gcMaxSeen, end.maxSeconds()) * 1000, heapMax);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** {@code postgres}: ticks per PostgreSQL process, so processes that end do not count negative. */
    private record CpuTicks(long nanos, long machineBusy, long server, java.util.Map<Long, Long> postgres, long self) {

        long postgresSince(CpuTicks before) {
            long sum = 0;
            for (var e : postgres.entrySet()) {
                sum += Math.max(0, e.getValue() - before.postgres.getOrDefault(e.getKey(), 0L));
            }
            return sum;
        }
    }

    private CpuTicks cpuTicks() {
        java.util.Map<Long, Long> postgres = new java.util.HashMap<>();
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path p : procs) {
                String stat = readStat(p);
                if (stat != null && stat.contains("(postgres)")) {
                    postgres.put(Long.parseLong(p.getFileName().toString()), processTicks(stat));
                }
            }
        } catch (IOException e) {
            postgres.clear();
        }
        long server = serverPid.isPresent() ? processTicks(readStat(Path.of("/proc", String.valueOf(serverPid.getAsLong())))) : 0;
        long self = processTicks(readStat(Path.of("/proc", String.valueOf(ProcessHandle.current().pid()))));
        return new CpuTicks(System.nanoTime(), machineBusyTicks(), server, postgres, self);
    }

    private static String readStat(Path procDir) {
        try {
            return Files.readString(procDir.resolve("stat"));
        } catch (IOException e) {
            return null;   // the process ended between listing and reading
        }
    }

    /** utime + stime of a /proc/<pid>/stat line (fields 14 and 15, counted after the command). */
    private static long processTicks(String stat) {
        if (stat == null) {
            return 0;
        }
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /** All CPU ticks of the machine but idle and iowait. */
    private static long machineBusyTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private record ServerMetrics(double heapUsedBytes, GcTotals gc) {
    }

    /** Heap in use and GC pause totals from Micrometer's Prometheus text. */
    private ServerMetrics serverMetrics() {
        double heap = 0;
        long gcCount = 0;
        double gcSum = 0;
        double gcMax = 0;
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/prometheus"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            for (String line : r.body().split("\n")) {
                if (line.startsWith("#")) {
                    continue;
                }
                double value;
                try {
                    value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                } catch (RuntimeException e) {
                    continue;
                }
                if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                    heap += value;
                } else if (line.startsWith("jvm_gc_pause_seconds_count{")) {
                    gcCount += (long) value;
                } else if (line.startsWith("jvm_gc_pause_seconds_sum{")) {
                    gcSum += value;
                } else if (line.startsWith("jvm_gc_pause_seconds_max{")) {
                    gcMax = Math.max(gcMax, value);
                }
            }
        } catch (IOException e) {
            return new ServerMetrics(0, new GcTotals(0, 0, 0));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ServerMetrics(0, new GcTotals(0, 0, 0));
        }
        return new ServerMetrics(heap, new GcTotals(gcCount, gcSum, gcMax));
    }
}
