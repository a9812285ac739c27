// The official TypeScript SDK client's OAuth support against Refrain as the authorization server
// of its MCP endpoint: the SDK discovers the protected resource metadata from the 401, then the
// authorization server metadata, registers itself (RFC 7591), starts the authorization code flow
// with PKCE and hands the authorization URL to the provider. Here the provider plays the user's
// browser with plain fetch (Refrain's login form, its consent page) and picks the code out of the
// final redirect, since nothing listens at the redirect URI. Then the SDK exchanges the code,
// connects again, calls tools, and refreshes its token when it got a refresh token (Refrain, on
// Spring's authorization server, issues none to a public client: "refreshed" is null then).
//
//   MCP_URL=http://127.0.0.1:8080/mcp REFRAIN_EMAIL=... REFRAIN_PASSWORD=... node mcp-oauth.mjs
//
// MCP_AUTH_METHODS (optional, default "none,client_secret_basic"): the token endpoint client
// authentication methods to register with, in order; the next one is tried when Refrain refuses
// the registration or the token request of the one before; "default" registers without one.
//
// Prints one JSON object on stdout and exits 0; on an unexpected failure prints
// {error, stack, step} and exits 1. The HTTP exchanges go to stderr when it fails (or always,
// with MCP_TRACE set).

import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { auth, UnauthorizedError } from '@modelcontextprotocol/sdk/client/auth.js';
import { OAuthError } from '@modelcontextprotocol/sdk/server/auth/errors.js';
import { randomBytes } from 'node:crypto';

const REDIRECT_URL = 'http://127.0.0.1:9/callback';
const SCOPE = 'mcp:read mcp:write';

let step = 'setup';
const trace = [];
const attempts = [];

function finish(code, value) {
    process.stdout.write(JSON.stringify(value) + '\n', () => process.exit(code));
}

function firstText(result) {
    const text = (result?.content ?? []).find((c) => c?.type === 'text');
    return text ? text.text : null;
}

/** A URL for the trace, without query values that are secrets (codes, tokens). */
function shown(url) {
    const u = new URL(url);
    for (const key of ['code', 'code_challenge', 'state', 'continue']) {
        if (u.searchParams.has(key)) {
            u.searchParams.set(key, '…');
        }
    }
    return u.href;
}

/** fetch that records each exchange (method, URL, status, Location) for the failure report. */
function tracing(label) {
    return async (url, init = {}) => {
        const response = await fetch(url, init);
        trace.push(
            `${label} ${init.method ?? 'GET'} ${shown(String(url))} -> ${response.status}` +
                (response.headers.get('location') ? ` Location: ${shown(new URL(response.headers.get('location'), String(url)).href)}` : '') +
                (response.headers.get('www-authenticate') ? ` WWW-Authenticate: ${response.headers.get('www-authenticate')}` : ''),
        );
        return response;
    };
}

