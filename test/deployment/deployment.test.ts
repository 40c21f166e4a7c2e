// The deployment files (Dockerfile, compose.yaml, the nginx proxy, deploy/k8s) checked offline, as
// far as they can be without building an image: that they parse, and that what one file names the
// others and the code have (services, secrets and their keys, ports, probes, the migration step).
import { readdirSync, readFileSync } from 'node:fs';
import { gatewayOptionsFromEnvironment } from '@etablerer/gateway/server';
import { generateServiceKeys, serviceKeyEnvironment, subgraphOptionsFromEnvironment } from '@etablerer/kit';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

const subgraphs = ['county', 'regions', 'partners'] as const;
const services = ['gateway', ...subgraphs] as const;
/** The subgraphs that call another and so sign with a private key of their own (kit callingServices). */
const signing = ['gateway', 'regions', 'partners'];

// biome-ignore lint/suspicious/noExplicitAny: parsed YAML, checked field by field below
type Yaml = any;

/** What an operator gives a production deployment: its address and the county's identity provider (docs/operations.md). */
const operatorValues = {
  PUBLIC_URL: 'https://etablerer.example.no',
  OIDC_ISSUER: 'https://login.example.no',
  OIDC_CLIENT_ID: 'etablerer',
  OIDC_CLIENT_SECRET: 'a-client-secret',
  POSTGRES_PASSWORD: 'a-password',
  SMTP_URL: 'smtp://etablerer:a-password@smtp.example.no:587',
};

/** The gateway's own configuration check, as a production start makes it: throws naming what is missing or wrong. */
const gatewayStartsWith = (environment: Record<string, string>) => () => gatewayOptionsFromEnvironment(environment);

/** Each subgraph's shape as its configuration sees it (its server.ts): whom it calls. */
const subgraphShapes = {
  county: { name: 'county', database: 'county', defaultPort: 4001 },
  regions: { name: 'regions', database: 'regions', defaultPort: 4002, calls: ['partners', 'county'] },
  partners: { name: 'partners', database: 'partners', defaultPort: 4003, calls: ['regions', 'county'] },
};
/** A subgraph's configuration check, as a production start makes it. */
const subgraphStartsWith = (name: (typeof subgraphs)[number], environment: Record<string, string>) => () =>
  subgraphOptionsFromEnvironment(subgraphShapes[name], environment);

