import { describe, expect, it } from 'vitest';
import { AppError } from '../../server/app-error.ts';
import { placeNewOrganisation } from './create-organisation.ts';

const asked = (over: Partial<Parameters<typeof placeNewOrganisation>[1]> = {}) => ({
  kind: 'enterprise' as const,
  name: '新企业',
  parentId: undefined,
  regionCode: null,
  ...over,
});
/** A 403 AppError whose message matches. */
const refused = (message: RegExp) => (error: unknown) =>
  error instanceof AppError && error.statusCode === 403 && message.test(error.message);
const throws = (action: () => unknown) => {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('did not throw');
};

describe('where an administrator may create an organisation', () => {
  it('places it under their own organisation by default, and refuses any other parent', () => {
    const region = { id: 'r', kind: 'authority' as const };
    expect(placeNewOrganisation(region, asked())).toEqual({
      kind: 'enterprise',
      name: '新企业',
      parentId: 'r',
      regionCode: null,
    });
    expect(placeNewOrganisation(region, asked({ parentId: 'r' })).parentId).toBe('r');
    expect(
      refused(/only directly under your own organisation/)(
        throws(() => placeNewOrganisation(region, asked({ parentId: 'elsewhere' }))),
      ),
    ).toBe(true);
  });

  it('lets the platform create at top level by default or under any parent', () => {
    const platform = { id: 'p', kind: 'platform' as const };
    expect(placeNewOrganisation(platform, asked({ kind: 'authority' })).parentId).toBeNull();
    expect(placeNewOrganisation(platform, asked({ parentId: 'anywhere' })).parentId).toBe('anywhere');
  });

  it('refuses a kind the organisation may not create, and an enterprise any', () => {
    expect(
      refused(/can create only: enterprise$/)(
        throws(() =>
          placeNewOrganisation({ id: 's', kind: 'service_provider' }, asked({ kind: 'authority' })),
        ),
      ),
    ).toBe(true);
    expect(
      refused(/An enterprise cannot create organisations/)(
        throws(() => placeNewOrganisation({ id: 'e', kind: 'enterprise' }, asked())),
      ),
    ).toBe(true);
  });
});
