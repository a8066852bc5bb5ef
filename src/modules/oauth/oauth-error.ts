/**
 * An OAuth protocol error (RFC 6749 §5.2, RFC 7591 §3.2.2): the token and registration endpoints answer
 * `{ error, error_description }` with this status, which OAuth clients parse, instead of Settle's envelope.
 */
export class OAuthError extends Error {
  readonly error: string;
  readonly status: 400 | 401;

  constructor(error: string, description: string, status: 400 | 401 = 400) {
    super(description);
    this.name = "OAuthError";
    this.error = error;
    this.status = status;
  }
}
