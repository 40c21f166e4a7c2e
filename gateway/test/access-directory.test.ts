// The gateway's client of the county's internal access routes: every request signed with the
// gateway's service key for audience `county` over its exact body, checked here by the kit's real
// verifier behind a small route, as the county subgraph checks it.
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import {
  createServiceAssertionVerifier,
  createServiceSigner,
  generateServiceKeys,
  serviceAssertionHeader,
} from '@etablerer/kit';
import express from 'express';
import type { JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpAccessDirectory } from '../src/auth/access.js';

const keys = await generateServiceKeys(['gateway', 'partners']);
const received: unknown[] = [];
let server: ReturnType<ReturnType<typeof express>['listen']>;
let baseUrl: string;

beforeAll(async () => {
  const verify = createServiceAssertionVerifier({ audience: 'county', trusted: ['gateway'], keys: keys.jwks.keys });
  const app = express();
  app.use(express.raw({ type: 'application/json' }));
  app.post('/internal/access/:kind', async (req, res) => {
    try {
      await verify({ assertion: req.get(serviceAssertionHeader), body: req.body as Buffer, clientAddress: undefined });
    } catch {
      return void res.status(401).json({ error: 'unauthenticated' });
    }
    const body = JSON.parse((req.body as Buffer).toString('utf8'));
    received.push(body);
    if (req.params.kind === 'person') {
      res.json({
        assignment:
          body.subject === 'county.officer'
            ? {
                id: '9b7c',
                role: 'COUNTY_OFFICER',
                organisation: { id: 'akershus', kind: 'COUNTY', name: 'Akershus fylkeskommune' },
                regionId: null,
                municipalityNumber: null,
              }
            : null,
      });
    } else {
      res.json({ client: null });
    }
  });
  server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the county access directory over HTTP', () => {
  it('asks with requests the county accepts: signed by the gateway for the county', async () => {
    const directory = httpAccessDirectory({
      baseUrl,
      signer: await createServiceSigner(keys.privateKeys.gateway as JWK),
    });
    const person = {
      issuer: 'http://localhost:4004',
      subject: 'county.officer',
      email: 'county.officer@demo.etablerer.no',
      emailVerified: true,
      name: 'Kari Nordmann',
    };
    await expect(directory.person(person)).resolves.toEqual({
      id: '9b7c',
      role: 'COUNTY_OFFICER',
      organisation: { id: 'akershus', kind: 'COUNTY', name: 'Akershus fylkeskommune' },
      regionId: null,
      municipalityNumber: null,
    });
    expect(received.at(-1)).toEqual(person);
    await expect(directory.person({ ...person, subject: 'someone' })).resolves.toBeNull();
    await expect(directory.client('fluxx-reporting')).resolves.toBeNull();
    expect(received.at(-1)).toEqual({ clientId: 'fluxx-reporting' });
  });

  it('fails rather than answer "no access" when the county refuses it (another service’s key)', async () => {
    const directory = httpAccessDirectory({
      baseUrl,
      signer: await createServiceSigner(keys.privateKeys.partners as JWK),
    });
    await expect(directory.client('fluxx-reporting')).rejects.toThrow(/answered 401/);
  });
});
