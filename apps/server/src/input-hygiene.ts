import { inputHygieneIssues } from '@ptrack/contracts';
import type { FastifySchemaCompiler } from 'fastify';
import { validatorCompiler as zodValidatorCompiler } from 'fastify-type-provider-zod';
import type { ZodType } from 'zod';

// The marker fastify-type-provider-zod puts on its issues; errors.ts recognises validation errors by it,
// so these come out as the same 400 problem naming each field.
const ZOD_VALIDATION_ISSUE = Symbol.for('ZodFastifySchemaValidationError');

/**
 * The validator of every route's body, query, path and headers: first the rules that hold for any
 * string anywhere (no NUL, no lone surrogate — see @ptrack/contracts' hygiene), then the route's schema.
 */
export const validatorCompiler: FastifySchemaCompiler<ZodType> = (route) => {
  const validate = zodValidatorCompiler(route);
  return (data: unknown) => {
    const issues = inputHygieneIssues(data);
    if (issues.length === 0) return validate(data);
    return {
      error: issues.map((issue) => ({
        [ZOD_VALIDATION_ISSUE]: true,
        keyword: 'invalid_format',
        instancePath: `/${issue.path.join('/')}`,
        schemaPath: '#/hygiene',
        message: issue.message,
        params: {},
      })),
    } as never;
  };
};
