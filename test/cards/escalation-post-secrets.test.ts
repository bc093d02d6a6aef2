// A question stored before the scanner knew a secret's shape (an old row) is scanned again when it is
// quoted to the escalation channel: the administrators never see the secret.
import { buildEscalationPost } from '../../src/cards/build-escalation-post';
import type { EscalationRecord } from '../../src/store/types';
import { REDACTED } from '../../src/text/secrets';

const stored: EscalationRecord = {
  id: 5,
  questionId: 9,
  requesterId: 'U0ASKER01',
  topicId: 'iam-password-reset',
  question: 'forgot my IAM password, bot token xoxb-1234567890123-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx',
  askedBy: 'U0ASKER01',
  state: 'open',
  createdAt: Date.UTC(2026, 0, 5, 9, 30),
};

it('quotes an old stored question with any secret in it redacted', () => {
  const post = JSON.stringify(buildEscalationPost(stored, 'IAM password'));
  expect(post).not.toContain('xoxb-');
  expect(post).toContain(`forgot my IAM password, bot token ${REDACTED}`);
});
