package io.refrain.assistant;

import io.refrain.accounts.AccountService;
import io.swagger.v3.oas.annotations.Hidden;
import java.security.Principal;
import java.util.Set;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/**
 * The consent page of the OAuth flow: which client asks, for which account, for what, in words —
 * self-contained HTML (no scripts or styles from elsewhere). Its form goes back to the
 * authorization endpoint, which checks the state it carries against the pending request.
 */
@Controller
@Hidden
@ConditionalOnWebApplication // the authorization server it serves is the web server's
class ConsentController {

    static final String PATH = "/oauth2/consent";

    private final RegisteredClientRepository clients;
    private final OAuth2AuthorizationConsentService consents;
    private final AccountService accounts;

    ConsentController(
            RegisteredClientRepository clients, OAuth2AuthorizationConsentService consents, AccountService accounts) {
        this.clients = clients;
        this.consents = consents;
        this.accounts = accounts;
    }

    @GetMapping(path = PATH, produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String consent(
            Principal principal,
            @RequestParam("client_id") String clientId,
            @RequestParam(name = "scope", defaultValue = "") String scope,
            @RequestParam("state") String state) {
        RegisteredClient client = clients.findByClientId(clientId);
        if (client == null) {
            return page("Unknown application", "<p>No application is registered as " + esc(clientId) + ".</p>");
        }
        OAuth2AuthorizationConsent earlier = consents.findById(client.getId(), principal.getName());
        Set<String> granted = earlier == null ? Set.of() : earlier.getScopes();
        String account = accounts.emailOf(UUID.fromString(principal.getName())).orElse("(deleted)");
        StringBuilder scopes = new StringBuilder();
        for (String s : scope.split(" ")) {
            if (s.isBlank()) {
                continue;
            }
            scopes.append("<label><input type=\"checkbox\" name=\"scope\" value=\"")
                    .append(esc(s))
                    .append("\" checked> ")
                    .append(esc(describe(s)))
                    .append(granted.contains(s) ? " <em>(granted before)</em>" : "")
                    .append("</label><br>");
        }
        return page("Allow " + client.getClientName() + "?", """
                <p><strong>%s</strong> wants to use your Refrain account <strong>%s</strong>:</p>
                <form method="post" action="/oauth2/authorize">
                <input type="hidden" name="client_id" value="%s">
                <input type="hidden" name="state" value="%s">
                <p>%s</p>
                <p><button type="submit">Allow</button></p>
                </form>
                <form method="post" action="/oauth2/authorize">
                <input type="hidden" name="client_id" value="%s">
                <input type="hidden" name="state" value="%s">
                <p><button type="submit">Deny</button></p>
                </form>
                <p><small>You can see what it does at /api/v1/me/assistant/activity and take the access back \
                there at any time (DELETE /api/v1/me/assistant/clients/%s).</small></p>""".formatted(
                        esc(client.getClientName()),
                        esc(account),
                        esc(clientId),
                        esc(state),
                        scopes,
                        esc(clientId),
                        esc(state),
                        esc(clientId)));
    }

    private static String describe(String scope) {
        return switch (scope) {
            case McpCaller.READ -> "read your library, listening statistics, playlists and recommendations (mcp:read)";
            case McpCaller.WRITE -> "make and change your playlists (mcp:write)";
            default -> scope;
        };
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + esc(title)
                + "</title></head><body><h1>" + esc(title) + "</h1>" + body + "</body></html>";
    }

    private static String esc(String s) {
        return HtmlUtils.htmlEscape(s);
    }
}
