// The baseline for a federated operation: the very subgraph fetches the gateway's query plan
// makes, sent straight to the subgraphs in the same order (in parallel where the plan fetched
// in parallel). They are recorded once through small proxies in front of the subgraphs, while
// a second, in-process gateway answers the operation; the measured gateway calls the subgraphs
// directly.
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ServiceSigner, withServiceAssertion } from '@etablerer/kit';

export interface RecordedFetch {
  subgraph: string;
  url: string;
  body: string;
  started: number;
  ended: number;
}

export interface Recorder {
  /** Where the gateway should call each subgraph to be recorded. */
  urls: Record<string, string>;
  fetches: RecordedFetch[];
  close(): Promise<void>;
}

/** A proxy per subgraph that forwards each request and records its body and timing. */
export async function startRecorder(subgraphUrls: Record<string, string>): Promise<Recorder> {
  const fetches: RecordedFetch[] = [];
  const servers: Server[] = [];
  const urls: Record<string, string> = {};
  for (const [subgraph, target] of Object.entries(subgraphUrls)) {
    const server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks).toString('utf8');
      const started = performance.now();
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(
          (entry): entry is [string, string] =>
            typeof entry[1] === 'string' && !['host', 'content-length', 'connection'].includes(entry[0]),
        ),
      );
      const response = await fetch(target, { method: 'POST', headers, body });
      const answer = await response.text();
      fetches.push({ subgraph, url: target, body, started, ended: performance.now() });
      res.writeHead(response.status, { 'content-type': response.headers.get('content-type') ?? 'application/json' });
      res.end(answer);
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    servers.push(server);
    urls[subgraph] = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  }
  return {
    urls,
    fetches,
    close: async () => {
      await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
    },
  };
}

/** Groups fetches into stages: a fetch that began before every fetch of the stage ended ran beside them. */
export function stagesOf(fetches: RecordedFetch[]): RecordedFetch[][] {
  const stages: RecordedFetch[][] = [];
  let stageEnd = Number.NEGATIVE_INFINITY;
  for (const fetch of [...fetches].sort((a, b) => a.started - b.started)) {
    const current = stages.at(-1);
    if (current && fetch.started < stageEnd) {
      current.push(fetch);
      stageEnd = Math.max(stageEnd, fetch.ended);
    } else {
      stages.push([fetch]);
      stageEnd = fetch.ended;
    }
  }
  return stages;
}

/**
 * Sends a recorded plan's fetches stage by stage, failing on any error in any answer; each signed
 * afresh as the gateway signs it (a subgraph takes an assertion once), so the cost is the same.
 */
export function replayOf(stages: RecordedFetch[][], token: string, sign: ServiceSigner): () => Promise<void> {
  return async () => {
    for (const stage of stages) {
      await Promise.all(
        stage.map(async (recorded) => {
          const response = await fetch(recorded.url, {
            method: 'POST',
            headers: await withServiceAssertion(sign, recorded.subgraph, recorded.body, {
              'content-type': 'application/json',
              authorization: `Bearer ${token}`,
            }),
            body: recorded.body,
          });
          const body = (await response.json()) as { errors?: { message: string }[] };
          if (!response.ok || body.errors?.length) {
            throw new Error(`${recorded.subgraph}: ${response.status} ${body.errors?.[0]?.message ?? ''}`);
          }
        }),
      );
    }
  };
}
