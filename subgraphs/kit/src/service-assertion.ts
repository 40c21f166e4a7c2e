// Service assertions: how a subgraph knows that a request comes from a service it trusts (the
// gateway, or for regions also partners) and not from someone past the gateway holding only a
// user's token. The calling service signs every request with its own private key (a short-lived
// ES256 JWT in `x-service-assertion`, bound to the request body and the client's address); the
// subgraph verifies it against the trusted services' public keys (SERVICE_KEYS), then verifies
// the user's token as before. The user's token says who acts; the assertion says which service
// vouches for the request, so the limits the gateway enforces cannot be skipped.
import { createHash, createPrivateKey, type JsonWebKey, randomUUID, sign as signWithKey } from 'node:crypto';
import { createLocalJWKSet, exportJWK, generateKeyPair, type JWK, jwtVerify } from 'jose';
import { clientAddressHeader } from './client-address.js';
import { unauthenticated } from './errors.js';
import { requestDeadlineHeader } from './request-deadline.js';
import { loadOrCreateSecretJson } from './secret-files.js';

/** The header carrying the calling service's assertion. */
export const serviceAssertionHeader = 'x-service-assertion';
/** The header with the end user's address, set by the gateway (rate limits); bound into the assertion. */

/** How long an assertion is valid: one request's flight, not a session. */
export const serviceAssertionLifetimeSeconds = 60;
/** How far apart the services' clocks may be. */
export const serviceClockToleranceSeconds = 30;

const algorithm = 'ES256';

/** The longest assertion id kept (the services sign UUIDs). */
const maxJtiLength = 100;

/** What a verified assertion tells the subgraph. */
export interface ServiceCall {
  /** The calling service (the key's `kid`, and the assertion's `iss`). */
  service: string;
  /** The end user's address as the calling service saw it; taken from the signed claim only. */
  clientAddress?: string;
  /** When the calling service stops waiting (epoch ms; see request-deadline.ts); taken from the signed claim only. */
  deadline?: number;
}

/** The SHA-256 of a request body as the assertion carries it (base64url). */
export function bodyDigest(body: string | Uint8Array): string {
  return createHash('sha256').update(body).digest('base64url');
}

export interface ServiceKeyPair {
  privateKey: JWK;
  publicKey: JWK;
}

/** A new ES256 key pair for `service`; its `kid` is the service's name. */
export async function generateServiceKeyPair(service: string): Promise<ServiceKeyPair> {
  const { publicKey, privateKey } = await generateKeyPair(algorithm, { extractable: true });
  const common = { kid: service, alg: algorithm, use: 'sig' };
  return {
    privateKey: { ...(await exportJWK(privateKey)), ...common },
    publicKey: { ...(await exportJWK(publicKey)), ...common },
  };
}

/** Signs an outgoing request for `audience` (the target subgraph's name). */
export type ServiceSigner = (request: {
  audience: string;
  body: string;
  clientAddress?: string;
  /** The request's deadline (epoch ms) as sent in `x-request-deadline`. */
  deadline?: number;
}) => Promise<string>;

/** A signer with the calling service's own private key; its `kid` names the service. */
export async function createServiceSigner(privateKey: JWK): Promise<ServiceSigner> {
  const service = privateKey.kid;
  if (!service) throw new Error('The service key has no kid: it must name the service (e.g. "gateway")');
  if (!privateKey.d) throw new Error(`The service key of ${service} is a public key; signing needs the private key`);
  // Signed with node:crypto's ECDSA (the JWS signature in its IEEE P1363 form, as ES256 has it), not
  // jose's WebCrypto signing: a router signs every subgraph fetch, and WebCrypto's asynchronous job
  // took five times the CPU (200 µs a signature against 40 µs). The subgraphs verify with jose.
  if (privateKey.kty !== 'EC' || privateKey.crv !== 'P-256') {
    throw new Error(`The service key of ${service} is not an ${algorithm} (EC P-256) key`);
  }
  const key = createPrivateKey({ key: privateKey as JsonWebKey, format: 'jwk' });
  const header = base64url({ alg: algorithm, kid: service, typ: 'service-assertion+jwt' });
  return async ({ audience, body, clientAddress, deadline }) => {
    // One reading of the clock: read twice, a second may pass between them and make the assertion
    // a second longer-lived than its receiver accepts.
    const now = Math.floor(Date.now() / 1000);
    const payload = base64url({
      body_sha256: bodyDigest(body),
      ...(clientAddress ? { client_address: clientAddress } : {}),
      ...(deadline === undefined ? {} : { deadline }),
      iss: service,
      aud: audience,
      iat: now,
      exp: now + serviceAssertionLifetimeSeconds,
      jti: randomUUID(),
    });
    const signingInput = `${header}.${payload}`;
    const signature = signWithKey('sha256', Buffer.from(signingInput), { key, dsaEncoding: 'ieee-p1363' });
    return `${signingInput}.${signature.toString('base64url')}`;
  };
}

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * The headers of an outgoing request with its assertion added; the client address and deadline
 * bound are the ones in the headers (`x-client-address`, `x-request-deadline`), so none can be
 * changed, stripped or added on the way.
 */
