// Find your office and the front page's offer: every municipality of the county leads to its
// region's offices and advisers' work contact, and each region's free hours and services show.
import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setAccessTokenSource, setUnauthenticatedHandler } from '../src/graphql/client';
import { forbidNetwork, jsonResponse } from './fixtures';
import {
  callsOf,
  mountPublic,
  plainSpaces,
  publicMunicipalities,
  publicRegions,
  stubPublicGateway,
} from './public-fixtures';

enableAutoUnmount(afterEach);

beforeEach(() => {
  forbidNetwork();
  localStorage.clear();
  sessionStorage.clear();
  setActivePinia(createPinia());
});

afterEach(() => {
  setAccessTokenSource(undefined);
  setUnauthenticatedHandler(undefined);
});

describe('find your office', () => {
  it('lists every municipality of the county, by name, in the choice and in the full list', async () => {
    stubPublicGateway();
    const { wrapper } = await mountPublic('/public/offices');
    const byName = ['Aremark', 'Frogn', 'Halden', 'Nordre Follo', 'Ås'];

    const options = wrapper
      .get('[data-testid="public-offices-municipality"]')
      .findAll('option')
      .slice(1)
      .map((option) => option.text());
    expect(options).toEqual(byName);
    expect(
      wrapper
        .get('[data-testid="public-offices-all"]')
        .findAll('a')
        .map((link) => link.text()),
    ).toEqual(byName);
    expect(publicMunicipalities).toHaveLength(byName.length);
    expect(wrapper.get('label[for="public-offices-municipality"]').text()).toBe('Kommunen du bor i');
  });

  it("leads every municipality to its region's offices and the advisers' work contact", async () => {
    stubPublicGateway();
    const { wrapper, router } = await mountPublic('/public/offices');

    for (const municipality of publicMunicipalities) {
      const region = publicRegions.find((item) => item.id === municipality.region.id);
      if (!region) throw new Error(`no region for ${municipality.name}`);
      await wrapper.get(`[data-testid="public-offices-link-${municipality.number}"]`).trigger('click');
      await flushPromises();

      expect(router.currentRoute.value.query).toEqual({ municipality: municipality.number });
      const heading = wrapper.get('[data-testid="public-offices-region"]');
      expect(heading.text()).toBe(`${municipality.name} hører til etablerertjenesten i ${region.name}`);
      expect(document.activeElement).toBe(heading.element);
      const offices = wrapper.get('[data-testid="public-offices-list"]').text();
      for (const office of region.offices) {
        expect(offices).toContain(office.name);
        expect(offices).toContain(`${office.postalCode} ${office.postalTown}`);
      }
      const advisers = wrapper.get('[data-testid="public-offices-advisers"]');
      for (const adviser of region.advisers) {
        expect(advisers.text()).toContain(adviser.name);
        expect(advisers.find(`a[href="mailto:${adviser.email}"]`).exists()).toBe(true);
        if (adviser.phone)
          expect(advisers.find(`a[href="tel:${adviser.phone.replace(/\s+/g, '')}"]`).exists()).toBe(true);
      }
    }
  });

  it('shows the chosen municipality from the list box, with its region, operator and co-located actors', async () => {
    const { calls } = stubPublicGateway();
    const { wrapper, router } = await mountPublic('/public/offices');

    await wrapper.get('[data-testid="public-offices-municipality"]').setValue('3209');
    await flushPromises();

    expect(router.currentRoute.value.query).toEqual({ municipality: '3209' });
    const result = wrapper.get('[data-testid="public-offices-result"]');
    expect(result.attributes('aria-live')).toBe('polite');
    expect(result.text()).toContain('Ås hører til etablerertjenesten i Follo');
    expect(result.text()).toContain('Ansvarlig kommune: Nordre Follo.');
    expect(result.text()).toContain('Drives av Etablerertjenesten i Follo AS.');
    expect(result.text()).toContain('Holder til sammen med Follo næringsforening.');
    expect(result.text()).toContain('Gratis veiledning: opptil 5 timer per år.');
    // The directory is asked for once, however many municipalities are looked at.
    expect(callsOf(calls, 'PublicDirectory')).toHaveLength(1);
  });

  it('opens a region from the front page, and says when an address names no municipality of the county', async () => {
    stubPublicGateway();
    const region = await mountPublic('/public/offices?region=halden');
    expect(region.wrapper.get('[data-testid="public-offices-region"]').text()).toBe('Etablerertjenesten i Halden');
    expect(plainSpaces(region.wrapper.get('[data-testid="public-offices-result"]').text())).toContain(
      'Gratis veiledning: opptil 7,5 timer per år.',
    );
    region.wrapper.unmount();

    const unknown = await mountPublic('/public/offices?municipality=9999');
    expect(unknown.wrapper.get('[data-testid="public-offices-unknown"]').text()).toContain('Vi fant ikke den kommunen');
  });

  it('offers a retry when the directory fails', async () => {
    let fail = true;
    stubPublicGateway({
      PublicDirectory: () =>
        fail
          ? jsonResponse({ errors: [{ message: 'Down.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] })
          : jsonResponse({ data: { publicRegions, publicMunicipalities } }),
    });
    const { wrapper } = await mountPublic('/public/offices');
    expect(wrapper.find('[data-testid="public-offices-municipality"]').exists()).toBe(false);

    fail = false;
    await wrapper.get('[data-testid="public-offices-error"] button').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="public-offices-error"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="public-offices-all"]').findAll('li')).toHaveLength(5);
  });
});

describe("the front page's offer", () => {
  it("tells the free basic course, theme courses, free counselling up to the regions' limits and business assessments", async () => {
    stubPublicGateway();
    const { wrapper } = await mountPublic('/public');

    const offer = wrapper.get('[data-testid="public-offer"]');
    expect(offer.text()).toContain('Gratis etablererkurs');
    expect(offer.text()).toContain('Temakurs');
    expect(plainSpaces(wrapper.get('[data-testid="public-offer-counselling"]').text())).toContain(
      'gratis opptil 5–7,5 timer per år',
    );
    expect(wrapper.get('[data-testid="public-offer-assessment"]').text()).toContain('Tilbys i: Follo.');

    const follo = wrapper.get('[data-testid="public-region-offer-follo"]');
    expect(follo.get('[data-testid="public-region-free-hours"]').text()).toBe(
      'Gratis veiledning: opptil 5 timer per år.',
    );
    expect(follo.text()).toContain('Næringsfaglige vurderinger: Vurdering av forretningsplaner for søknader om lån.');
    expect(follo.text()).toContain('Nordre Follo, Ås, Frogn');
    expect(follo.get('a').attributes('href')).toBe('/public/offices?region=follo');
    const halden = wrapper.get('[data-testid="public-region-offer-halden"]');
    expect(halden.text()).toContain('Kontorfellesskap: Kontorplass i næringshagen det første året.');
  });
});
