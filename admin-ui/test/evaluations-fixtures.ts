// Evaluations as the gateway answers them, shaped like the county's demo data (newest first), and tokens of the county officers the shared fixtures lack.
import type { EvaluationsQuery } from '../src/graphql/generated/graphql';
import type { EvaluationItem } from '../src/queries/evaluations';

/** Newest first, as `evaluations` lists them. */
export const evaluations: EvaluationItem[] = [
  {
    id: '7a0e5b1c-0000-4000-8000-000000000002',
    title: 'Midtveisevaluering av samarbeidsavtalene 2022–2025',
    periodFrom: '2022-01-01',
    periodTo: '2023-12-31',
    author: 'Ekstern evaluator',
    findings:
      'Aktivitetsplaner med måltall gjør resultatene sammenlignbare.\nSene innsendinger forsinker utbetalinger i enkelte regioner.',
    documentReference: 'https://example.org/midtveisevaluering-2024.pdf',
    publishedOn: '2024-04-30',
  },
  {
    id: '7a0e5b1c-0000-4000-8000-000000000001',
    title: 'Evaluering av etablerertjenesten i Viken 2018–2021',
    periodFrom: '2018-01-01',
    periodTo: '2021-06-30',
    author: 'Viken fylkeskommune, analyseavdelingen',
    findings: 'Tjenesten er godt kjent og brukerne er fornøyde, men mangler en tydelig målstruktur.',
    documentReference: null,
    publishedOn: '2021-09-15',
  },
];

export const evaluationsAnswer: EvaluationsQuery = { evaluations };

/** County officers the shared fixtures lack: Viken's, who read history since 2024, and Buskerud's. */
const officerClaims = {
  'viken.officer': {
    sub: 'viken.officer',
    name: 'Per Viken',
    role: 'COUNTY_OFFICER',
    org: { id: 'viken', kind: 'COUNTY', name: 'Viken fylkeskommune' },
  },
  'buskerud.officer': {
    sub: 'buskerud.officer',
    name: 'Lise Dahl',
    role: 'COUNTY_OFFICER',
    org: { id: 'buskerud', kind: 'COUNTY', name: 'Buskerud fylkeskommune' },
  },
} as const;

function base64Url(text: string): string {
  const binary = Array.from(new TextEncoder().encode(text), (byte) => String.fromCharCode(byte)).join('');
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** An unsigned JWT for one of the officers above; the console reads tokens without verifying them. */
export function officerTokenFor(username: keyof typeof officerClaims): string {
  const now = Math.floor(Date.now() / 1000);
  const header = base64Url(JSON.stringify({ alg: 'ES256', typ: 'JWT' }));
  const payload = base64Url(JSON.stringify({ ...officerClaims[username], iat: now, exp: now + 3600 }));
  return `${header}.${payload}.not-a-real-signature`;
}
