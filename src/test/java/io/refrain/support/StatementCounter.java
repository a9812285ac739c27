package io.refrain.support;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.ChainListener;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import org.slf4j.MDC;

/**
 * Counts the SQL statements the server runs for one HTTP request. It listens on the
 * application's datasource-proxy and keeps only statements executed while the logging context's
 * {@code requestId} is one the test is watching; the test sends that id as {@code X-Request-Id}
 * (adopted by the server's request-id filter), so background jobs and other requests never count.
 * <p>
 * One counter is installed per data source and stays for the life of the (shared) context.
 */
public final class StatementCounter implements QueryExecutionListener {

    private static final Map<ProxyDataSource, StatementCounter> INSTALLED = new IdentityHashMap<>();

    private final Map<String, Queue<String>> watched = new ConcurrentHashMap<>();

    private StatementCounter() {}

    /** The counter listening on this data source, installed on first use. */
    public static StatementCounter on(ProxyDataSource dataSource) {
        synchronized (INSTALLED) {
            return INSTALLED.computeIfAbsent(dataSource, ds -> {
                StatementCounter counter = new StatementCounter();
                ChainListener chain = ds.getProxyConfig().getQueryListener();
                // replace the list rather than add to it: statements of other threads may be iterating it
                List<QueryExecutionListener> listeners = new CopyOnWriteArrayList<>(chain.getListeners());
                listeners.add(counter);
                chain.setListeners(listeners);
                return counter;
            });
        }
    }

    /**
     * Runs {@code request} with a fresh request id, which it must send as {@code X-Request-Id};
     * returns what it answered and the statements the server ran for it.
     */
    public <T> Counted<T> count(java.util.function.Function<String, T> request) {
        String requestId = "stmt-" + UUID.randomUUID();
        Queue<String> statements = new ConcurrentLinkedQueue<>();
        watched.put(requestId, statements);
        try {
            T result = request.apply(requestId);
            return new Counted<>(result, List.copyOf(statements));
        } finally {
            watched.remove(requestId);
        }
    }

    /** Same as {@link #count(java.util.function.Function)} for a request made by {@code api}. */
    public Counted<Api.Response> count(Api api, java.util.function.Function<Api, Api.Response> request) {
        return count(requestId -> request.apply(api.withHeader("X-Request-Id", requestId)));
    }

    @Override
    public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {}

    @Override
    public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
        String requestId = MDC.get("requestId");
        if (requestId == null) {
            return;
        }
        Queue<String> statements = watched.get(requestId);
        if (statements != null) {
            statements.add(queryInfoList.stream()
                    .map(QueryInfo::getQuery)
                    .collect(Collectors.joining("; "))
                    .replaceAll("\\s+", " "));
        }
    }

    /** A request's outcome and the statements (one entry per execution, batches joined) it ran. */
    public record Counted<T>(T result, List<String> statements) {

        public int count() {
            return statements.size();
        }

        /** The statements, one per line, for assertion messages. */
        public String describe() {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < statements.size(); i++) {
                String sql = statements.get(i);
                lines.add((i + 1) + ". " + (sql.length() > 200 ? sql.substring(0, 200) + "…" : sql));
            }
            return String.join("\n", lines);
        }
    }
}
