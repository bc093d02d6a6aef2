// The private warning shown when a question contained what looks like a secret.
import type { SecretKind } from '../text/secrets';
import { section } from './blocks';
import { BLOCK } from './ids';
import type { Card } from './types';

const ADVICE: Record<SecretKind, string> = {
  'access-key-id': 'an AWS access key ID: deactivate and rotate that access key',
  'secret-access-key': 'an AWS secret access key: deactivate and rotate that access key',
  password: 'a password: change that password',
};

export const SECRET_WARNING_TITLE = ':warning: Your message looks like it contains a secret.';

export function buildSecretWarningCard(kinds: readonly SecretKind[]): Card {
  const lines = kinds.map((kind) => `• ${ADVICE[kind]}`);
  const text = `${SECRET_WARNING_TITLE} I did not repeat or store it. Please delete your message, then:\n${lines.join('\n')}`;
  return { text, blocks: [section(text, BLOCK.secretWarning)] };
}
