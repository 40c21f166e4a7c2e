// What the regions subgraph tells public persons by e-mail (issue 21): a receipt for every sign-up
// and request, written to the outbox in the same transaction; a waiting-list place that opens when
// someone cancels (with the receipt's one-time link, or an adviser in the console); survey
// invitations to those who agreed, answered on the public page into the survey results; and an
// unsubscribe link that stops them. One-time links are unguessable, single use and expire.
import { todayInNorway } from '@etablerer/kit';
import { createTestSubgraph, type TestSubgraph } from '@etablerer/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../src/context.js';
import { publicMutationLimit } from '../src/public-limits.js';
import { regionsSubgraph } from '../src/server.js';

const site = 'https://etablerer.example.no';
let subgraph: TestSubgraph<Context>;
const siteBefore = process.env.PUBLIC_SITE_URL;
beforeAll(async () => {
  // As PUBLIC_SITE_URL configures it (the kit's publicSiteUrl()).
  process.env.PUBLIC_SITE_URL = `${site}/`;
  subgraph = await createTestSubgraph(regionsSubgraph);
});
afterAll(async () => {
  if (siteBefore === undefined) delete process.env.PUBLIC_SITE_URL;
  else process.env.PUBLIC_SITE_URL = siteBefore;
  await subgraph?.close();
});

type Result = Awaited<ReturnType<TestSubgraph<Context>['execute']>>;
const code = (result: Result) => result.errors?.[0]?.extensions?.code;
const anonymous = { as: null };
const adviser = { as: 'follo.adviser' };

async function ok<Data = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown>,
  options: { as?: string | null; clientAddress?: string } = adviser,
): Promise<Data> {
  const result = await subgraph.execute<Data>(query, variables, options);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data as Data;
}

const signUp = `mutation SignUp($input: CourseSignUpInput!) { signUpForCourse(input: $input) { reference } }`;
const ask = `mutation Ask($input: CounsellingRequestInput!) { requestCounselling(input: $input) { reference } }`;
const linkQuery = `query Link($token: String!) { publicLink(token: $token) { kind title valid } }`;
const cancel = `mutation Cancel($token: String!) { cancelWebsiteRequest(token: $token) }`;
const answer = `mutation Answer($input: SurveyAnswerInput!) { answerSurvey(input: $input) }`;
const unsubscribe = `mutation Unsubscribe($token: String!) { unsubscribeFromSurveys(token: $token) }`;

let counter = 0;
const uniqueEmail = (name: string) => `${name}.${++counter}.${Date.now()}@example.no`;
const person = (email: string, overrides: Record<string, unknown> = {}) => ({
  name: 'Sara Nilsen-Øie',
  email,
  municipalityNumber: '3021',
  consentToProcessing: true,
  ...overrides,
});

interface Mail {
  kind: string;
  locale: string;
  recipient_name: string | null;
  subject: string;
  text_body: string;
  html_body: string | null;
  dedupe_key: string | null;
}

/** What the outbox holds for an address, oldest first. */
const mailTo = (email: string): Promise<Mail[]> =>
  subgraph.orm.em.fork().execute(
    `select kind, locale, recipient_name, subject, text_body, html_body, dedupe_key from outbox_message
        where recipient_email = ? order by created_at, id`,
    [email],
  );

/** The token of a one-time link of the page in a message's text (the address the person follows). */
function tokenIn(mail: Mail | undefined, page: 'cancel' | 'survey' | 'unsubscribe'): string {
  const match = mail?.text_body.match(new RegExp(`${site.replaceAll('.', '\\.')}/public/${page}/([A-Za-z0-9_-]+)`));
  if (!match?.[1]) throw new Error(`no ${page} link in ${mail?.text_body}`);
  return match[1];
}

async function newCourse(capacity: number, dates = { startsOn: '2031-02-03', endsOn: '2031-02-05' }) {
  const data = await ok<{ createCourse: { id: string } }>(
    `mutation Create($input: CreateCourseInput!) { createCourse(input: $input) { id } }`,
    {
      input: {
        regionId: 'follo',
        kind: 'THEME',
        title: 'Markedsføring <på nett> & sosiale medier',
        ...dates,
        location: 'Ski',
        capacity,
      },
    },
  );
  return data.createCourse.id;
}

const placesOn = (courseId: string): Promise<{ email: string; status: string }[]> =>
  subgraph.orm.em.fork().execute(
    `select c.email, e.status from enrolment e join client c on c.id = e.client_id
        where e.course_id = ? order by e.enrolled_at, e.id`,
    [courseId],
  );