export async function withServiceAssertion(
  sign: ServiceSigner,
  audience: string,
  body: string,
  headers: Record<string, string>,
): Promise<Record<string, string>> {
  const clientAddress = headers[clientAddressHeader];
  const deadline = headers[requestDeadlineHeader];
  if (deadline !== undefined && !/^\d+$/.test(deadline)) throw new Error(`${requestDeadlineHeader} must be epoch ms`);
  const assertion = await sign({
    audience,
    body,
    ...(clientAddress ? { clientAddress } : {}),
    ...(deadline === undefined ? {} : { deadline: Number(deadline) }),
  });
  return { ...headers, [serviceAssertionHeader]: assertion };
}

/** Verifies a request's assertion; throws UNAUTHENTICATED with the reason when it is not valid. */
export type ServiceAssertionVerifier = (request: {
  assertion: string | undefined;
  body: Uint8Array | string;
  clientAddress: string | undefined;
  /** The `x-request-deadline` header as received; it must be what was signed. */
  deadline?: string | undefined;
}) => Promise<ServiceCall>;

/**
 * Records that an assertion (its `jti`) was used, and says whether this was its first use; kept at
 * least until `expiresAt` (epoch seconds), after which the assertion is refused as expired anyway.
 * Every instance of a subgraph must share it, or an assertion captured on its way to one instance
 * could be replayed to another: a running subgraph keeps it in its database (`service_assertion_use`).
 */
export type AssertionUses = (jti: string, expiresAt: number) => Promise<boolean>;

/** The uses kept in this process's memory: for a verifier no other process shares (unit tests). */
export function assertionUsesInMemory(): AssertionUses {
  const seen = new Map<string, number>();
  return async (jti, expiresAt) => {
    const now = Date.now() / 1000;
    for (const [id, expiry] of seen) if (expiry < now) seen.delete(id);
    if (seen.has(jti)) return false;
    seen.set(jti, expiresAt);
    return true;
  };
}

export interface ServiceTrust {
  /** This subgraph's name: the audience its assertions must name. */
  audience: string;
  /** The services it accepts requests from, e.g. ["gateway"]. */
  trusted: readonly string[];
  /** The public keys of the services (kid = service name); keys of services not trusted are ignored. */
  keys: readonly JWK[];
  /** Where the assertions already used are kept; in this process's memory unless given. */
  uses?: AssertionUses;
}

