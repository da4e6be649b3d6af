import { randomUUID } from 'node:crypto';

export interface ErrorDetail {
  message: string;
  code?: string;
  in?: string;
  context?: Record<string, string[]>;
}

/** A HubSpot error response; the server turns it into the JSON body HubSpot sends. */
export class StandInError extends Error {
  constructor(
    readonly status: number,
    readonly category: string,
    message: string,
    readonly errors?: ErrorDetail[],
    readonly context?: Record<string, string[]>,
  ) {
    super(message);
  }
}

export function errorBody(error: StandInError): Record<string, unknown> {
  return {
    status: 'error',
    message: error.message,
    correlationId: randomUUID(),
    category: error.category,
    ...(error.context ? { context: error.context } : {}),
    ...(error.errors ? { errors: error.errors } : {}),
  };
}

export const validationError = (message: string, errors?: ErrorDetail[]) =>
  new StandInError(400, 'VALIDATION_ERROR', message, errors);

export const notFound = (message: string, context?: Record<string, string[]>) =>
  new StandInError(404, 'OBJECT_NOT_FOUND', message, undefined, context);

export const conflict = (message: string) => new StandInError(409, 'CONFLICT', message);

/** One failed input of a batch call (StandardError in the OpenAPI documents). */
export interface BatchError {
  status: 'error';
  category: string;
  message: string;
  context: Record<string, string[]>;
  errors: ErrorDetail[];
  links: Record<string, string>;
}

export function batchError(category: string, message: string, context: Record<string, string[]>): BatchError {
  return { status: 'error', category, message, context, errors: [], links: {} };
}
