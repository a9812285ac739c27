/**
 * Assistant: the MCP endpoint ({@code /mcp}) through which an AI assistant acts for one user —
 * search, the user's library and listening statistics, recommendations with reasons, a taste
 * conversation that ends in a profile code, and playlists built and edited — on the official MCP
 * Java SDK's stateless Streamable HTTP transport. Authorization as the MCP spec has it: /mcp is an
 * OAuth protected resource (RFC 9728 metadata, 401 with {@code resource_metadata}, 403
 * {@code insufficient_scope}); tokens are the accounts' API tokens with the {@code mcp:read} and
 * {@code mcp:write} scopes, or access tokens of Refrain's own OAuth 2.1 authorization server
 * (Spring Security's: open client registration, login, consent, PKCE, refresh, revocation; V020). Every tool call is rate-limited per user and kind, audited
 * ({@code assistant_tool_calls}) and measured; write tools run once per client request id
 * ({@code assistant_requests}). Other modules are used only through their offered services, so
 * their access rules apply to every read.
 *
 * <p>Settings: {@link io.refrain.assistant.AssistantProperties} ({@code refrain.assistant.*}).
 *
 * <p>Offered to other modules: none.
 *
 * <p>Public, but not for other modules: {@link io.refrain.assistant.AssistantProperties}.
 */
package io.refrain.assistant;