export function createServiceAssertionVerifier({
  audience,
  trusted,
  keys,
  uses = assertionUsesInMemory(),
}: ServiceTrust): ServiceAssertionVerifier {
  const trustedKeys = keys.filter((key) => key.kid && trusted.includes(key.kid));
  for (const service of trusted) {
    if (!trustedKeys.some((key) => key.kid === service)) {
      throw new Error(
        `SERVICE_KEYS has no public key of ${service}, whose requests the ${audience} subgraph accepts (kid "${service}")`,
      );
    }
  }
  const jwks = createLocalJWKSet({ keys: trustedKeys.map((key) => ({ ...key })) });
  const refuse = (reason: string) =>
    unauthenticated(`This service accepts requests through the gateway only: ${reason}.`);
  return async ({ assertion, body, clientAddress, deadline }) => {
    if (!assertion) throw refuse('the request carries no service assertion');
    let payload: Record<string, unknown>;
    let kid: string | undefined;
    try {
      ({
        payload,
        protectedHeader: { kid },
      } = await jwtVerify(assertion, jwks, {
        audience,
        algorithms: [algorithm],
        clockTolerance: serviceClockToleranceSeconds,
        maxTokenAge: serviceAssertionLifetimeSeconds + serviceClockToleranceSeconds,
        requiredClaims: ['iss', 'aud', 'iat', 'exp', 'jti'],
      }));
    } catch {
      throw refuse('the service assertion is not valid (signature, audience or time)');
    }
    const { iss, jti, exp, body_sha256: digest, client_address: boundAddress, deadline: boundDeadline } = payload;
    if (typeof iss !== 'string' || iss !== kid) throw refuse('the service assertion names another issuer than its key');
    if (typeof exp !== 'number' || exp - Number(payload.iat) > serviceAssertionLifetimeSeconds) {
      throw refuse('the service assertion is valid for too long');
    }
    if (digest !== bodyDigest(body)) throw refuse('the service assertion was made for another request body');
    if ((boundAddress ?? undefined) !== clientAddress) {
      throw refuse('the service assertion was made for another client address');
    }
    // Stripped, added or pushed back, a deadline would let a request run (and commit) after its
    // caller gave up on it: the header must be exactly what was signed.
    if ((boundDeadline === undefined ? undefined : String(boundDeadline)) !== deadline) {
      throw refuse('the service assertion was made for another deadline');
    }
    if (boundDeadline !== undefined && (typeof boundDeadline !== 'number' || !Number.isSafeInteger(boundDeadline))) {
      throw refuse('the service assertion has a deadline that is not epoch milliseconds');
    }
    if (typeof jti !== 'string' || jti.length > maxJtiLength) throw refuse('the service assertion has no usable id');
    // Each assertion once, across every instance of the subgraph: a captured one cannot be sent
    // again, not even with the same body. Kept until it could no longer pass the time checks above.
    if (!(await uses(jti, exp + serviceClockToleranceSeconds))) throw refuse('the service assertion was used already');
    return {
      service: iss,
      ...(typeof boundAddress === 'string' ? { clientAddress: boundAddress } : {}),
      ...(typeof boundDeadline === 'number' ? { deadline: boundDeadline } : {}),
    };
  };
}

/** The key pairs of the services that call subgraphs, and the JWKS of their public keys. */
export interface ServiceKeys {
  privateKeys: Record<string, JWK>;
  /** What SERVICE_KEYS holds. */
  jwks: { keys: JWK[] };
}

/** The services that sign requests to subgraphs: the gateway; partners asks regions; regions tells partners of erasures. */
export const callingServices = ['gateway', 'partners', 'regions'] as const;

export async function generateServiceKeys(services: readonly string[] = callingServices): Promise<ServiceKeys> {
  const pairs = await Promise.all(services.map((service) => generateServiceKeyPair(service)));
  return {
    privateKeys: Object.fromEntries(pairs.map((pair) => [pair.privateKey.kid, pair.privateKey])),
    jwks: { keys: pairs.map((pair) => pair.publicKey) },
  };
}

/**
 * The service keys in `file`, made on first use (or when a service's key is missing), like the
 * development sign-in key: the file holds private keys, so it lives in the ignored .data/ folder.
 */
export async function loadOrCreateServiceKeys(
  file: string,
  services: readonly string[] = callingServices,
): Promise<ServiceKeys> {
  return loadOrCreateSecretJson(
    file,
    () => generateServiceKeys(services),
    (stored: ServiceKeys) => services.every((service) => stored.privateKeys[service]),
  );
}

/** The environment a service of the platform gets: the trusted keys, and its own private key when it calls subgraphs. */
export function serviceKeyEnvironment(keys: ServiceKeys, service: string): Record<string, string> {
  const own = keys.privateKeys[service];
  return { SERVICE_KEYS: JSON.stringify(keys.jwks), ...(own ? { SERVICE_PRIVATE_KEY: JSON.stringify(own) } : {}) };
}
