// Login attempts and sessions of people signed in with OpenID Connect. The browser holds only a
// random 256-bit session id in an HttpOnly cookie; the gateway keeps only its SHA-256, so its
// database read by someone else opens no session. In the gateway's database (every instance
// serves every session), in memory without one.
import { createHash, randomBytes } from 'node:crypto';
import type pg from 'pg';

export interface LoginAttempt {
  state: string;
  codeVerifier: string;
  nonce: string;
  returnTo: string;
  expiresAt: number;
}

export interface SessionRecord {
  /** The public handle (the tokens' `sid`), not the secret id. */
  handle: string;
  issuer: string;
  subject: string;
  email?: string;
  emailVerified: boolean;
  name: string;
  /** The latest ID token's claims, for the role claim mapping. */
  claims: Record<string, unknown>;
  idToken?: string;
  refreshToken?: string;
  /** When the IdP's access token expires (epoch ms): then the IdP is asked, with the refresh token, whether the person still may. */
  idpAccessExpiresAt?: number;
  createdAt: number;
  lastUsedAt: number;
  /** The absolute end (SESSION_MAX_AGE after sign-in). */
  expiresAt: number;
}

export interface SessionStore {
  addAttempt(attempt: LoginAttempt): Promise<void>;
  /** The attempt of `state`, taken (each state once); undefined when unknown, used or expired. */
  takeAttempt(state: string, now: number): Promise<LoginAttempt | undefined>;
  add(idHash: string, session: SessionRecord): Promise<void>;
  find(idHash: string): Promise<SessionRecord | undefined>;
  update(idHash: string, session: SessionRecord): Promise<void>;
  remove(idHash: string): Promise<void>;
  /** Runs `work` while no other request (of any instance) runs work for the same session. */
  exclusively<T>(idHash: string, work: () => Promise<T>): Promise<T>;
}

/** A new session id: 256 random bits, for the cookie only. */
export function newSessionId(): string {
  return randomBytes(32).toString('base64url');
}

export function sessionIdHash(id: string): string {
  return createHash('sha256').update(id).digest('base64url');
}

const stateHash = sessionIdHash;

export function sessionsInMemory(): SessionStore {
  const attempts = new Map<string, LoginAttempt>();
  const sessions = new Map<string, SessionRecord>();
  const locks = new Map<string, Promise<void>>();
  return {
    addAttempt: async (attempt) => void attempts.set(stateHash(attempt.state), attempt),
    async takeAttempt(state, now) {
      for (const [key, attempt] of attempts) if (attempt.expiresAt <= now) attempts.delete(key);
      const key = stateHash(state);
      const attempt = attempts.get(key);
      attempts.delete(key);
      return attempt;
    },
    add: async (idHash, session) => void sessions.set(idHash, structuredClone(session)),
    find: async (idHash) => {
      const session = sessions.get(idHash);
      return session ? structuredClone(session) : undefined;
    },
    update: async (idHash, session) => {
      if (sessions.has(idHash)) sessions.set(idHash, structuredClone(session));
    },
    remove: async (idHash) => void sessions.delete(idHash),
    exclusively<T>(idHash: string, work: () => Promise<T>) {
      const run = (locks.get(idHash) ?? Promise.resolve()).then(work, work);
      const settled = run.then(
        () => undefined,
        () => undefined,
      );
      locks.set(idHash, settled);
      void settled.then(() => {
        if (locks.get(idHash) === settled) locks.delete(idHash);
      });
      return run;
    },
  };
}

/** Any number no other lock in the gateway's database uses: the session locks' first key. */
const sessionLockKey = 7_364_303;

export function sessionsInDatabase(pool: pg.Pool): SessionStore {
  return {
    async addAttempt(attempt) {
      await pool.query(
        'insert into auth_login_attempt (state_hash, code_verifier, nonce, return_to, expires_at) values ($1, $2, $3, $4, $5)',
        [stateHash(attempt.state), attempt.codeVerifier, attempt.nonce, attempt.returnTo, new Date(attempt.expiresAt)],
      );
    },
    async takeAttempt(state, now) {
      await pool.query('delete from auth_login_attempt where expires_at <= $1', [new Date(now)]);
      // Deleted as it is read: two callbacks with one state cannot both have it.
      const { rows } = await pool.query<{
        code_verifier: string;
        nonce: string;
        return_to: string;
        expires_at: Date;
      }>('delete from auth_login_attempt where state_hash = $1 returning code_verifier, nonce, return_to, expires_at', [
        stateHash(state),
      ]);
      const row = rows[0];
      if (!row || row.expires_at.getTime() <= now) return undefined;
      return {
        state,
        codeVerifier: row.code_verifier,
        nonce: row.nonce,
        returnTo: row.return_to,
        expiresAt: row.expires_at.getTime(),
      };
    },
    async add(idHash, session) {
      await pool.query('insert into auth_session (id_hash, record, expires_at) values ($1, $2, $3)', [
        idHash,
        JSON.stringify(session),
        new Date(session.expiresAt),
      ]);
      // Sessions nobody came back for: the absolute end passed.
      await pool.query('delete from auth_session where expires_at < now()');
    },
    async find(idHash) {
      const { rows } = await pool.query<{ record: SessionRecord }>(
        'select record from auth_session where id_hash = $1',
        [idHash],
      );
      return rows[0]?.record;
    },
    async update(idHash, session) {
      await pool.query('update auth_session set record = $2, expires_at = $3 where id_hash = $1', [
        idHash,
        JSON.stringify(session),
        new Date(session.expiresAt),
      ]);
    },
    async remove(idHash) {
      await pool.query('delete from auth_session where id_hash = $1', [idHash]);
    },
    async exclusively(idHash, work) {
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1, hashtext($2))', [sessionLockKey, idHash]);
        try {
          return await work();
        } finally {
          await client.query('select pg_advisory_unlock($1, hashtext($2))', [sessionLockKey, idHash]);
        }
      } finally {
        client.release();
      }
    },
  };
}
