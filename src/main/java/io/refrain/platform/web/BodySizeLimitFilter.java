package io.refrain.platform.web;

import io.refrain.platform.config.RefrainProperties;
import io.refrain.platform.errors.ProblemTypes;
import io.refrain.platform.errors.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Enforces {@code REFRAIN_MAX_BODY_SIZE} ({@code REFRAIN_MAX_LISTEN_BATCH_SIZE} for listen
 * batches, {@code REFRAIN_MAX_UPLOAD_SIZE} for uploaded exports): a declared Content-Length
 * above it is refused with 413 before anything is read; a chunked body is cut off when it
 * passes the limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BodySizeLimitFilter extends OncePerRequestFilter {

    private final long limit;
    private final long listenBatchLimit;
    private final long uploadLimit;
    private final ProblemWriter problemWriter;

    BodySizeLimitFilter(RefrainProperties properties, ProblemWriter problemWriter) {
        this.limit = properties.http().maxBodySize().toBytes();
        this.listenBatchLimit = properties.http().maxListenBatchSize().toBytes();
        this.uploadLimit = properties.http().maxUploadSize().toBytes();
        this.problemWriter = problemWriter;
    }

    private long limitFor(HttpServletRequest request) {
        String path = request.getRequestURI();
        if (path.equals("/api/v1/me/listens") || path.equals("/1/submit-listens")) {
            return listenBatchLimit;
        }
        return path.equals("/api/v1/me/listen-imports") ? uploadLimit : limit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitFor(request);
        if (request.getContentLengthLong() > limit) {
            problemWriter.write(
                    response,
                    Problems.of(
                            HttpStatus.CONTENT_TOO_LARGE,
                            ProblemTypes.PAYLOAD_TOO_LARGE,
                            "The request body is larger than the limit of " + limit + " bytes."));
            return;
        }
        chain.doFilter(new LimitedRequest(request, limit), response);
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class LimitedStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private long read;

        LimitedStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws PayloadTooLargeException {
            read += n;
            if (read > limit) {
                throw new PayloadTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
