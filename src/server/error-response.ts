import { z } from 'zod';

/** The one error shape, for response schemas in the OpenAPI document. */
export const ErrorResponse = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown() }),
});
