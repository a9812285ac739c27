// Runs the official MCP conformance suite (the locally installed @modelcontextprotocol/conformance
// CLI) against a server, one scenario at a time, and prints every scenario's checks as one JSON
// object, so a Java test can assert on individual checks instead of scraping the CLI's output.
//
//   node run-conformance.mjs <mcpUrl> [scenario ...]
//
// Prints {scenarios: {<name>: {exitCode, checks: [{id, status, errorMessage}], output?}}} on stdout
// (output, the tail of what the CLI printed, only when it wrote no checks). Exits 0 when every
// scenario ran, whatever its checks say; 1 when this script itself failed.
//
// The CLI writes checks.json only when given --output-dir (the README's "results/ relative to the
// working directory" is not what 0.1.13 does), to <dir>/server-<scenario>-<timestamp>/checks.json.

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

const DEFAULT_SCENARIOS = [
    'server-initialize',
    'ping',
    'tools-list',
    'resources-list',
    'prompts-list',
    'dns-rebinding-protection',
    'logging-set-level',
    'completion-complete',
];
const SCENARIO_TIMEOUT_MS = 120_000;
const OUTPUT_TAIL = 4000;

function conformanceBin() {
    const require = createRequire(import.meta.url);
    const manifestPath = require.resolve('@modelcontextprotocol/conformance/package.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin.conformance;
    return path.join(path.dirname(manifestPath), bin);
}

function runCli(bin, args, cwd) {
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [bin, ...args], {
            cwd,
            env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
            stdio: ['ignore', 'pipe', 'pipe'],
        });
        let output = '';
        const collect = (chunk) => {
            output = (output + chunk.toString('utf8')).slice(-4 * OUTPUT_TAIL);
        };
        child.stdout.on('data', collect);
        child.stderr.on('data', collect);
        let timedOut = false;
        const timer = setTimeout(() => {
            timedOut = true;
            child.kill('SIGKILL');
        }, SCENARIO_TIMEOUT_MS);
        child.on('error', (e) => {
            clearTimeout(timer);
            reject(e);
        });
        child.on('close', (code, signal) => {
            clearTimeout(timer);
            if (timedOut) {
                output += `\n[run-conformance] killed after ${SCENARIO_TIMEOUT_MS} ms`;
            }
            resolve({ exitCode: code ?? (signal ? 128 : -1), output: output.slice(-OUTPUT_TAIL) });
        });
    });
}

async function readChecks(resultsDir, scenario) {
    let entries;
    try {
        entries = await readdir(resultsDir);
    } catch {
        return null;
    }
    const prefix = `server-${scenario}-`;
    const dir = entries.filter((e) => e.startsWith(prefix)).sort().pop();
    if (!dir) {
        return null;
    }
    try {
        const checks = JSON.parse(await readFile(path.join(resultsDir, dir, 'checks.json'), 'utf8'));
        return checks.map((c) => ({ id: c.id, status: c.status, errorMessage: c.errorMessage ?? null }));
    } catch {
        return null;
    }
}

async function main() {
    const [url, ...only] = process.argv.slice(2);
    if (!url) {
        throw new Error('usage: node run-conformance.mjs <mcpUrl> [scenario ...]');
    }
    const scenarios = only.length > 0 ? only : DEFAULT_SCENARIOS;
    const bin = conformanceBin();
    const work = await mkdtemp(path.join(tmpdir(), 'refrain-conformance-'));
    try {
        const results = {};
        for (const scenario of scenarios) {
            const resultsDir = path.join(work, 'results', scenario);
            const run = await runCli(
                bin,
                ['server', '--url', url, '--scenario', scenario, '--output-dir', resultsDir],
                work,
            );
            const checks = await readChecks(resultsDir, scenario);
            results[scenario] = checks
                ? { exitCode: run.exitCode, checks }
                : { exitCode: run.exitCode, checks: [], output: run.output };
        }
        return { scenarios: results };
    } finally {
        await rm(work, { recursive: true, force: true });
    }
}

main().then(
    (summary) => process.stdout.write(JSON.stringify(summary) + '\n', () => process.exit(0)),
    (e) =>
        process.stdout.write(
            JSON.stringify({ error: e instanceof Error ? e.message : String(e), stack: e?.stack ?? null }) + '\n',
            () => process.exit(1),
        ),
);
