// What a pure rule refused with, for the rule tests: the AppError it threw (any other error is a
// failure of the test), or null when it let the call through.
import { AppError } from '../../cloudfunctions/shared/errors';

export function thrownAppError(run: () => unknown): AppError | null {
  try {
    run();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  return null;
}