async function registerClient(email: string | null, surveyConsent: boolean): Promise<string> {
  const data = await ok<{ registerClient: { id: string } }>(
    `mutation Register($input: RegisterClientInput!) { registerClient(input: $input) { id } }`,
    {
      input: {
        regionId: 'follo',
        municipalityNumber: '3021',
        name: `Kari Survey ${++counter}`,
        email,
        immigrantBackground: 'NO',
        surveyConsent,
        confirmedNotDuplicate: true,
      },
    },
  );
  return data.registerClient.id;
}

const logSession = (clientId: string, date = todayInNorway()) =>
  ok<{ logCounsellingSession: { id: string } }>(
    `mutation Log($input: LogCounsellingSessionInput!) { logCounsellingSession(input: $input) { id } }`,
    { input: { clientId, date, durationMinutes: 60, form: 'MEETING', topic: 'Budsjett' } },
  );

describe('receipts', () => {
  it('a sign-up writes its receipt to the outbox: reference, course, cancel link, in the language used', async () => {
    const courseId = await newCourse(5);
    const email = uniqueEmail('receipt');
    const { signUpForCourse } = await ok<{ signUpForCourse: { reference: string } }>(
      signUp,
      { input: { courseId, person: person(email), locale: 'en' } },
      anonymous,
    );
    const [receipt, ...others] = await mailTo(email);
    expect(others).toEqual([]);
    expect(receipt).toMatchObject({
      kind: 'regions.course-sign-up-receipt',
      locale: 'en',
      recipient_name: 'Sara Nilsen-Øie',
      subject: `We have received your sign-up (${signUpForCourse.reference})`,
    });
    expect(receipt?.text_body).toContain(`Reference: ${signUpForCourse.reference}`);
    expect(receipt?.text_body).toContain('Course: Markedsføring <på nett> & sosiale medier');
    expect(receipt?.text_body).toContain('When: 3 February 2031 – 5 February 2031');
    expect(receipt?.text_body).toContain('Where: Ski');
    expect(receipt?.text_body).toContain('Follo');
    // The course's title is text in the HTML, never markup.
    expect(receipt?.html_body).toContain('Markedsføring &lt;på nett&gt; &amp; sosiale medier');
    expect(receipt?.html_body).not.toContain('<på nett>');
    const token = tokenIn(receipt, 'cancel');
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(receipt?.html_body).toContain(`href="${site}/public/cancel/${token}"`);
    // Only the token's hash is stored.
    const stored = await subgraph.orm.em.fork().execute('select token_hash from public_link');
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(await ok(linkQuery, { token }, anonymous)).toEqual({
      publicLink: { kind: 'CANCEL', title: 'Markedsføring <på nett> & sosiale medier', valid: true },
    });
  });

  it('a counselling request gets its receipt in bokmål when no language is given', async () => {
    const email = uniqueEmail('ask');
    const { requestCounselling } = await ok<{ requestCounselling: { reference: string } }>(
      ask,
      { input: { person: person(email), message: 'Hjelp med budsjett' } },
      anonymous,
    );
    const [receipt] = await mailTo(email);
    expect(receipt).toMatchObject({ kind: 'regions.counselling-request-receipt', locale: 'nb' });
    expect(receipt?.subject).toBe(`Vi har mottatt forespørselen din (${requestCounselling.reference})`);
    expect(receipt?.text_body).toContain(`Referanse: ${requestCounselling.reference}`);
    expect(receipt?.text_body).toContain('Etablerertjenesten i Follo');
    tokenIn(receipt, 'cancel');
  });

  it('a failing sign-up writes no receipt, also when it fails as its transaction commits', async () => {
    const courseId = await newCourse(5);
    // Refused by its checks: nothing stored, nothing sent.
    const outside = uniqueEmail('outside');
    const refused = await subgraph.execute(
      signUp,
      { input: { courseId, person: person(outside, { municipalityNumber: '3301' }) } },
      anonymous,
    );
    expect(code(refused)).toBe('BAD_USER_INPUT');
    expect(await mailTo(outside)).toEqual([]);
    // Failing at commit, after the receipt was written: the receipt goes with the sign-up.
    const failing = uniqueEmail('fails-at-commit');
    const em = subgraph.orm.em.fork();
    await em.execute(`create or replace function fail_sign_up_for_test() returns trigger language plpgsql as $$
      begin if new.email = '${failing}' then raise exception 'failing at commit for the test'; end if; return null; end $$`);
    await em.execute(`create constraint trigger fail_sign_up_at_commit after insert on website_request
      deferrable initially deferred for each row execute function fail_sign_up_for_test()`);
    try {
      const result = await subgraph.execute(signUp, { input: { courseId, person: person(failing) } }, anonymous);
      expect(result.errors).toBeDefined();
      expect(await mailTo(failing)).toEqual([]);
      expect(await em.execute('select count(*)::int as n from website_request where email = ?', [failing])).toEqual([
        { n: 0 },
      ]);
      expect(
        await em.execute(
          'select count(*)::int as n from public_link p join client c on c.id = p.client_id where c.email = ?',
          [failing],
        ),
      ).toEqual([{ n: 0 }]);
    } finally {
      await em.execute('drop trigger fail_sign_up_at_commit on website_request');
      await em.execute('drop function fail_sign_up_for_test()');
    }
  });
});

