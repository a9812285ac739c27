// One scripted MCP session against Refrain, driven by the official TypeScript SDK client, so the
// Java integration tests see the endpoint the way a real MCP host sees it (transport, protocol
// version negotiation, output-schema validation of structuredContent).
//
//   MCP_URL=http://127.0.0.1:8080/mcp MCP_TOKEN=... [MCP_SEARCH=love] node mcp-session.mjs
//
// Prints one JSON object on stdout and exits 0; on an unexpected failure prints
// {error, stack, step} and exits 1. Nothing else is written to stdout.

import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

const MAX_ANSWERS = 15;

let step = 'setup';

function finish(code, value) {
    process.stdout.write(JSON.stringify(value) + '\n', () => process.exit(code));
}

function firstText(result) {
    const text = (result?.content ?? []).find((c) => c?.type === 'text');
    return text ? text.text : null;
}

/** The structuredContent of a tool result that must have succeeded. */
function structured(name, result) {
    if (result.isError) {
        throw new Error(`${name} returned a tool error: ${firstText(result)}`);
    }
    if (!result.structuredContent || typeof result.structuredContent !== 'object') {
        throw new Error(`${name} returned no structuredContent: ${JSON.stringify(result)}`);
    }
    return result.structuredContent;
}

function countSearchItems(content) {
    if (!content || typeof content !== 'object') {
        return 0;
    }
    let count = 0;
    for (const key of ['tracks', 'artists', 'albums']) {
        const items = content[key]?.items;
        if (Array.isArray(items)) {
            count += items.length;
        }
    }
    return count;
}

async function main() {
    const url = process.env.MCP_URL;
    const token = process.env.MCP_TOKEN;
    if (!url) {
        throw new Error('MCP_URL is not set');
    }
    if (!token) {
        throw new Error('MCP_TOKEN is not set');
    }

    const client = new Client({ name: 'refrain-mcp-session', version: '1.0.0' });
    const transport = new StreamableHTTPClientTransport(new URL(url), {
        requestInit: { headers: { Authorization: 'Bearer ' + token } },
    });
    try {
        step = 'connect';
        await client.connect(transport);

        step = 'tools/list';
        const { tools } = await client.listTools();
        const toolNames = tools.map((t) => t.name);

        step = 'search_catalog';
        const search = await client.callTool({
            name: 'search_catalog',
            arguments: { query: process.env.MCP_SEARCH || 'love', limit: 5 },
        });
        const searchIsError = search.isError === true;
        const searchCount = countSearchItems(search.structuredContent);

        step = 'taste_conversation_start';
        let state = structured(
            'taste_conversation_start',
            await client.callTool({ name: 'taste_conversation_start', arguments: {} }),
        );
        const conversationId = state.conversationId;
        const confidences = [state.confidence];
        let profileCode = state.profileCode ?? null;
        for (let i = 0; i < MAX_ANSWERS && !state.completed; i++) {
            step = `taste_conversation_answer #${i + 1}`;
            const question = state.question;
            if (!question) {
                throw new Error(`conversation not completed but no question: ${JSON.stringify(state)}`);
            }
            const options = Array.isArray(question.options) ? question.options : [];
            const args =
                options.length > 0
                    ? { conversationId, questionId: question.id, optionIds: [options[0].id] }
                    : { conversationId, questionId: question.id, text: 'I like upbeat music' };
            state = structured(
                'taste_conversation_answer',
                await client.callTool({ name: 'taste_conversation_answer', arguments: args }),
            );
            confidences.push(state.confidence);
            profileCode = state.profileCode ?? null;
        }

        const buildArgs = { profileCode, minutes: 30, name: 'Run mix', requestId: 'session-build-1' };
        const playlistIds = [];
        const buildErrors = [];
        for (let i = 0; i < 2; i++) {
            step = `build_playlist #${i + 1}`;
            const built = await client.callTool({ name: 'build_playlist', arguments: buildArgs });
            playlistIds.push(built.structuredContent?.playlistId ?? null);
            buildErrors.push(built.isError === true ? firstText(built) : null);
        }

        step = 'create_playlist (too long a name)';
        const badCreate = { isError: null, text: null, thrown: null };
        try {
            const bad = await client.callTool({
                name: 'create_playlist',
                arguments: { name: 'x'.repeat(300), requestId: 'bad-1' },
            });
            badCreate.isError = bad.isError === true;
            badCreate.text = firstText(bad);
        } catch (e) {
            badCreate.thrown = e instanceof Error ? e.message : String(e);
        }

        return {
            tools: toolNames,
            searchIsError,
            searchCount,
            confidences,
            conversationCompleted: state.completed === true,
            profileCode,
            playlistIds,
            buildErrors,
            badCreate,
        };
    } finally {
        await client.close().catch(() => {});
    }
}

main().then(
    (summary) => finish(0, summary),
    (e) =>
        finish(1, {
            error: e instanceof Error ? e.message : String(e),
            stack: e instanceof Error ? e.stack : null,
            step,
        }),
);
