// Which messages are a request of the app (help, stats, thanks) rather than a question: a short question
// that happens to use a word of thanks ("fixed?", "ok?") is a question, and real questions are never eaten.
import { requestOf } from '../../src/listeners/requests';

it('reads help, stats and thanks, with mentions, emoji and closing punctuation around them', () => {
  expect(requestOf('<@UBOTUSER1> help')).toBe('help');
  expect(requestOf('?')).toBe('help');
  expect(requestOf('help me')).toBe('help');
  expect(requestOf('stats')).toBe('stats');
  expect(requestOf('thanks!')).toBe('thanks');
  expect(requestOf('it worked, thank you so much :tada:')).toBe('thanks');
});

it('leaves questions alone, short ones ending with a question mark included', () => {
  for (const question of [
    'fixed?',
    'ok?',
    'it works?',
    'got it?',
    'fixed now?',
    'fixed?!',
    'it worked?!',
    'fixed?.',
    'fixed?...',
  ])
    expect(requestOf(question)).toBeUndefined();
  for (const question of [
    'help! I lost my MFA',
    'ok so I forgot my root password',
    'thanks in advance, my IAM password expired',
    'stats for my account',
  ]) {
    expect(requestOf(question)).toBeUndefined();
  }
});
