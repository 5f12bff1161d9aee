import { expect } from 'vitest';
import { AppError } from '../../../src/shared/errors';

/** Awaits a promise that must fail with an AppError, and returns that error. */
export async function caught(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected a failure');
}

/** Lets work started by a fired timer (a clipboard clear) finish. */
export const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
