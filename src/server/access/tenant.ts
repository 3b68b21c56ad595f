/**
 * The organisation whose data a request may touch, as a type that only the access layer produces. Repository
 * functions that read or change tenant data take a `TenantId`, so a raw `request.params.orgId` (a plain string)
 * does not compile there: the id must have passed through `src/server/access/` first — the caller's own
 * organisation (`member(request).tenant`) or one the caller manages (`managedTenant`).
 */
declare const tenantBrand: unique symbol;

export type TenantId = string & { readonly [tenantBrand]: 'TenantId' };
