package io.refrain.assistant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a call of a write tool made with a read-only token the way the MCP spec asks: HTTP 403
 * with {@code WWW-Authenticate: Bearer error="insufficient_scope", scope="mcp:read mcp:write"}, so a
 * client can ask the user for more. The JSON-RPC body has to be read for the tool's name; it is kept
 * for the MCP servlet behind. Bodies are already capped by the platform's body size limit.
 */
final class WriteScopeFilter extends OncePerRequestFilter {

    private final Set<String> writeTools;
    private final JsonMapper json;

    WriteScopeFilter(Set<String> writeTools, JsonMapper json) {
        this.writeTools = writeTools;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null
                || !(authentication.getPrincipal() instanceof AssistantPrincipal principal)
                || principal.caller().canWrite()) {
            chain.doFilter(request, response); // nothing to refuse: the body need not be read here
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        if (callsWriteTool(body)) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setHeader(
                    "WWW-Authenticate",
                    "Bearer error=\"insufficient_scope\", scope=\"" + McpCaller.READ + " " + McpCaller.WRITE
                            + "\", error_description=\"This tool changes your data: it needs a token with the "
                            + McpCaller.WRITE + " scope.\", resource_metadata=\""
                            + McpSecurityConfig.metadataUrl(request) + "\"");
            return;
        }
        chain.doFilter(new CachedBody(request, body), response);
    }

    private boolean callsWriteTool(byte[] body) {
        try {
            JsonNode message = json.readTree(body);
            if (message.isArray()) {
                for (JsonNode m : message) {
                    if (isWriteCall(m)) {
                        return true;
                    }
                }
                return false;
            }
            return isWriteCall(message);
        } catch (JacksonException e) {
            return false; // not JSON: the MCP servlet answers the parse error
        }
    }

    private boolean isWriteCall(JsonNode message) {
        return "tools/call".equals(message.path("method").asString(""))
                && writeTools.contains(message.path("params").path("name").asString(""));
    }

    /** The request with its body read once and served again. */
    private static final class CachedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already read");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(
                    new ByteArrayInputStream(body),
                    encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