describe('cancelling with the receipt’s link', () => {
  it('frees the place; the first on the waiting list gets it and an e-mail; the link then says it is used', async () => {
    const courseId = await newCourse(1);
    const [first, second, third] = [uniqueEmail('first'), uniqueEmail('second'), uniqueEmail('third')];
    for (const email of [first, second, third]) {
      await ok(signUp, { input: { courseId, person: person(email), locale: 'nb' } }, anonymous);
    }
    expect((await placesOn(courseId)).map((p) => p.status)).toEqual(['ENROLLED', 'WAITLISTED', 'WAITLISTED']);
    const token = tokenIn((await mailTo(first))[0], 'cancel');

    expect(await ok(cancel, { token }, anonymous)).toEqual({ cancelWebsiteRequest: true });
    expect(await placesOn(courseId)).toEqual([
      { email: first, status: 'CANCELLED' },
      { email: second, status: 'ENROLLED' },
      { email: third, status: 'WAITLISTED' },
    ]);
    const offered = (await mailTo(second)).filter((mail) => mail.kind === 'regions.waiting-list-place');
    expect(offered).toHaveLength(1);
    expect(offered[0]?.subject).toBe('Du har fått plass på kurset «Markedsføring <på nett> & sosiale medier»');
    expect((await mailTo(third)).map((mail) => mail.kind)).toEqual(['regions.course-sign-up-receipt']);
    const [request] = await subgraph.orm.em
      .fork()
      .execute('select status from website_request where email = ?', [first]);
    expect(request).toEqual({ status: 'CANCELLED' });

    // Used: refused clearly, and the public page is told the link no longer works.
    const again = await subgraph.execute(cancel, { token }, anonymous);
    expect(code(again)).toBe('BAD_USER_INPUT');
    expect(again.errors?.[0]?.message).toMatch(/cancelled already|used already/);
    expect(await ok(linkQuery, { token }, anonymous)).toEqual({
      publicLink: { kind: 'CANCEL', title: 'Markedsføring <på nett> & sosiale medier', valid: false },
    });
    expect((await placesOn(courseId)).map((p) => p.status)).toEqual(['CANCELLED', 'ENROLLED', 'WAITLISTED']);
  });

  it('an adviser’s cancellation in the console gives the place on with an e-mail too', async () => {
    const courseId = await newCourse(1);
    const [holder, waiting] = [uniqueEmail('holder'), uniqueEmail('waiting')];
    for (const email of [holder, waiting]) await ok(signUp, { input: { courseId, person: person(email) } }, anonymous);
    const [enrolment] = await subgraph.orm.em
      .fork()
      .execute<{ id: string }[]>(
        `select e.id from enrolment e join client c on c.id = e.client_id where e.course_id = ? and c.email = ?`,
        [courseId, holder],
      );
    await ok(`mutation C($id: ID!) { cancelEnrolment(enrolmentId: $id) { status } }`, { id: enrolment?.id });
    expect((await placesOn(courseId)).map((p) => p.status)).toEqual(['CANCELLED', 'ENROLLED']);
    expect((await mailTo(waiting)).map((mail) => mail.kind)).toEqual([
      'regions.course-sign-up-receipt',
      'regions.waiting-list-place',
    ]);
  });

  it('answers an unknown, expired or malformed token clearly, changing nothing', async () => {
    const unknown = 'A'.repeat(43);
    expect(code(await subgraph.execute(linkQuery, { token: unknown }, anonymous))).toBe('NOT_FOUND');
    expect(code(await subgraph.execute(cancel, { token: unknown }, anonymous))).toBe('NOT_FOUND');
    expect(code(await subgraph.execute(cancel, { token: 'not a token' }, anonymous))).toBe('NOT_FOUND');
    expect(code(await subgraph.execute(unsubscribe, { token: unknown }, anonymous))).toBe('NOT_FOUND');
    expect(code(await subgraph.execute(answer, { input: { token: unknown, score: 5 } }, anonymous))).toBe('NOT_FOUND');

    const email = uniqueEmail('expired');
    await ok(ask, { input: { person: person(email), message: 'Hjelp' } }, anonymous);
    const token = tokenIn((await mailTo(email))[0], 'cancel');
    // A cancel link is not a survey link.
    expect(code(await subgraph.execute(answer, { input: { token, score: 5 } }, anonymous))).toBe('NOT_FOUND');
    await subgraph.orm.em.fork().execute(
      `update public_link set expires_at = now() - interval '1 minute'
          where website_request_id = (select id from website_request where email = ?)`,
      [email],
    );
    const expired = await subgraph.execute(cancel, { token }, anonymous);
    expect(code(expired)).toBe('BAD_USER_INPUT');
    expect(expired.errors?.[0]?.message).toContain('expired');
    expect(await ok(linkQuery, { token }, anonymous)).toEqual({
      publicLink: { kind: 'CANCEL', title: 'Forespørsel om veiledning', valid: false },
    });
    const [request] = await subgraph.orm.em
      .fork()
      .execute('select status from website_request where email = ?', [email]);
    expect(request).toEqual({ status: 'PENDING' });
  });
});

