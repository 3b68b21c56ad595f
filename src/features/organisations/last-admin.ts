import { AppError } from '../../server/app-error.ts';

/** 409 last_admin: an organisation is never left without an administrator. */
export const lastAdmin = (what: string): AppError =>
  new AppError(
    409,
    'last_admin',
    `${what} the last administrator of this organisation; make another member administrator first`,
  );
