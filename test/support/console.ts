// Signing in to the console as a person does: the console sends the browser to the identity
// provider (the development one, with the demo users), the person picks who they are, and the
// gateway's callback brings them back to the console, signed in.
import type { Page } from 'playwright-core';

/**
 * Opens `path` of the console (the sign-in page by default, which goes on to the identity provider
 * at once), signs in at the identity provider as the demo person called `name`, and waits until the
 * console's banner greets them.
 */
export async function signInToConsole(page: Page, consoleUrl: string, name: string, path = '/sign-in'): Promise<void> {
  await page.goto(`${consoleUrl}${path}`);
  // The identity provider's login page: one button per demo person.
  await page.getByRole('button', { name, exact: true }).click();
  await page.getByRole('banner').getByText(name).waitFor();
}
