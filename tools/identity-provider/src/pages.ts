// The identity provider's pages, rendered on the server in bokmål: the login page (choose a demo person), the
// logout confirmation, "signed out" and errors. One stylesheet of its own and no script, so the pages run under a
// strict Content-Security-Policy (see `securityHeaders`).
import type { DemoAccount } from './accounts.js';

export const stylesheetPath = '/assets/identity-provider.css';

const roleNames: Record<DemoAccount['role'], string> = {
  COUNTY_OFFICER: 'Fylkeskommunal saksbehandler',
  MUNICIPALITY_OFFICER: 'Kommunal saksbehandler',
  ADVISER: 'Veileder',
  INNOVASJON_NORGE: 'Innovasjon Norge',
  NAV: 'NAV',
  COORDINATION_MEMBER: 'Medlem av koordineringsgruppen',
  API_CLIENT: 'API-klient',
};

/** Text or an attribute value made safe to place in HTML. */
export function escapeHtml(text: unknown): string {
  return String(text)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/**
 * The headers every page goes with. `form-action` names the clients' origins too: a browser checks it for the
 * redirects that follow a form's submission (to the client's redirect URI after login and logout).
 */
export function securityHeaders(formTargets: string[]): Record<string, string> {
  return {
    'content-security-policy': [
      "default-src 'none'",
      "style-src 'self'",
      `form-action 'self' ${formTargets.join(' ')}`.trim(),
      "frame-ancestors 'none'",
      "base-uri 'none'",
    ].join('; '),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  };
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="nb">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${stylesheetPath}">
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

const developmentNotice = `<p class="notice">Dette er utviklingsinnloggingen: en innebygd identitetstilbyder som i utviklingsmiljøet står i stedet for fylkeskommunens egen innlogging. Her kan hvem som helst logge inn som hvilken som helst demobruker, uten passord. Den kan ikke startes i produksjon.</p>`;

export interface LoginPage {
  /** Where the chosen person is posted (the interaction's login route). */
  loginAction: string;
  cancelAction: string;
  /** The client's name or id, for "you are signing in to …". */
  clientName: string;
  accounts: DemoAccount[];
}

/** The demo people grouped by organisation, each a button named by the person, with role and organisation beside it. */
export function loginPage({ loginAction, cancelAction, clientName, accounts }: LoginPage): string {
  const organisations = new Map<string, DemoAccount[]>();
  for (const account of accounts) {
    const members = organisations.get(account.organisation.name) ?? [];
    members.push(account);
    organisations.set(account.organisation.name, members);
  }
  const groups = [...organisations].map(([organisation, members], index) => {
    const headingId = `organisation-${index + 1}`;
    const people = members
      .map((account) => {
        const descriptionId = `person-${account.sub.replaceAll('.', '-')}`;
        return `<li><button type="submit" name="username" value="${escapeHtml(account.sub)}" aria-describedby="${descriptionId}">${escapeHtml(account.name)}</button> <span id="${descriptionId}" class="person-role">${escapeHtml(roleNames[account.role])}, ${escapeHtml(account.organisation.name)}</span></li>`;
      })
      .join('\n');
    return `<section aria-labelledby="${headingId}">
<h2 id="${headingId}">${escapeHtml(organisation)}</h2>
<ul class="people">
${people}
</ul>
</section>`;
  });
  return page(
    'Logg inn – Etablerertjenesten (utviklingsinnlogging)',
    `<h1>Logg inn på Etablerertjenesten</h1>
${developmentNotice}
<p>Du logger inn i <strong>${escapeHtml(clientName)}</strong>. Velg hvem du vil logge inn som:</p>
<form method="post" action="${escapeHtml(loginAction)}">
${groups.join('\n')}
</form>
<form method="post" action="${escapeHtml(cancelAction)}" class="cancel">
<button type="submit" class="secondary">Avbryt</button>
</form>`,
  );
}

/** The confirmation of RP-initiated logout; `form` is oidc-provider's own (its id and the xsrf token). */
export function logoutPage(form: string): string {
  return page(
    'Logg ut – Etablerertjenesten (utviklingsinnlogging)',
    `<h1>Vil du logge ut?</h1>
<p>Du logges ut av utviklingsinnloggingen, som står i stedet for fylkeskommunens egen innlogging i utviklingsmiljøet. Neste gang velger du på nytt hvem du logger inn som.</p>
${form}
<div class="actions">
<button type="submit" form="op.logoutForm" name="logout" value="yes">Logg ut</button>
<button type="submit" form="op.logoutForm" class="secondary">Forbli innlogget</button>
</div>`,
  );
}

/** After a logout without a post_logout_redirect_uri to go back to. */
export function signedOutPage(): string {
  return page(
    'Logget ut – Etablerertjenesten (utviklingsinnlogging)',
    `<h1>Du er logget ut</h1>
<p>Du er logget ut av utviklingsinnloggingen. Du kan lukke denne siden.</p>`,
  );
}

/** An error the person can do nothing about but start again (an expired login, a bad request from the client). */
export function errorPage(error: string, description?: string): string {
  return page(
    'Noe gikk galt – Etablerertjenesten (utviklingsinnlogging)',
    `<h1>Noe gikk galt</h1>
<p>Innloggingen kunne ikke fullføres. Gå tilbake til tjenesten og prøv å logge inn på nytt.</p>
<dl class="error">
<dt>Feil</dt><dd><code>${escapeHtml(error)}</code></dd>
${description ? `<dt>Beskrivelse</dt><dd>${escapeHtml(description)}</dd>` : ''}
</dl>`,
  );
}

export const stylesheet = `:root { color-scheme: light; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; line-height: 1.5; color: #1a1a1a; background: #f4f5f7; }
body { margin: 0; }
main { max-width: 44rem; margin: 2rem auto; padding: 1.5rem 2rem 2rem; background: #fff; border-radius: 8px; box-shadow: 0 1px 3px rgb(0 0 0 / 0.15); }
h1 { font-size: 1.6rem; margin-top: 0; }
h2 { font-size: 1.1rem; margin: 1.5rem 0 0.5rem; }
.notice { padding: 0.75rem 1rem; background: #fff7e0; border-left: 4px solid #b8860b; }
.people { list-style: none; padding: 0; margin: 0; }
.people li { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.25rem 0.75rem; padding: 0.35rem 0; }
.person-role { color: #4a4a4a; }
button { font: inherit; padding: 0.45rem 1rem; border: 2px solid #0b5394; border-radius: 6px; background: #0b5394; color: #fff; cursor: pointer; min-width: 10rem; text-align: left; }
button:hover { background: #073763; border-color: #073763; }
button.secondary { background: #fff; color: #0b5394; }
button.secondary:hover { background: #eef3f9; }
button:focus-visible { outline: 3px solid #1a1a1a; outline-offset: 2px; }
.cancel, .actions { margin-top: 1.5rem; display: flex; gap: 0.75rem; flex-wrap: wrap; }
.error dt { font-weight: 600; }
.error dd { margin: 0 0 0.5rem; }
`;