describe('user surveys', () => {
  const invitations = async (email: string) =>
    (await mailTo(email)).filter((mail) => mail.kind === 'regions.survey-invitation');

  it('invites after counselling only clients who agreed to surveys and have an e-mail address', async () => {
    const agreed = uniqueEmail('agreed');
    const declined = uniqueEmail('declined');
    const clients = [
      await registerClient(agreed, true),
      await registerClient(declined, false),
      await registerClient(null, true),
    ];
    for (const client of clients) await logSession(client);
    const [invitation, ...more] = await invitations(agreed);
    expect(more).toEqual([]);
    expect(invitation?.locale).toBe('nb');
    expect(invitation?.text_body).toContain(`${site}/public/survey/`);
    expect(invitation?.text_body).toContain(`${site}/public/unsubscribe/`);
    expect(await invitations(declined)).toEqual([]);
    const withoutAddress = await subgraph.orm.em
      .fork()
      .execute(`select count(*)::int as n from public_link where client_id = ?`, [clients[2]]);
    expect(withoutAddress).toEqual([{ n: 0 }]);
  });

  it('asks nothing about a session recorded more than 30 days after it was held', async () => {
    const email = uniqueEmail('late');
    const clientId = await registerClient(email, true);
    const longAgo = new Date(Date.now() - 40 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
    await logSession(clientId, longAgo);
    expect(await invitations(email)).toEqual([]);
  });

  it('invites those who attended a course once, however often the attendance is recorded', async () => {
    const courseId = await newCourse(5, { startsOn: todayInNorway(), endsOn: todayInNorway() });
    const came = uniqueEmail('came');
    const stayedAway = uniqueEmail('stayed-away');
    const [cameId, awayId] = [await registerClient(came, true), await registerClient(stayedAway, true)];
    for (const clientId of [cameId, awayId]) {
      await ok(`mutation E($c: ID!, $k: ID!) { enrolClient(courseId: $c, clientId: $k) { id } }`, {
        c: courseId,
        k: clientId,
      });
    }
    const attendance = `mutation A($c: ID!, $ids: [ID!]!) { recordAttendance(courseId: $c, attendedClientIds: $ids) { status } }`;
    await ok(attendance, { c: courseId, ids: [cameId] });
    await ok(attendance, { c: courseId, ids: [cameId] });
    const sent = await invitations(came);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.text_body).toContain('Markedsføring <på nett> & sosiale medier');
    expect(await invitations(stayedAway)).toEqual([]);
    const token = tokenIn(sent[0], 'survey');
    expect(await ok(linkQuery, { token }, anonymous)).toEqual({
      publicLink: { kind: 'SURVEY', title: 'Markedsføring <på nett> & sosiale medier', valid: true },
    });
    await ok(answer, { input: { token, score: 6 } }, anonymous);
    const [response] = await subgraph.orm.em
      .fork()
      .execute('select occasion, course_id, score from survey_response where client_id = ?', [cameId]);
    expect(response).toEqual({ occasion: 'AFTER_COURSE', course_id: courseId, score: 6 });
  });

  it('answers count in the survey results as recorded ones, per occasion, and each link then stops working', async () => {
    const year = Number(todayInNorway().slice(0, 4));
    const em = subgraph.orm.em.fork();
    const countsOf = async () =>
      Object.fromEntries(
        (
          await em.execute<{ occasion: string; n: number }[]>(
            `select occasion, count(*)::int as n from survey_response where region_id = 'follo'
               and answered_on >= ? and answered_on < ? group by occasion`,
            [`${year}-01-01`, `${year + 1}-01-01`],
          )
        ).map((row) => [row.occasion, row.n]),
      );
    const before = await countsOf();
    // Five answers after each occasion, so no figure is suppressed whatever the demo data holds.
    const courseId = await newCourse(5, { startsOn: todayInNorway(), endsOn: todayInNorway() });
    const emails: string[] = [];
    const clientIds: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const email = uniqueEmail('answers');
      const clientId = await registerClient(email, true);
      emails.push(email);
      clientIds.push(clientId);
      await logSession(clientId);
      await ok(`mutation E($c: ID!, $k: ID!) { enrolClient(courseId: $c, clientId: $k) { id } }`, {
        c: courseId,
        k: clientId,
      });
    }
    await ok(
      `mutation A($c: ID!, $ids: [ID!]!) { recordAttendance(courseId: $c, attendedClientIds: $ids) { status } }`,
      { c: courseId, ids: clientIds },
    );
    const tokens: string[] = [];
    for (const email of emails) {
      for (const invitation of await invitations(email)) tokens.push(tokenIn(invitation, 'survey'));
    }
    expect(tokens).toHaveLength(10);
    for (const token of tokens) {
      expect(await ok(answer, { input: { token, score: 4, comment: 'Nyttig' } }, anonymous)).toEqual({
        answerSurvey: true,
      });
    }
    const results = await ok<{
      region: { surveyResults: { byOccasion: { occasion: string; responses: number | null }[] } };
    }>(
      `query R($year: Int!) { region(id: "follo") { surveyResults(year: $year) { byOccasion { occasion responses } } } }`,
      { year },
      { as: 'county.officer' },
    );
    expect(results.region.surveyResults.byOccasion).toEqual([
      { occasion: 'AFTER_COUNSELLING', responses: (before.AFTER_COUNSELLING ?? 0) + 5 },
      { occasion: 'AFTER_COURSE', responses: (before.AFTER_COURSE ?? 0) + 5 },
    ]);
    const used = await subgraph.execute(answer, { input: { token: tokens[0], score: 1 } }, anonymous);
    expect(code(used)).toBe('BAD_USER_INPUT');
    expect(used.errors?.[0]?.message).toContain('used already');
    expect((await ok<{ publicLink: unknown }>(linkQuery, { token: tokens[0] }, anonymous)).publicLink).toEqual(
      expect.objectContaining({ kind: 'SURVEY', valid: false }),
    );
    const after = await countsOf();
    expect([after.AFTER_COUNSELLING, after.AFTER_COURSE]).toEqual([
      (before.AFTER_COUNSELLING ?? 0) + 5,
      (before.AFTER_COURSE ?? 0) + 5,
    ]);
  });

  it('refuses an answer outside 1–6 or with too long a comment, using nothing up', async () => {
    const email = uniqueEmail('invalid-answer');
    await logSession(await registerClient(email, true));
    const token = tokenIn((await invitations(email))[0], 'survey');
    expect(code(await subgraph.execute(answer, { input: { token, score: 7 } }, anonymous))).toBe('BAD_USER_INPUT');
    expect(
      code(await subgraph.execute(answer, { input: { token, score: 3, comment: 'x'.repeat(1001) } }, anonymous)),
    ).toBe('BAD_USER_INPUT');
    expect((await ok<{ publicLink: { valid: boolean } }>(linkQuery, { token }, anonymous)).publicLink.valid).toBe(true);
  });

  it('unsubscribing withdraws the consent, works again, and no later invitation goes', async () => {
    const email = uniqueEmail('unsubscribes');
    const clientId = await registerClient(email, true);
    await logSession(clientId);
    const [invitation] = await invitations(email);
    const token = tokenIn(invitation, 'unsubscribe');
    const surveyToken = tokenIn(invitation, 'survey');
    expect(await ok(linkQuery, { token }, anonymous)).toEqual({
      publicLink: { kind: 'UNSUBSCRIBE', title: null, valid: true },
    });
    expect(await ok(unsubscribe, { token }, anonymous)).toEqual({ unsubscribeFromSurveys: true });
    expect(await ok(unsubscribe, { token }, anonymous)).toEqual({ unsubscribeFromSurveys: true });
    const { client } = await ok<{ client: { surveyConsent: boolean } }>(
      `query C($id: ID!) { client(id: $id) { surveyConsent } }`,
      { id: clientId },
    );
    expect(client.surveyConsent).toBe(false);
    expect((await ok<{ publicLink: { valid: boolean } }>(linkQuery, { token }, anonymous)).publicLink.valid).toBe(true);
    // The invitation's survey link goes with the consent.
    expect(
      (await ok<{ publicLink: { valid: boolean } }>(linkQuery, { token: surveyToken }, anonymous)).publicLink.valid,
    ).toBe(false);
    // Not because an invitation is still open: that one has run out.
    await subgraph.orm.em
      .fork()
      .execute(
        `update public_link set expires_at = now() - interval '1 minute' where client_id = ? and kind = 'SURVEY'`,
        [clientId],
      );
    await logSession(clientId);
    expect(await invitations(email)).toHaveLength(1);
  });

  it('after counselling, invites again only once the open invitation is answered', async () => {
    const email = uniqueEmail('weekly');
    const clientId = await registerClient(email, true);
    await logSession(clientId);
    await logSession(clientId);
    const [first, ...more] = await invitations(email);
    expect(more).toEqual([]);
    await ok(answer, { input: { token: tokenIn(first, 'survey'), score: 5 } }, anonymous);
    await logSession(clientId);
    expect(await invitations(email)).toHaveLength(2);
  });
});