function decodeHtml(text) {
    return text
        .replace(/&quot;/g, '"')
        .replace(/&#39;|&#x27;/g, "'")
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&');
}

function find(html, regex, what) {
    const m = regex.exec(html);
    if (!m) {
        throw new Error(`no ${what} in ${html.slice(0, 2000)}`);
    }
    return decodeHtml(m[1]);
}

/**
 * The user's browser: a cookie jar (the login session), redirects shown rather than followed,
 * Accept: text/html so that Refrain's authorization endpoint sends it to the login form.
 */
class Browser {
    constructor() {
        this.cookies = new Map();
        this.fetch = tracing('browser');
    }

    async request(url, { method = 'GET', form } = {}) {
        const headers = { Accept: 'text/html,application/xhtml+xml' };
        if (this.cookies.size > 0) {
            headers.Cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
        }
        let body;
        if (form) {
            headers['Content-Type'] = 'application/x-www-form-urlencoded';
            body = new URLSearchParams(form).toString();
        }
        const response = await this.fetch(url, { method, headers, body, redirect: 'manual' });
        for (const cookie of response.headers.getSetCookie()) {
            const [pair] = cookie.split(';');
            const eq = pair.indexOf('=');
            const name = pair.slice(0, eq).trim();
            const value = pair.slice(eq + 1).trim();
            if (/;\s*max-age=0/i.test(cookie) || value === '') {
                this.cookies.delete(name);
            } else {
                this.cookies.set(name, value);
            }
        }
        const location = response.headers.get('location');
        return {
            status: response.status,
            location: location ? new URL(location, url).href : null,
            body: await response.text(),
        };
    }

    /** Expects a redirect and returns where it goes. */
    async redirected(what, url, options) {
        const response = await this.request(url, options);
        if (response.status !== 302 && response.status !== 303) {
            throw new Error(`${what}: expected a redirect from ${shown(url)}, got ${response.status}: ${response.body.slice(0, 2000)}`);
        }
        return response.location;
    }

    /**
     * What the user does with the authorization URL: signs in on the login form, allows both
     * scopes on the consent page; returns the code from the redirect to the client.
     */
    async authorize(authorizationUrl, email, password, expectedState) {
        step = 'browser: authorization endpoint';
        const loginUrl = await this.redirected(step, authorizationUrl);
        if (new URL(loginUrl).pathname !== '/login') {
            throw new Error(`the authorization endpoint sent the browser to ${loginUrl}, not /login`);
        }
        step = 'browser: login form';
        const loginPage = await this.request(loginUrl);
        if (loginPage.status !== 200) {
            throw new Error(`GET /login answered ${loginPage.status}: ${loginPage.body.slice(0, 2000)}`);
        }
        const csrf = find(loginPage.body, /name="_csrf"[^>]*value="([^"]+)"/, '_csrf input on the login form');
        step = 'browser: sign in';
        const back = await this.redirected(step, new URL('/login', loginUrl).href, {
            method: 'POST',
            form: { username: email, password, _csrf: csrf },
        });
        if (new URL(back).pathname === '/login') {
            throw new Error(`signing in failed: redirected to ${back}`);
        }
        step = 'browser: back to the authorization endpoint';
        const consentUrl = await this.redirected(step, back);
        if (consentUrl.startsWith(REDIRECT_URL)) {
            return this.code(consentUrl, expectedState); // consent given before
        }
        step = 'browser: consent page';
        const consent = await this.request(consentUrl);
        if (consent.status !== 200) {
            throw new Error(`the consent page answered ${consent.status}: ${consent.body.slice(0, 2000)}`);
        }
        const formHtml = find(consent.body, /(<form[^>]*method="post"[\s\S]*?<\/form>)/i, 'consent form');
        const action = find(formHtml, /action="([^"]+)"/, 'consent form action');
        const clientId = find(formHtml, /name="client_id" value="([^"]*)"/, 'client_id on the consent form');
        const state = find(formHtml, /name="state" value="([^"]*)"/, 'state on the consent form');
        const offered = [...consent.body.matchAll(/name="scope" value="([^"]+)"/g)].map((m) => decodeHtml(m[1]));
        for (const scope of SCOPE.split(' ')) {
            if (!offered.includes(scope)) {
                throw new Error(`the consent page offers ${JSON.stringify(offered)}, not ${scope}`);
            }
        }
        step = 'browser: consent';
        const form = new URLSearchParams({ client_id: clientId, state });
        for (const scope of SCOPE.split(' ')) {
            form.append('scope', scope);
        }
        const redirect = await this.redirected(step, new URL(action, consentUrl).href, { method: 'POST', form });
        return this.code(redirect, expectedState);
    }

    code(redirect, expectedState) {
        if (!redirect.startsWith(REDIRECT_URL)) {
            throw new Error(`the authorization ended at ${redirect}, not at the redirect URI`);
        }
        const params = new URL(redirect).searchParams;
        if (params.has('error')) {
            throw new Error(`the authorization was refused: ${redirect}`);
        }
        if (params.get('state') !== expectedState) {
            throw new Error(`the redirect has state ${params.get('state')}, the client sent ${expectedState}`);
        }
        const code = params.get('code');
        if (!code) {
            throw new Error(`no code in ${redirect}`);
        }
        return code;
    }
}

