// What an image runs, without building one: each service's `pnpm deploy --prod` folder (the Dockerfile's
// build stage, the console copied in beside the gateway's as the Dockerfile does), started with plain
// node from a folder outside the repository, in production mode, with the environment compose and the
// Kubernetes manifests give it. The subgraphs' migration step runs first from their deployed folders.
// People sign in as in production: at an OpenID provider over https (the development one standing in for
// the county's), through the gateway's public https address (a TLS-terminating proxy in front of it, as
// the ingress is); the gateway issues the platform's tokens and the subgraphs verify them by its JWKS.

import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer as createTlsServer, type Server as TlsServer } from 'node:tls';
import { fileURLToPath } from 'node:url';
import { type RunningIdentityProvider, startIdentityProvider } from '@etablerer/identity-provider';
import {
  dropDatabase,
  freePort,
  generateServiceKeys,
  queryRows,
  type ServiceProcess,
  serviceKeyEnvironment,
  startServiceProcess,
} from '@etablerer/kit';
import { testServerUrl, uniqueDatabaseName } from '@etablerer/kit/testing';
import { decodeJwt, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpClient, signInOverHttp } from '../support/sign-in.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const subgraphs = ['county', 'regions', 'partners'] as const;
const services = [...subgraphs, 'gateway'] as const;
type Service = (typeof services)[number];

const databases = {
  COUNTY_DATABASE: uniqueDatabaseName('county'),
  REGIONS_DATABASE: uniqueDatabaseName('regions'),
  PARTNERS_DATABASE: uniqueDatabaseName('partners'),
  GATEWAY_DATABASE: uniqueDatabaseName('gateway'),
};
const folder = mkdtempSync(join(tmpdir(), 'etablerer-deploy-'));
const deployed = (service: Service) => join(folder, service);
const running: ServiceProcess[] = [];
const ports = {} as Record<Service, { public: number; internal: number }>;
const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
/** Where the gateway's image has the console, inside its deployed folder (/service). */
const consoleFolder = /CONSOLE_DIR=\/service\/([\w-]+)/.exec(dockerfile)?.[1] ?? 'the Dockerfile sets no CONSOLE_DIR';
/** The platform's tokens' audience, not the default, as the Kubernetes ConfigMap has it: every service must agree. */
const audience = 'etablerer';
/** The gateway's client at the identity provider (OIDC_CLIENT_ID, OIDC_CLIENT_SECRET). */
const oidcClient = { id: 'etablerer', secret: 'a-client-secret-for-the-deployed-test' };
/** Where people reach the platform (PUBLIC_URL, also AUTH_ISSUER as compose has it): the TLS proxy's https origin. */
let publicUrl: string;
/** The test's own certificate for localhost, which the proxies serve and the gateway is told to trust. */
let certificate: { file: string; cert: string; key: string };
let identityProvider: RunningIdentityProvider | undefined;
const tlsServers: TlsServer[] = [];
const tlsSockets = new Set<Socket>();
/** Requests to the https addresses, trusting the test's certificate (the test process's fetch does not). */
let https: HttpClient;
/** What each subgraph's migration step left in its database, before any service started. */
const migrated: Record<string, string[]> = {};

/** `node <args>` in a deployed folder, as the image's command does; its output is kept for the assertion. */
function nodeIn(service: Service, args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, args, { cwd: deployed(service), env, encoding: 'utf8' });
}

/** Polls a URL until it answers 200: a service that becomes ready, whatever the machine's load. */
async function untilOk(url: string): Promise<Response> {
  for (;;) {
    const response = await fetch(url).catch(() => undefined);
    if (response?.ok) return response;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A self-signed certificate for localhost and 127.0.0.1, made with openssl for this run only. */
function makeCertificate(directory: string) {
  mkdirSync(directory);
  const [key, cert] = [join(directory, 'key.pem'), join(directory, 'cert.pem')];
  const made = spawnSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
      '-keyout',
      key,
      '-out',
      cert,
    ],
    { encoding: 'utf8' },
  );
  expect(made.status, made.stderr).toBe(0);
  return { file: cert, cert: readFileSync(cert, 'utf8'), key: readFileSync(key, 'utf8') };
}

