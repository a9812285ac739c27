package io.refrain.assistant;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The MCP endpoint: the official MCP Java SDK's stateless Streamable HTTP transport as a servlet at
 * /mcp. Stateless on purpose: the server keeps no MCP session between requests, so any server
 * behind a load balancer answers any request and a restart loses nothing but calls in flight;
 * what is worth keeping (conversations, the audit trail, results of write tools) is in
 * PostgreSQL. Each request carries its token; the security filters have resolved it into the
 * {@link McpCaller} that every tool receives through the transport context.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class McpServerConfig {

    static final String ENDPOINT = "/mcp";

    private static final String INSTRUCTIONS = """
            Refrain is the user's music service: a shared catalog with audio features, their library, playlists and \
            listening history (statistics are real time). Find music with search_catalog; learn the user's taste with \
            the taste conversation, which gives a profile code; recommend with recommend_tracks (reasons included) and \
            make playlists with build_playlist or create_playlist. Write tools need the mcp:write scope and a requestId \
            you choose: a retry with the same requestId never does the work twice. Tools answer errors you can act on \
            as results with isError.""";

    @Bean
    McpJsonMapper mcpJsonMapper(JsonMapper json) {
        return new JacksonMcpJsonMapper(json);
    }

    @Bean
    HttpServletStatelessServerTransport mcpTransport(McpJsonMapper json, AssistantProperties settings) {
        return HttpServletStatelessServerTransport.builder()
                .jsonMapper(json)
                .messageEndpoint(ENDPOINT)
                .contextExtractor(request -> McpTransportContext.create(Map.of(McpCaller.KEY, caller())))
                .httpHeaderValidator(DefaultServerTransportSecurityValidator.builder()
                        .allowedOrigins(settings.allowedOrigins())
                        .allowedHosts(settings.allowedHosts())
                        .build())
                .build();
    }

    /** The caller the security filters authenticated; /mcp is never reached without one. */
    private static McpCaller caller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof AssistantPrincipal principal) {
            return principal.caller();
        }
        throw new IllegalStateException("an /mcp request without an authenticated caller");
    }

    @Bean(destroyMethod = "close")
    McpStatelessSyncServer mcpServer(
            HttpServletStatelessServerTransport transport,
            McpJsonMapper json,
            AssistantTools tools,
            ToolRunner runner,
            McpResources resources,
            McpPrompts prompts) {
        return McpServer.sync(transport)
                .serverInfo("refrain", "0.1.0")
                .instructions(INSTRUCTIONS)
                .jsonMapper(json)
                .capabilities(McpSchema.ServerCapabilities.builder()
                        .tools(false)
                        .resources(false, false)
                        .prompts(false)
                        .build())
                .tools(tools.all().stream()
                        .map(t -> runner.specification(t, json))
                        .toList())
                .resources(resources.resources())
                .resourceTemplates(resources.templates())
                .prompts(prompts.prompts())
                // the handlers block on JDBC: run them on the servlet's own (virtual) thread
                .immediateExecution(true)
                .build();
    }

    @Bean
    ServletRegistrationBean<HttpServletStatelessServerTransport> mcpServlet(
            HttpServletStatelessServerTransport transport) {
        ServletRegistrationBean<HttpServletStatelessServerTransport> registration =
                new ServletRegistrationBean<>(transport, ENDPOINT);
        registration.setName("mcp");
        return registration;
    }
}