/** An in-memory OAuthClientProvider whose "browser" is the Browser above. */
class InMemoryProvider {
    constructor(authMethod, email, password) {
        this.authMethod = authMethod;
        this.email = email;
        this.password = password;
        this.browser = new Browser();
        this.authorizationCode = undefined;
        this.redirects = 0;
        this._state = undefined;
    }

    get redirectUrl() {
        return REDIRECT_URL;
    }

    get clientMetadata() {
        return {
            client_name: 'TypeScript SDK OAuth test',
            redirect_uris: [REDIRECT_URL],
            grant_types: ['authorization_code', 'refresh_token'],
            response_types: ['code'],
            // "default": the field left out, for the server's default (RFC 7591: client_secret_basic)
            ...(this.authMethod === 'default' ? {} : { token_endpoint_auth_method: this.authMethod }),
            scope: SCOPE,
        };
    }

    state() {
        this._state = randomBytes(16).toString('base64url');
        return this._state;
    }

    clientInformation() {
        return this._clientInformation;
    }

    saveClientInformation(information) {
        this._clientInformation = information;
    }

    tokens() {
        return this._tokens;
    }

    saveTokens(tokens) {
        this._tokens = tokens;
    }

    saveCodeVerifier(verifier) {
        this._codeVerifier = verifier;
    }

    codeVerifier() {
        if (!this._codeVerifier) {
            throw new Error('No code verifier saved');
        }
        return this._codeVerifier;
    }

    invalidateCredentials(scope) {
        if (scope === 'all' || scope === 'client') {
            this._clientInformation = undefined;
        }
        if (scope === 'all' || scope === 'tokens') {
            this._tokens = undefined;
        }
        if (scope === 'all' || scope === 'verifier') {
            this._codeVerifier = undefined;
        }
    }

    async redirectToAuthorization(authorizationUrl) {
        this.redirects++;
        const url = new URL(authorizationUrl);
        for (const [key, expected] of [
            ['response_type', 'code'],
            ['code_challenge_method', 'S256'],
            ['redirect_uri', REDIRECT_URL],
        ]) {
            if (url.searchParams.get(key) !== expected) {
                throw new Error(`the SDK's authorization URL has ${key}=${url.searchParams.get(key)}: ${authorizationUrl}`);
            }
        }
        const saved = step;
        this.authorizationCode = await this.browser.authorize(url.href, this.email, this.password, this._state);
        step = saved;
    }
}

async function connectWithOAuth(url, authMethod, email, password) {
    const provider = new InMemoryProvider(authMethod, email, password);
    const client = new Client({ name: 'refrain-mcp-oauth', version: '1.0.0' });
    const mcpFetch = tracing('sdk');

    step = `connect without a token (${authMethod})`;
    const first = new StreamableHTTPClientTransport(new URL(url), { authProvider: provider, fetch: mcpFetch });
    try {
        await client.connect(first);
        throw new Error('the first connect succeeded without authorization');
    } catch (e) {
        if (!(e instanceof UnauthorizedError)) {
            throw e;
        }
    }
    if (provider.redirects !== 1 || !provider.authorizationCode) {
        throw new Error(`the SDK threw UnauthorizedError after ${provider.redirects} redirects to authorization`);
    }
    step = `finishAuth (${authMethod})`;
    await first.finishAuth(provider.authorizationCode);

    step = `connect with the token (${authMethod})`;
    const second = new StreamableHTTPClientTransport(new URL(url), { authProvider: provider, fetch: mcpFetch });
    await client.connect(second);
    return { provider, client, fetch: mcpFetch };
}