/** An https listener on a free port of localhost that hands each decrypted connection to `onConnection`. */
async function tlsListener(onConnection: (socket: Socket) => void): Promise<number> {
  const server = createTlsServer({ cert: certificate.cert, key: certificate.key }, (socket) => {
    tlsSockets.add(socket);
    socket.once('close', () => tlsSockets.delete(socket));
    onConnection(socket);
  });
  // A client going away mid-handshake is no failure of the test.
  server.on('tlsClientError', () => {});
  tlsServers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}

/** An HttpClient over node:https that trusts the test's certificate; redirects are the caller's to follow. */
function trustingClient(ca: string): HttpClient {
  return (url, { method, headers, body }) =>
    new Promise((resolve, reject) => {
      const outgoing = request(url, { method, headers, ca, agent: false }, (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('error', reject);
        incoming.on('end', () => {
          const status = incoming.statusCode ?? 500;
          const responseHeaders = new Headers();
          for (const [name, value] of Object.entries(incoming.headers)) {
            for (const each of [value ?? []].flat()) responseHeaders.append(name, each);
          }
          const content = [204, 304].includes(status) ? null : Buffer.concat(chunks);
          resolve(new Response(content, { status, headers: responseHeaders }));
        });
      });
      outgoing.on('error', reject);
      outgoing.end(body);
    });
}