describe('rate limits of the link mutations', () => {
  it('counts them with the sign-ups per client address, each aliased field, refusing over the limit whole', async () => {
    const clientAddress = '198.51.100.77';
    const unknown = 'B'.repeat(43);
    for (let i = 0; i < publicMutationLimit.points - 1; i += 1) {
      const result = await subgraph.execute(cancel, { token: unknown }, { as: null, clientAddress });
      expect(code(result)).toBe('NOT_FOUND');
    }
    // Two fields with one point left: refused whole, before either runs.
    const both = await subgraph.execute(
      `mutation Two($token: String!) { a: unsubscribeFromSurveys(token: $token) b: cancelWebsiteRequest(token: $token) }`,
      { token: unknown },
      { as: null, clientAddress },
    );
    expect(code(both)).toBe('RATE_LIMITED');
    expect(
      code(await subgraph.execute(answer, { input: { token: unknown, score: 3 } }, { as: null, clientAddress })),
    ).toBe('NOT_FOUND');
    // The limit is shared with the sign-ups: the address has none left.
    const email = uniqueEmail('limited');
    const refused = await subgraph.execute(
      ask,
      { input: { person: person(email), message: 'Hjelp' } },
      { as: null, clientAddress },
    );
    expect(code(refused)).toBe('RATE_LIMITED');
    expect(await mailTo(email)).toEqual([]);
    // Reading a link's page is not a mutation and is not counted here.
    expect(code(await subgraph.execute(linkQuery, { token: unknown }, { as: null, clientAddress }))).toBe('NOT_FOUND');
  });
});

describe('erasing a person', () => {
  // An erasure also asks the partners subgraph to erase its copies, which takes a while on a busy machine.
  it('removes their e-mails from the outbox and their one-time links, so neither holds anything of them', {
    timeout: 120_000,
  }, async () => {
    const email = uniqueEmail('erased');
    await ok(ask, { input: { person: person(email), message: 'Hjelp' } }, anonymous);
    const token = tokenIn((await mailTo(email))[0], 'cancel');
    const [client] = await subgraph.orm.em
      .fork()
      .execute<{ id: string }[]>('select client_id as id from website_request where email = ?', [email]);
    await ok(`mutation X($id: ID!) { eraseClient(id: $id, reason: REQUEST) { id } }`, { id: client?.id });
    expect(await mailTo(email)).toEqual([]);
    expect(code(await subgraph.execute(linkQuery, { token }, anonymous))).toBe('NOT_FOUND');
  });
});
