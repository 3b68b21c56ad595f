import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  describeControlCharacter,
  findControlCharacterIn,
  type ControlCharacterFound,
} from '../core/shared/control-characters.ts';
import { AppError } from './app-error.ts';

/** The part of the request a control character was found in. */
type Where = 'params' | 'query' | 'body';

/**
 * The one place where control characters in a request are refused: before any route validates or stores it, every
 * string of the path parameters, the query and a JSON (or text) body is checked, keys included, and the first
 * control character found is answered with 400 `control_character` naming the field (`body.sections[2].text`) and
 * the position. Raw bodies (application/octet-stream evidence files and answer sheets) arrive as bytes and are not
 * looked into: a file may hold any byte; its query (`fileName`) is still checked, and the strings an answer sheet
 * yields are checked where answers are (src/features/assessments/answer-checks.ts).
 */
export function refuseControlCharacters(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const found = firstControlCharacter(request);
    if (found) throw controlCharacterError(found.where, found);
  });
}

function firstControlCharacter(request: FastifyRequest): (ControlCharacterFound & { where: Where }) | null {
  const parts: [Where, unknown][] = [
    ['params', request.params],
    ['query', request.query],
    ['body', Buffer.isBuffer(request.body) ? undefined : request.body],
  ];
  for (const [where, value] of parts) {
    const found = findControlCharacterIn(value, where);
    if (found) return { ...found, where };
  }
  return null;
}

export function controlCharacterError(where: Where, found: ControlCharacterFound): AppError {
  const message = describeControlCharacter(found);
  return new AppError(400, 'control_character', message, [
    {
      where,
      path: found.path,
      ...(found.key ? { key: true } : {}),
      position: found.position,
      character: found.character,
      message,
    },
  ]);
}
