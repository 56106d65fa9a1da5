/**
 * An answer that is an error: the store and the routes throw it, the server writes it as
 * `{"detail": "..."}` (the error shape this project assumes for the API).
 */

/** An HTTP error with the plain-language detail sent in the body. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = 'HttpProblem';
  }
}
