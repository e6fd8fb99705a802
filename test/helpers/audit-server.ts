/** Loopback HTTP for the link-audit tests: a server that records its requests, and the audit CLI run without blocking it. */
import { execFile } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { projectRoot } from './docs-tree.js';
import { sourceEntryArgs } from './run-cli.js';

export interface Hit {
  method: string;
  path: string;
  at: number;
}

export interface TestServer {
  base: string;
  hits: Hit[];
  close: () => Promise<void>;
}

/** A server on 127.0.0.1 (a free port) that records every request before `handle` answers it. */
export async function startServer(handle: (request: IncomingMessage, response: ServerResponse, hits: Hit[]) => void): Promise<TestServer> {
  const hits: Hit[] = [];
  const server: Server = createServer((request, response) => {
    hits.push({ method: request.method ?? '', path: request.url ?? '', at: Date.now() });
    handle(request, response, hits);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Runs audit-cli.ts in a child process without blocking this process (its servers must answer). */
export function runAudit(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...sourceEntryArgs(join(projectRoot, 'scripts', 'links', 'audit-cli.ts')), ...args],
      { cwd, env: { ...process.env, TS_NODE_PROJECT: join(projectRoot, 'tsconfig.json') } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}
