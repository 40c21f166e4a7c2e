// Service-key configuration: a mistake stops the start with a message that says what to fix,
// rather than leaving a subgraph that refuses everything, or trusts what it should not.
import { describe, expect, it } from 'vitest';
import {
  createServiceAssertionVerifier,
  createServiceSigner,
  generateServiceKeys,
  serviceAssertionHeader,
  serviceKeysFromEnvironment,
  servicePrivateKeyFromEnvironment,
  withServiceAssertion,
} from '../src/service-assertion.js';

describe('service keys from the environment', () => {
  it('takes a JWKS of public keys named by service', async () => {
    const { jwks } = await generateServiceKeys(['gateway']);
    expect(serviceKeysFromEnvironment({ SERVICE_KEYS: JSON.stringify(jwks) })).toEqual(jwks.keys);
  });

  it('refuses a missing, malformed or private SERVICE_KEYS, naming it', async () => {
    const { jwks, privateKeys } = await generateServiceKeys(['gateway']);
    expect(() => serviceKeysFromEnvironment({})).toThrow(/SERVICE_KEYS is not set/);
    expect(() => serviceKeysFromEnvironment({ SERVICE_KEYS: 'gateway' })).toThrow(/not JSON/);
    expect(() => serviceKeysFromEnvironment({ SERVICE_KEYS: JSON.stringify(jwks.keys) })).toThrow(/JWKS/);
    const unnamed = { keys: [{ ...jwks.keys[0], kid: undefined }] };
    expect(() => serviceKeysFromEnvironment({ SERVICE_KEYS: JSON.stringify(unnamed) })).toThrow(/no kid/);
    expect(() => serviceKeysFromEnvironment({ SERVICE_KEYS: JSON.stringify({ keys: [privateKeys.gateway] }) })).toThrow(
      /private key of gateway/,
    );
    const symmetric = { keys: [{ kty: 'oct', k: 'c2VjcmV0', kid: 'gateway' }] };
    expect(() => serviceKeysFromEnvironment({ SERVICE_KEYS: JSON.stringify(symmetric) })).toThrow(/not ES256/);
  });

  it('refuses a subgraph whose trusted services have no key', async () => {
    const { jwks } = await generateServiceKeys(['gateway']);
    expect(() =>
      createServiceAssertionVerifier({ audience: 'regions', trusted: ['gateway', 'partners'], keys: jwks.keys }),
    ).toThrow(/no public key of partners, whose requests the regions subgraph accepts/);
  });

  it('takes a private key of its own only with a kid naming the service', async () => {
    const { privateKeys, jwks } = await generateServiceKeys(['partners']);
    expect(servicePrivateKeyFromEnvironment({})).toBeUndefined();
    expect(servicePrivateKeyFromEnvironment({ SERVICE_PRIVATE_KEY: JSON.stringify(privateKeys.partners) })?.kid).toBe(
      'partners',
    );
    expect(() => servicePrivateKeyFromEnvironment({ SERVICE_PRIVATE_KEY: JSON.stringify(jwks.keys[0]) })).toThrow(
      /private JWK/,
    );
  });
});

describe('the request deadline in a service assertion', () => {
  const body = JSON.stringify({ query: 'mutation { x }' });

  async function signedWithDeadline(deadline: number) {
    const { privateKeys, jwks } = await generateServiceKeys(['gateway']);
    const verify = createServiceAssertionVerifier({ audience: 'regions', trusted: ['gateway'], keys: jwks.keys });
    const signer = await createServiceSigner(privateKeys.gateway as NonNullable<typeof privateKeys.gateway>);
    const headers = await withServiceAssertion(signer, 'regions', body, { 'x-request-deadline': String(deadline) });
    return { verify, assertion: headers[serviceAssertionHeader] };
  }

  it('tells the subgraph the deadline the calling service signed', async () => {
    const deadline = Date.now() + 5_000;
    const { verify, assertion } = await signedWithDeadline(deadline);
    expect(await verify({ assertion, body, clientAddress: undefined, deadline: String(deadline) })).toEqual({
      service: 'gateway',
      deadline,
    });
  });

  it('refuses a deadline stripped, pushed back or added on the way', async () => {
    const deadline = Date.now() + 5_000;
    for (const sent of [undefined, String(deadline + 60_000)]) {
      const { verify, assertion } = await signedWithDeadline(deadline);
      await expect(verify({ assertion, body, clientAddress: undefined, deadline: sent })).rejects.toThrow(
        /made for another deadline/,
      );
    }
    const { privateKeys, jwks } = await generateServiceKeys(['gateway']);
    const verify = createServiceAssertionVerifier({ audience: 'regions', trusted: ['gateway'], keys: jwks.keys });
    const signer = await createServiceSigner(privateKeys.gateway as NonNullable<typeof privateKeys.gateway>);
    const headers = await withServiceAssertion(signer, 'regions', body, {});
    await expect(
      verify({
        assertion: headers[serviceAssertionHeader],
        body,
        clientAddress: undefined,
        deadline: String(deadline),
      }),
    ).rejects.toThrow(/made for another deadline/);
  });
});