/** An operation through the gateway's public address with `token`, as a partner or the console sends it. */
async function graphql<Data>(token: string, query: string, variables: Record<string, unknown> = {}) {
  const response = await https(`${publicUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
    redirect: 'manual',
  });
  return (await response.json()) as { data?: Data; errors?: unknown };
}

beforeAll(async () => {
  // The build `pnpm test` runs first (nothing to do then); on its own, this file builds what changed.
  const build = spawnSync(process.execPath, [join(root, 'tools/stack/build.mjs')], { stdio: 'inherit' });
  expect(build.status).toBe(0);
  for (const service of services) {
    const deploy = spawnSync(
      'pnpm',
      ['--filter', `@etablerer/${service}`, 'deploy', '--prod', '--offline', deployed(service)],
      { cwd: root, encoding: 'utf8' },
    );
    expect(deploy.status, `${deploy.stdout}${deploy.stderr}`).toBe(0);
  }
  // The Dockerfile's gateway image: the built console copied into the deployed folder, CONSOLE_DIR naming it.
  expect(dockerfile).toContain(`cp -R admin-ui/dist /service/${consoleFolder}`);
  cpSync(join(root, 'admin-ui/dist'), join(deployed('gateway'), consoleFolder), { recursive: true });

  const serviceKeys = await generateServiceKeys();
  for (const service of services) ports[service] = { public: await freePort(), internal: await freePort() };
  certificate = makeCertificate(join(folder, 'tls'));
  https = trustingClient(certificate.cert);

  // The proxy in front of the gateway (nginx in compose, the ingress in Kubernetes): https outside, the
  // gateway's plain public port behind it.
  const proxyPort = await tlsListener((socket) => {
    const upstream = connect(ports.gateway.public, '127.0.0.1');
    socket.pipe(upstream).pipe(socket);
    socket.on('error', () => upstream.destroy());
    upstream.on('error', () => socket.destroy());
  });
  publicUrl = `https://localhost:${proxyPort}`;
  // The county's identity provider: the development one, on https as a real one is, with the gateway
  // registered as its client. It is no part of the deployment (and refuses production mode).
  let providerServer: RunningIdentityProvider['server'] | undefined;
  const providerPort = await tlsListener((socket) => providerServer?.emit('connection', socket));
  identityProvider = await startIdentityProvider({
    port: 0,
    issuer: `https://localhost:${providerPort}`,
    keysFile: join(folder, 'identity-provider/keys.json'),
    clients: [
      {
        client_id: oidcClient.id,
        client_secret: oidcClient.secret,
        redirect_uris: [`${publicUrl}/auth/callback`],
        post_logout_redirect_uris: [`${publicUrl}/signed-out`],
      },
    ],
  });
  providerServer = identityProvider.server;

  const common: Record<string, string> = {
    // The migration step runs with this alone; the services' processes also inherit this test's environment
    // (startServiceProcess), whose other variables none of them reads.
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    DATABASE_URL: testServerUrl(),
    ...databases,
    // The platform's tokens, as compose and the ConfigMap give every service: issued by the gateway under its
    // public address, verified against its JWKS, fetched inside the network from its public port.
    AUTH_ISSUER: publicUrl,
    AUTH_AUDIENCE: audience,
    AUTH_JWKS_URL: `http://127.0.0.1:${ports.gateway.public}/.well-known/jwks.json`,
    ...Object.fromEntries(
      subgraphs.map((name) => [`${name.toUpperCase()}_URL`, `http://127.0.0.1:${ports[name].public}/graphql`]),
    ),
  };
  const environment = (service: Service): Record<string, string> => ({
    ...common,
    ...serviceKeyEnvironment(serviceKeys, service),
    HOST: '127.0.0.1',
    PORT: String(ports[service].public),
    INTERNAL_HOST: '127.0.0.1',
    INTERNAL_PORT: String(ports[service].internal),
    ...(service === 'gateway'
      ? {
          CONSOLE_DIR: join(deployed('gateway'), consoleFolder),
          PUBLIC_URL: publicUrl,
          OIDC_ISSUER: identityProvider?.url ?? '',
          OIDC_CLIENT_ID: oidcClient.id,
          OIDC_CLIENT_SECRET: oidcClient.secret,
          // The identity provider's certificate is the test's own: trusted as a deployment trusts a private CA.
          NODE_EXTRA_CA_CERTS: certificate.file,
        }
      : {
          // A production subgraph needs its mail server; nothing in this test enqueues e-mail, so none is reached.
          SMTP_URL: 'smtp://127.0.0.1:9',
          PUBLIC_SITE_URL: publicUrl,
        }),
  });

  for (const name of subgraphs) {
    // compose's migrate-<subgraph> services and the Kubernetes Job: `node dist/cli.js migrate`, before any start.
    const migration = nodeIn(name, ['dist/cli.js', 'migrate'], environment(name));
    expect(migration.status, `${name}: ${migration.stdout}${migration.stderr}`).toBe(0);
    const database = databases[`${name.toUpperCase()}_DATABASE` as keyof typeof databases];
    const rows = await queryRows<{ name: string }>(testServerUrl(), database, 'select name from mikro_orm_migrations');
    migrated[name] = rows.map((row) => row.name);
    // The demo data the queries below read (the county's role assignments among them, which give the demo
    // people their access), from the deployed folder too (`docker compose run <subgraph> node dist/cli.js
    // seed`): a production start never seeds it.
    const seed = nodeIn(name, ['dist/cli.js', 'seed'], environment(name));
    expect(seed.status, `${name}: ${seed.stdout}${seed.stderr}`).toBe(0);
  }
  // Each kept as soon as it runs, so that one failing to start leaves none of the others behind.
  await Promise.all(
    services.map(async (service) => {
      running.push(
        await startServiceProcess(service, join(deployed(service), 'dist/index.js'), { env: environment(service) }),
      );
    }),
  );
}, 300_000);

afterAll(async () => {
  await Promise.all(running.map((service) => service.stop()));
  await identityProvider?.stop();
  for (const socket of tlsSockets) socket.destroy();
  await Promise.all(tlsServers.map((server) => new Promise((resolve) => server.close(resolve))));
  await Promise.all(Object.values(databases).map((database) => dropDatabase(testServerUrl(), database)));
  rmSync(folder, { recursive: true, force: true });
});

