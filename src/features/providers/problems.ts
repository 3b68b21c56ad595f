import { AppError } from '../../server/app-error.ts';

/** A problem of a request, at a dotted path of its body (`profile.products.2.price`). */
export interface Problem {
  field: string;
  message: string;
}

export const fieldOf = (path: readonly (string | number)[]) => path.map(String).join('.');

/** 400 with every problem, the first one's place and message leading; nothing was written. */
export function refused(code: string, problems: readonly Problem[]): AppError {
  const [first] = problems;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  const lead = first ? `${first.field}: ${first.message}` : 'Refused';
  return new AppError(400, code, `${lead}${more}; nothing was saved`, { problems });
}
