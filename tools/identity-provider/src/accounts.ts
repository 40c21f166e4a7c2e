// The people who can sign in at the development identity provider: the kit's demo users, with the claims a
// county's own identity provider would release about them (design of issue 20, §6).
import type { DemoUser } from '@etablerer/kit/demo';
import { demoUsers } from '@etablerer/kit/demo';

/** The domain of the demo people's e-mail addresses; the county's demo role assignments use the same ones. */
export const demoEmailDomain = 'demo.etablerer.no';

/**
 * The `roles` claim for the demo people whose access comes from the identity provider's claims (the gateway's
 * OIDC_ROLE_MAP) rather than from a role assignment held by the platform: the partners' staff.
 */
export const demoRoleClaims: Record<string, string[]> = {
  'innovasjonnorge.officer': ['Etablerer.InnovasjonNorge'],
  'nav.officer': ['Etablerer.Nav'],
};

export interface DemoAccount {
  /** The subject: the demo username, so data keyed by usernames (an adviser's `sub`) keeps working. */
  sub: string;
  name: string;
  email: string;
  email_verified: true;
  preferred_username: string;
  roles?: string[];
  /** What the login page shows beside the name; not a claim. */
  role: DemoUser['role'];
  organisation: DemoUser['org'];
}

/** Every demo user who is a person: `partner.api` (an API client) is a system, which signs in with client credentials. */
export const demoAccounts: DemoAccount[] = demoUsers
  .filter((user) => user.role !== 'API_CLIENT')
  .map((user) => {
    const roles = demoRoleClaims[user.username];
    return {
      sub: user.username,
      name: user.name,
      email: `${user.username}@${demoEmailDomain}`,
      email_verified: true,
      preferred_username: user.username,
      ...(roles ? { roles } : {}),
      role: user.role,
      organisation: user.org,
    };
  });

const accountsBySubject = new Map(demoAccounts.map((account) => [account.sub, account]));

export function demoAccount(sub: string): DemoAccount | undefined {
  return accountsBySubject.get(sub);
}

/** The claims the provider may release about an account; it filters them by the scopes and claims granted. */
export function claimsOf(account: DemoAccount): Record<string, unknown> {
  const { role: _role, organisation: _organisation, ...claims } = account;
  return claims;
}

/** What the gateway's OIDC_ROLE_MAP says of a `roles` claim value: the role and organisation it gives. */
export interface RoleMapping {
  role: DemoUser['role'];
  organisation: DemoUser['org'];
  region?: string;
  municipality?: string;
}

/**
 * The gateway's OIDC_ROLE_MAP for the demo (the development stack passes it): each `roles` value this provider
 * releases → the role and organisation of the demo person who carries it, as the kit's demo users have them.
 */
export function demoRoleMap(): Record<string, RoleMapping> {
  const map: Record<string, RoleMapping> = {};
  for (const [username, values] of Object.entries(demoRoleClaims)) {
    const user = demoUsers.find((candidate) => candidate.username === username);
    if (!user) throw new Error(`the demo roles claim names ${username}, who is no demo user`);
    for (const value of values) {
      map[value] = {
        role: user.role,
        organisation: user.org,
        ...(user.region ? { region: user.region } : {}),
        ...(user.municipality ? { municipality: user.municipality } : {}),
      };
    }
  }
  return map;
}