describe("each service's pnpm deploy folder", () => {
  it('holds its dist/ and production dependencies, not the sources, tests nor development tools', () => {
    for (const service of services) {
      const top = readdirSync(deployed(service)).filter((entry) => !entry.startsWith('pnpm-'));
      const expected = ['dist', 'node_modules', 'package.json', ...(service === 'gateway' ? [consoleFolder] : [])];
      expect(top.sort(), service).toEqual(expected.sort());
      const modules = readdirSync(join(deployed(service), 'node_modules/.pnpm'));
      for (const tool of ['typescript@', 'tsx@', 'vitest@', 'vite@', '@graphql-codegen+cli@', 'fast-check@']) {
        expect(
          modules.filter((name) => name.startsWith(tool)),
          `${service}: ${tool}`,
        ).toEqual([]);
      }
      const kit = join(deployed(service), 'node_modules/@etablerer/kit');
      expect(readdirSync(kit).sort(), service).toEqual(['data', 'dist', 'node_modules', 'package.json']);
    }
  });

  it("migrates each subgraph's database from its deployed folder, every migration the subgraph has", () => {
    for (const name of subgraphs) {
      const files = readdirSync(join(deployed(name), 'dist/migrations')).filter((file) =>
        /^Migration.*\.js$/.test(file),
      );
      expect(files.length, name).toBeGreaterThan(0);
      expect(migrated[name]?.sort(), name).toEqual(files.map((file) => file.replace(/\.js$/, '')).sort());
    }
  });

  it('starts every service from its deployed folder, ready on its internal port', async () => {
    for (const service of services) {
      const ready = await untilOk(`http://127.0.0.1:${ports[service].internal}/health/ready`);
      expect(ready.status, service).toBe(200);
    }
  });

  it('answers the contract operation through the gateway from the three deployed subgraphs, for a person signed in at the identity provider', async () => {
    const token = await signInOverHttp(publicUrl, 'coordination.member', { http: https });
    // The gateway's own token, the role from the county's seeded role assignment (found by the person's e-mail).
    expect(decodeJwt(token)).toMatchObject({
      iss: publicUrl,
      aud: audience,
      sub: 'coordination.member',
      role: 'COORDINATION_MEMBER',
    });
    const body = await graphql<{
      regions: { id: string; agreement: { status: string } | null }[];
      gatherings: unknown[];
    }>(token, readFileSync(join(root, 'schema/operations/coordination-overview.graphql'), 'utf8'), { year: 2024 });
    expect(body.errors).toBeUndefined();
    const follo = body.data?.regions.find((region) => region.id === 'follo');
    // regions' own fields, county's agreement and partners' gatherings: each from its deployed subgraph,
    // each having verified the token against the gateway's JWKS.
    expect(follo?.agreement?.status).toMatch(/^[A-Z]+$/);
    expect(body.data?.gatherings).toHaveLength(2);
  });

  it('gives a partner system a token for the key a county officer registers for it, good for the aggregates', async () => {
    // The demo's partner system has no key: a county officer adds the one the partner made.
    const clientId = 'reporting.demo';
    const officer = await signInOverHttp(publicUrl, 'county.officer', { http: https });
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    const added = await graphql<{ addApiClientKey: { keys: { kid: string }[] } }>(
      officer,
      'mutation AddKey($input: AddApiClientKeyInput!) { addApiClientKey(input: $input) { keys { kid } } }',
      { input: { clientId, publicKey: JSON.stringify(await exportJWK(publicKey)) } },
    );
    expect(added.errors).toBeUndefined();
    const kid = added.data?.addApiClientKey.keys[0]?.kid ?? 'no key added';

    // private_key_jwt: an assertion for the gateway (its AUTH_ISSUER), signed with the partner's private key.
    const assertion = await new SignJWT({})
      .setProtectedHeader({ alg: 'ES256', kid })
      .setIssuer(clientId)
      .setSubject(clientId)
      .setAudience(publicUrl)
      .setJti(randomUUID())
      .setIssuedAt()
      .setExpirationTime('60s')
      .sign(privateKey);
    const response = await https(`${publicUrl}/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: assertion,
        scope: 'aggregates:read',
      }).toString(),
      redirect: 'manual',
    });
    const token = (await response.json()) as { access_token?: string; token_type?: string; scope?: string };
    expect(response.status, JSON.stringify(token)).toBe(200);
    expect(token).toMatchObject({ token_type: 'Bearer', scope: 'aggregates:read' });

    const agreements = await graphql<{ agreements: { status: string; region: { id: string } }[] }>(
      token.access_token ?? '',
      'query Agreements { agreements { status region { id } } }',
    );
    expect(agreements.errors).toBeUndefined();
    expect(agreements.data?.agreements.map((agreement) => agreement.region.id)).toContain('follo');
  });

  it("serves the console's index from the gateway image's console folder", async () => {
    const index = await fetch(`http://127.0.0.1:${ports.gateway.public}/`, { headers: { accept: 'text/html' } });
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('<div id="app"></div>');
  });
});
