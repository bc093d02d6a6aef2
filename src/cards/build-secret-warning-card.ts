// The private warning shown when a question contained what looks like a secret.
import type { SecretKind } from '../text/secrets';
import { section } from './blocks';
import { BLOCK } from './ids';
import type { Card } from './types';

const ADVICE: Record<SecretKind, string> = {
  'access-key-id': 'an AWS access key ID: deactivate and rotate that access key',
  'secret-access-key': 'an AWS secret access key: deactivate and rotate that access key',
  'session-token':
    'an AWS session token or another long token: revoke that session (or let it expire) and sign in again',
  'private-key': 'a private key: treat that key as compromised, and replace it everywhere it is used',
  'slack-token': 'a Slack token or webhook: revoke it in the app settings and issue a new one',
  'github-token': 'a GitHub token: revoke it in GitHub (Settings > Developer settings) and make a new one',
  'gitlab-token': 'a GitLab token: revoke it in GitLab and make a new one',
  jwt: 'a sign-in token (JWT): sign out of that session so the token stops working',
  'url-password': 'a password inside a link: change that password',
  password: 'a password: change that password',
};

export const SECRET_WARNING_TITLE = ':warning: Your message looks like it contains a secret.';

/**
 * `posted`: the question is a message in the conversation (a mention, a DM), which the person should delete.
 * A slash command's text is never posted, so there is nothing to delete; it still went through Slack.
 */
export function buildSecretWarningCard(
  kinds: readonly SecretKind[],
  { posted = true }: { posted?: boolean } = {},
): Card {
  const lines = kinds.map((kind) => `• ${ADVICE[kind]}`);
  const first = posted
    ? 'Please delete your message, then:'
    : 'The command itself was not posted, so there is nothing to delete, but it went through Slack, so:';
  const text = `${SECRET_WARNING_TITLE} I did not repeat or store it. ${first}\n${lines.join('\n')}`;
  return { text, blocks: [section(text, BLOCK.secretWarning)] };
}