describe('the Dockerfile', () => {
  const dockerfile = read('Dockerfile');
  const stages = dockerfile.split(/^FROM /m).slice(1);
  const runtime = stages.at(-1) ?? '';

  it('builds in one stage and runs a pnpm deploy of the one service, production dependencies only, in another', () => {
    expect(stages).toHaveLength(2);
    expect(dockerfile).toMatch(/pnpm install --frozen-lockfile/);
    // The service and the workspace packages it depends on are built; then the service alone is deployed.
    expect(dockerfile).toMatch(/pnpm --filter "\$\{PACKAGE\}\.\.\." run build/);
    expect(dockerfile).toMatch(/pnpm --filter "\$\{PACKAGE\}" deploy --prod \/service/);
    expect(runtime).toMatch(/COPY --from=build \/service \.\//);
    expect(runtime).not.toMatch(/pnpm|tsx/);
    expect(runtime).toMatch(/CMD \["node", "dist\/index.js"\]/);
  });

  it("builds the console for the gateway's image only and serves it from there (CONSOLE_DIR)", () => {
    const build = stages[0] ?? '';
    const consoleDir = /CONSOLE_DIR=(\S+)/.exec(runtime)?.[1];
    expect(consoleDir).toMatch(/^\/service\//);
    // Built and copied into the deployed folder, which the runtime stage copies whole, when the service is the gateway.
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the Dockerfile's own shell variable
    expect(build).toContain('if [ "${PACKAGE}" = "@etablerer/gateway" ]; then');
    expect(build).toContain(`pnpm --filter @etablerer/admin-ui run build && cp -R admin-ui/dist ${consoleDir};`);
  });

  it('copies every workspace manifest before installing, so the frozen lockfile install can succeed', () => {
    const workspace = parse(read('pnpm-workspace.yaml')) as { packages: string[] };
    const folders = workspace.packages.flatMap((pattern) =>
      pattern.endsWith('/*')
        ? readdirSync(new URL(pattern.slice(0, -1), root), { withFileTypes: true })
            .filter((entry) => entry.isDirectory())
            .map((entry) => `${pattern.slice(0, -1)}${entry.name}`)
        : [pattern],
    );
    for (const folder of folders) expect(dockerfile).toContain(`COPY ${folder}/package.json ${folder}/`);
  });

  it('runs as the unprivileged node user in production mode, listening on 8080 for the load balancer, with a health check', () => {
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toMatch(/NODE_ENV=production/);
    expect(runtime).toMatch(/HOST=0\.0\.0\.0/);
    expect(runtime).toMatch(/PORT=8080/);
    expect(runtime).toMatch(/HEALTHCHECK .*\n.*INTERNAL_PORT.*\/health\/ready/);
  });

  it('leaves installed modules, build output, local data and secrets out of the build context', () => {
    const ignored = read('.dockerignore').split('\n');
    for (const entry of ['**/node_modules', '**/dist', '.data', '.env', '.git']) expect(ignored).toContain(entry);
  });
});

describe('compose.yaml', () => {
  const compose = parse(read('compose.yaml'), { merge: true }) as Yaml;
  const named = compose.services as Record<string, Yaml>;

  it('runs PostgreSQL, a migration per subgraph, the three subgraphs, two gateways and a proxy', () => {
    expect(Object.keys(named).sort()).toEqual(
      [
        'postgres',
        ...subgraphs.map((name) => `migrate-${name}`),
        ...subgraphs,
        'gateway-1',
        'gateway-2',
        'proxy',
      ].sort(),
    );
  });

  it('migrates once, to completion, before each subgraph starts, and starts the gateways on healthy subgraphs', () => {
    for (const name of subgraphs) {
      const migration = named[`migrate-${name}`];
      expect(migration.image).toBe(named[name].image);
      expect(migration.command).toEqual(['node', 'dist/cli.js', 'migrate']);
      expect(migration.restart).toBe('no');
      expect(migration.depends_on.postgres.condition).toBe('service_healthy');
      expect(named[name].depends_on[`migrate-${name}`].condition).toBe('service_completed_successfully');
      expect(named[name].build.args.PACKAGE).toBe(`@etablerer/${name}`);
    }
    for (const gateway of ['gateway-1', 'gateway-2']) {
      expect(named[gateway].build.args.PACKAGE).toBe('@etablerer/gateway');
      for (const name of subgraphs) expect(named[gateway].depends_on[name].condition).toBe('service_healthy');
    }
  });

  it('gives each service what it needs: the database, the trusted keys, its own private key when it signs', () => {
    for (const name of [...subgraphs, 'gateway-1', 'gateway-2']) {
      const environment = named[name].environment as Record<string, string>;
      expect(environment.NODE_ENV).toBe('production');
      expect(environment.DATABASE_URL).toMatch(/^postgres:\/\/etablerer:.*@postgres:5432$/);
      expect(environment.SERVICE_KEYS).toContain('SERVICE_KEYS');
      const service = name.replace(/-\d$/, '');
      // A production start refuses SEED_DEMO=true: compose must not offer it (`node dist/cli.js seed` seeds a trial).
      if (service !== 'gateway') expect(environment.SEED_DEMO, name).toBe('false');
      expect(environment.SERVICE_PRIVATE_KEY !== undefined, name).toBe(signing.includes(service));
      for (const other of subgraphs) {
        expect(environment[`${other.toUpperCase()}_URL`]).toBe(`http://${other}:8080/graphql`);
      }
    }
    // Both gateways count the public limits in one database, and believe X-Forwarded-For from the proxy only.
    expect(named['gateway-1'].environment.GATEWAY_DATABASE).toBe('gateway');
    expect(named['gateway-1'].environment.TRUST_PROXY).toBe(named.proxy.networks.platform.ipv4_address);
  });

  it("gives the gateways all a production start needs from the values its header says to put in the env file, and every service the gateways' JWKS", async () => {
    // deploy/compose.env: the service keys (`pnpm --filter @etablerer/kit run service-keys`) and the operator's values.
    const keys = await generateServiceKeys();
    const envFile: Record<string, string> = {
      ...operatorValues,
      SERVICE_KEYS: JSON.stringify(keys.jwks),
      ...Object.fromEntries(
        Object.entries(keys.privateKeys).map(([service, key]) => [
          `${service.toUpperCase()}_SERVICE_PRIVATE_KEY`,
          JSON.stringify(key),
        ]),
      ),
    };
    // Compose's interpolation: ${NAME}, ${NAME:-default}, ${NAME:?error} (refused when unset).
    const interpolated = (environment: Record<string, string>) =>
      Object.fromEntries(
        Object.entries(environment).map(([name, value]) => [
          name,
          String(value).replace(/\$\{(\w+)(?::([-?])([^}]*))?\}/g, (_match, variable: string, kind, text: string) => {
            const given = envFile[variable];
            if (given !== undefined) return given;
            if (kind === '-') return text;
            throw new Error(`${name} needs ${variable}, which the env file does not have: ${text}`);
          }),
        ]),
      );
    for (const gateway of ['gateway-1', 'gateway-2']) {
      const environment = interpolated(named[gateway].environment);
      expect(gatewayStartsWith(environment), gateway).not.toThrow();
      expect(environment.AUTH_PUBLIC_KEY, gateway).toBeUndefined();
      expect(environment.AUTH_ISSUER, gateway).toBe(operatorValues.PUBLIC_URL);
    }
    for (const name of subgraphs) {
      const environment = interpolated(named[name].environment);
      // The gateways' keys through the proxy in front of both; tokens issued under the gateways' AUTH_ISSUER.
      expect(environment.AUTH_JWKS_URL, name).toBe('http://proxy:8080/.well-known/jwks.json');
      expect(environment.AUTH_ISSUER, name).toBe(operatorValues.PUBLIC_URL);
      expect(environment.AUTH_AUDIENCE, name).toBe(interpolated(named['gateway-1'].environment).AUTH_AUDIENCE);
      expect(environment.AUTH_PUBLIC_KEY, name).toBeUndefined();
      // Everything else a production start needs, the mail server the outbox sends through among it.
      expect(subgraphStartsWith(name, environment), name).not.toThrow();
      expect(environment.SMTP_URL, name).toBe(operatorValues.SMTP_URL);
    }
  });

  it('puts both gateways behind the proxy, which replaces X-Forwarded-For rather than appending to it', () => {
    const nginx = read('deploy/nginx/nginx.conf');
    expect(named.proxy.volumes).toContain('./deploy/nginx/nginx.conf:/etc/nginx/nginx.conf:ro');
    expect(nginx).toMatch(/server gateway-1:8080/);
    expect(nginx).toMatch(/server gateway-2:8080/);
    expect(nginx).toMatch(/proxy_set_header X-Forwarded-For \$remote_addr;/);
    expect(nginx).not.toMatch(/proxy_add_x_forwarded_for/);
  });
});

describe('deploy/k8s', () => {
  const folder = new URL('deploy/k8s/', root);
  const documents: Yaml[] = readdirSync(folder)
    .filter((file) => file.endsWith('.yaml'))
    .flatMap((file) =>
      parseAllDocuments(readFileSync(new URL(file, folder), 'utf8')).map((document) => {
        expect(document.errors, file).toEqual([]);
        return { file, ...document.toJS() };
      }),
    );
  const ofKind = (kind: string) => documents.filter((document) => document.kind === kind);
  const deployment = (name: string) => ofKind('Deployment').find((document) => document.metadata.name === name);
  const podSpecs = [
    ...ofKind('Deployment').map((document) => document.spec.template.spec),
    ...ofKind('Job').map((document) => document.spec.template.spec),
  ];

  it('has a Deployment and a Service per service, each Service selecting its Deployment’s pods on the named port', () => {
    for (const name of services) {
      const found = deployment(name);
      expect(found, name).toBeDefined();
      expect(found.spec.replicas).toBeGreaterThanOrEqual(2);
      const service = ofKind('Service').find((document) => document.metadata.name === name);
      expect(service.spec.selector).toEqual(found.spec.selector.matchLabels);
      expect(found.spec.template.metadata.labels).toMatchObject(service.spec.selector);
      expect(service.spec.ports[0].targetPort).toBe(found.spec.template.spec.containers[0].ports[0].name);
    }
  });

  it('probes readiness at /health/ready on the internal port and liveness at /health/live, on the ports the ConfigMap gives the process', () => {
    const [config] = ofKind('ConfigMap');
    for (const name of services) {
      const [container] = deployment(name).spec.template.spec.containers;
      expect(container.readinessProbe.httpGet).toEqual({ path: '/health/ready', port: 'internal' });
      expect(container.livenessProbe.httpGet).toEqual({ path: '/health/live', port: 'http' });
      const port = (portName: string) =>
        String(container.ports.find((entry: { name: string }) => entry.name === portName)?.containerPort);
      expect(port('http')).toBe(config.data.PORT);
      expect(port('internal')).toBe(config.data.INTERNAL_PORT);
    }
    expect(config.data.INTERNAL_HOST).toBe('0.0.0.0');
    expect(config.data.HOST).toBe('0.0.0.0');
    expect(config.data.NODE_ENV).toBe('production');
    expect(config.data.SEED_DEMO).toBe('false');
  });

  it('takes keys and the database address from the Secret, each service only its own private key', () => {
    const [secret] = ofKind('Secret');
    for (const spec of podSpecs) {
      for (const container of spec.containers) {
        for (const variable of container.env ?? []) {
          const reference = variable.valueFrom?.secretKeyRef;
          if (!reference) continue;
          expect(reference.name).toBe(secret.metadata.name);
          expect(Object.keys(secret.stringData)).toContain(reference.key);
        }
      }
    }
    for (const name of services) {
      const variables = deployment(name).spec.template.spec.containers[0].env as Yaml[];
      const key = variables.find((variable) => variable.name === 'SERVICE_PRIVATE_KEY')?.valueFrom.secretKeyRef.key;
      expect(key, name).toBe(signing.includes(name) ? `${name.toUpperCase()}_SERVICE_PRIVATE_KEY` : undefined);
    }
  });

  it("gives the gateway all a production start needs, the county's identity provider's secret from the Secret, and every service the gateway's JWKS", async () => {
    const [config] = ofKind('ConfigMap');
    const [secret] = ofKind('Secret');
    const keys = await generateServiceKeys();
    // The Secret as made from `service-keys` and the operator's values; the example holds placeholders.
    const secrets: Record<string, string> = {
      ...secret.stringData,
      ...serviceKeyEnvironment(keys, 'gateway'),
      GATEWAY_SERVICE_PRIVATE_KEY: JSON.stringify(keys.privateKeys.gateway),
      OIDC_CLIENT_SECRET: operatorValues.OIDC_CLIENT_SECRET,
    };
    const [container] = deployment('gateway').spec.template.spec.containers;
    const environment: Record<string, string> = { ...config.data };
    for (const variable of container.env as Yaml[]) {
      const key = variable.valueFrom?.secretKeyRef?.key;
      environment[variable.name] = key === undefined ? variable.value : secrets[key];
    }
    expect(gatewayStartsWith(environment)).not.toThrow();
    expect(environment.AUTH_PUBLIC_KEY).toBeUndefined();
    expect(container.env.find((variable: Yaml) => variable.name === 'OIDC_CLIENT_SECRET')).toMatchObject({
      valueFrom: { secretKeyRef: { key: 'OIDC_CLIENT_SECRET' } },
    });
    // Every service reads the ConfigMap: the gateway's keys at its Service, the tokens under its public address.
    expect(new URL(config.data.AUTH_JWKS_URL).host).toBe(`gateway.${config.metadata.namespace}.svc.cluster.local`);
    expect(new URL(config.data.AUTH_JWKS_URL).pathname).toBe('/.well-known/jwks.json');
    expect(config.data.AUTH_ISSUER).toBe(config.data.PUBLIC_URL);
    for (const name of services) {
      expect(deployment(name).spec.template.spec.containers[0].envFrom, name).toEqual([
        { configMapRef: { name: config.metadata.name } },
      ]);
    }
  });

  it('gives every subgraph all a production start needs, the mail server from the Secret', async () => {
    const [config] = ofKind('ConfigMap');
    const [secret] = ofKind('Secret');
    const keys = await generateServiceKeys();
    const secrets: Record<string, string> = {
      ...secret.stringData,
      SERVICE_KEYS: JSON.stringify(keys.jwks),
      REGIONS_SERVICE_PRIVATE_KEY: JSON.stringify(keys.privateKeys.regions),
      PARTNERS_SERVICE_PRIVATE_KEY: JSON.stringify(keys.privateKeys.partners),
    };
    for (const name of subgraphs) {
      const [container] = deployment(name).spec.template.spec.containers;
      const environment: Record<string, string> = { ...config.data };
      for (const variable of container.env as Yaml[]) {
        const key = variable.valueFrom?.secretKeyRef?.key;
        environment[variable.name] = key === undefined ? variable.value : secrets[key];
      }
      expect(subgraphStartsWith(name, environment), name).not.toThrow();
      expect(
        container.env.find((variable: Yaml) => variable.name === 'SMTP_URL'),
        name,
      ).toMatchObject({
        valueFrom: { secretKeyRef: { key: 'SMTP_URL' } },
      });
    }
  });

  it('runs every container as a non-root user that cannot gain privileges', () => {
    for (const spec of podSpecs) {
      for (const container of spec.containers) {
        expect(container.securityContext).toMatchObject({
          runAsNonRoot: true,
          allowPrivilegeEscalation: false,
          capabilities: { drop: ['ALL'] },
        });
      }
    }
  });

  it('migrates every subgraph in a Job, kept out of the rollout (kustomization) so it runs once before it', () => {
    const [job] = ofKind('Job');
    expect(job.spec.template.spec.restartPolicy).toBe('Never');
    expect(job.spec.template.spec.containers.map((container: Yaml) => [container.image, container.command])).toEqual(
      subgraphs.map((name) => [`etablerer/${name}:latest`, ['node', 'dist/cli.js', 'migrate']]),
    );
    const [kustomization] = documents.filter((document) => document.kind === 'Kustomization');
    expect(kustomization.resources).not.toContain(job.file);
    expect(kustomization.resources).not.toContain('secret.example.yaml');
    const listed = new Set(kustomization.resources);
    for (const { file, kind } of documents) {
      if (!['Job', 'Secret', 'Kustomization'].includes(kind)) expect(listed, file).toContain(file);
    }
  });
});
