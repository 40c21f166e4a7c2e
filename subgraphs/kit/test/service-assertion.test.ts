// Service keys and assertions: a mistake stops the start with a message that says what to fix,
// rather than leaving a subgraph that refuses everything, or trusts what it should not
// (SERVICE_KEYS and SERVICE_PRIVATE_KEY themselves: config.test.ts).
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createServiceAssertionVerifier,
  createServiceSigner,
  generateServiceKeys,
  serviceAssertionHeader,
  withServiceAssertion,
} from '../src/service-assertion.js';

describe('service keys', () => {
  it('refuses a subgraph whose trusted services have no key', async () => {
    const { jwks } = await generateServiceKeys(['gateway']);
    expect(() =>
      createServiceAssertionVerifier({ audience: 'regions', trusted: ['gateway', 'partners'], keys: jwks.keys }),
    ).toThrow(/no public key of partners, whose requests the regions subgraph accepts/);
  });
});

describe('an assertion signed as the clock turns a second', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is accepted: it lives exactly its lifetime, not a second more', async () => {
    const { privateKeys, jwks } = await generateServiceKeys(['gateway']);
    const verify = createServiceAssertionVerifier({ audience: 'regions', trusted: ['gateway'], keys: jwks.keys });
    const signer = await createServiceSigner(privateKeys.gateway as NonNullable<typeof privateKeys.gateway>);
    // A clock a millisecond before a whole second that moves on each time it is read, as on a busy machine.
    const RealDate = Date;
    let now = Math.ceil(RealDate.now() / 1000) * 1000 - 1;
    class MovingDate extends RealDate {
      constructor(...args: unknown[]) {
        if (args.length > 0) super(...(args as [number]));
        else super(now++);
      }
      static override now() {
        return now++;
      }
    }
    vi.stubGlobal('Date', MovingDate);
    const body = JSON.stringify({ query: '{ regions { id } }' });
    const headers = await withServiceAssertion(signer, 'regions', body, {});
    const assertion = headers[serviceAssertionHeader];
    expect(await verify({ assertion, body, clientAddress: undefined, deadline: undefined })).toMatchObject({
      service: 'gateway',
    });
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
