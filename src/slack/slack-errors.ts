// What Slack said when it refused a call, and which refusals mean a token is wrong: those are not
// outages to wait out but settings a person has to fix, so they are reported naming the variable.
export type TokenVariable = 'SLACK_BOT_TOKEN' | 'SLACK_APP_TOKEN';

/** Slack's answers that mean the token itself is wrong, revoked or belongs to a disabled account. */
export const TOKEN_ERROR_CODES: ReadonlySet<string> = new Set([
  'invalid_auth',
  'not_authed',
  'token_revoked',
  'token_expired',
  'account_inactive',
  'user_removed_from_team',
  'team_disabled',
  'not_allowed_token_type',
]);

/** A token Slack refused: `message` is the one line a person reads. */
export class SlackTokenError extends Error {
  override readonly name = 'SlackTokenError';
  constructor(
    readonly variable: TokenVariable,
    readonly code: string,
  ) {
    super(
      `${variable} was refused by Slack (${code}). Check the ${variable === 'SLACK_BOT_TOKEN' ? 'Bot User OAuth Token (xoxb-...)' : 'App-Level Token (xapp-..., with connections:write)'} in .env.`,
    );
  }
}

/** Slack's error code (`invalid_auth`, `ratelimited`, ...) from a Web API error, if it has one. */
export function slackErrorCode(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } } | null | undefined)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
}

export function isTokenRefusal(error: unknown): boolean {
  const code = slackErrorCode(error);
  return code !== undefined && TOKEN_ERROR_CODES.has(code);
}

/** A short description of a failed call for a log line: Slack's code, or the error's message (no stack). */
export function describeSlackFailure(error: unknown): string {
  const code = slackErrorCode(error);
  if (code) return code;
  if (error instanceof Error) {
    const cause = (error as { original?: unknown }).original;
    const detail = cause instanceof Error && !error.message.includes(cause.message) ? ` (${cause.message})` : '';
    return `${error.message}${detail}`;
  }
  return String(error);
}