async function main() {
    const url = process.env.MCP_URL;
    const email = process.env.REFRAIN_EMAIL;
    const password = process.env.REFRAIN_PASSWORD;
    for (const [name, value] of Object.entries({ MCP_URL: url, REFRAIN_EMAIL: email, REFRAIN_PASSWORD: password })) {
        if (!value) {
            throw new Error(`${name} is not set`);
        }
    }
    const methods = (process.env.MCP_AUTH_METHODS || 'none,client_secret_basic').split(',').map((m) => m.trim());

    // A refusal (registration, token request) may come back as an OAuthError or, when the SDK
    // retries after invalid_client, as a plain Error; either way the next method is tried.
    let connected;
    for (const method of methods) {
        try {
            connected = await connectWithOAuth(url, method, email, password);
            attempts.push({ method, outcome: 'connected' });
            break;
        } catch (e) {
            const reason = e instanceof OAuthError ? `${e.errorCode}: ${e.message}` : String(e?.message ?? e);
            attempts.push({ method, outcome: `failed at ${step}: ${reason}` });
            if (method === methods[methods.length - 1]) {
                throw e;
            }
        }
    }
    const { provider, client, fetch: mcpFetch } = connected;
    try {
        const registered = provider.clientInformation();
        const tokens = provider.tokens();

        step = 'tools/list';
        const { tools } = await client.listTools();

        step = 'get_my_playlists';
        const playlists = await client.callTool({ name: 'get_my_playlists', arguments: {} });

        step = 'create_playlist';
        const created = await client.callTool({
            name: 'create_playlist',
            arguments: { name: 'via oauth', requestId: 'oauth-1' },
        });

        // The SDK refreshes in auth() whenever it holds a refresh token and gets no code (it does
        // not look at expires_in); the transport calls auth() on a 401. Called here directly, as
        // a host does when it knows its access token has expired.
        let refreshed = null;
        if (tokens.refresh_token) {
            step = 'refresh';
            const redirectsBefore = provider.redirects;
            const result = await auth(provider, { serverUrl: new URL(url), fetchFn: mcpFetch });
            const after = provider.tokens();
            step = 'tools/list after the refresh';
            const again = await client.listTools();
            refreshed = {
                result,
                redirected: provider.redirects !== redirectsBefore,
                newAccessToken: after.access_token !== tokens.access_token,
                rotatedRefreshToken: !!after.refresh_token && after.refresh_token !== tokens.refresh_token,
                scope: after.scope ?? null,
                toolsAfterRefresh: again.tools.length,
            };
        }

        return {
            authMethod: registered.token_endpoint_auth_method ?? provider.authMethod,
            clientSecretIssued: !!registered.client_secret,
            registeredGrantTypes: registered.grant_types ?? null,
            attempts,
            tokenType: tokens.token_type,
            scope: tokens.scope ?? null,
            expiresIn: tokens.expires_in ?? null,
            hadRefreshToken: !!tokens.refresh_token,
            tools: tools.map((t) => t.name),
            playlistsIsError: playlists.isError === true,
            playlistsText: playlists.isError ? firstText(playlists) : undefined,
            createIsError: created.isError === true,
            createText: created.isError ? firstText(created) : undefined,
            createdId: created.structuredContent?.id ?? null,
            refreshed,
        };
    } finally {
        await client.close().catch(() => {});
    }
}

main().then(
    (summary) => {
        if (process.env.MCP_TRACE) {
            process.stderr.write(trace.join('\n') + '\n');
        }
        finish(0, summary);
    },
    (e) => {
        process.stderr.write(trace.join('\n') + '\n');
        finish(1, {
            error: e instanceof Error ? e.message : String(e),
            stack: e instanceof Error ? e.stack : null,
            step,
            attempts,
        });
    },
);
