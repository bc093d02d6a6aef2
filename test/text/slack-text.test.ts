import { runInNewContext } from 'node:vm';
import {
  collapseSpaces,
  escapeMrkdwn,
  quoteForSlack,
  toPlainQuestion,
  truncate,
  truncateMrkdwn,
} from '../../src/text/slack-text';

describe('toPlainQuestion', () => {
  it('drops mentions, emoji codes and code marks but keeps the words', () => {
    expect(toPlainQuestion('<@U0123ABCD> lost my `mfa` phone :sob: :+1::skin-tone-2:')).toBe('lost my mfa phone');
  });

  it('keeps link labels, and the host of bare addresses', () => {
    expect(toPlainQuestion('is <https://evil.example|click here> the portal? <https://x.awsapps.com/start>')).toBe(
      'is click here the portal? x.awsapps.com',
    );
    expect(toPlainQuestion('see https://evil.example/phish/login?x=1 now')).toBe('see evil.example now');
  });

  it('strips markup a person typed literally, which Slack sends escaped', () => {
    expect(toPlainQuestion('&lt;!channel&gt; &lt;@U0OTHER01&gt; forgot &lt;https://evil.example|click&gt; pw')).toBe(
      'forgot click pw',
    );
    expect(toPlainQuestion('@channel @here lost mfa')).toBe('lost mfa');
  });

  it('drops "cc" and "fyi" that address a message to someone ("cc" is also a credit card)', () => {
    expect(toPlainQuestion('cc <@U0ALICE01|alice> forgot my password')).toBe('forgot my password');
    expect(toPlainQuestion('forgot my password, cc: <@U0ALICE01> <@U0BOB0001>')).toBe('forgot my password,');
    expect(toPlainQuestion('my cc was declined')).toBe('my cc was declined');
    // Mid-sentence, or before a group or @here, "cc" is the card itself.
    expect(toPlainQuestion('need to change cc <@U0FIN0001>')).toBe('need to change cc');
    expect(toPlainQuestion('how do I update the cc <!subteam^S01|@billing>')).toBe('how do I update the cc');
    expect(toPlainQuestion('expired cc <!here>')).toBe('expired cc');
    // After the app's own mention, as every mention's text begins.
    expect(toPlainQuestion('<@UBOTUSER1> cc <@U0ALICE01> forgot my password')).toBe('forgot my password');
    expect(toPlainQuestion('<@UBOTUSER1> <!here> cc <@U0ALICE01> locked out')).toBe('locked out');
    expect(toPlainQuestion('<!subteam^S0ADMINS|@aws-admins> fyi <@U0ALICE01> locked out')).toBe('locked out');
    // Not after a link or a channel: there "cc" may be the card.
    expect(toPlainQuestion('<#C0OPS0001|ops> cc <@U0ALICE01> card declined')).toBe('cc card declined');
  });

  it('removes broadcast and group mentions entirely', () => {
    expect(toPlainQuestion('<!channel> <!here> <!subteam^S0123|@admins> forgot password')).toBe('forgot password');
  });

  it('unescapes what Slack escaped and drops control characters', () => {
    expect(toPlainQuestion('root &amp; iam\u0007 here\n```code```')).toBe('root & iam here code');
  });

  it('turns blank or markup-only text into an empty question', () => {
    expect(toPlainQuestion('   \n\t ')).toBe('');
    expect(toPlainQuestion('<@U0123ABCD> :wave:')).toBe('');
  });
});

describe('escapeMrkdwn', () => {
  it('escapes &, < and > so nothing becomes a link or mention', () => {
    expect(escapeMrkdwn('<!channel> & <@U1|x>')).toBe('&lt;!channel&gt; &amp; &lt;@U1|x&gt;');
  });

  it('breaks plain-text broadcast words so they cannot notify anyone', () => {
    const escaped = escapeMrkdwn('hey @channel and @here and @everyone');
    expect(escaped).not.toMatch(/@(channel|here|everyone)/);
    expect(escaped.replace(/\u2060/g, '')).toBe('hey @channel and @here and @everyone');
  });
});

describe('truncate and quoteForSlack', () => {
  it('cuts long text with an ellipsis and leaves short text alone', () => {
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('abc', 4)).toBe('abc');
  });

  it('never cuts an emoji in half', () => {
    const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
    const emoji = '😀'.repeat(200);
    for (let max = 2; max <= 12; max++) {
      expect(truncate(`aws ${emoji}`, max)).not.toMatch(LONE_SURROGATE);
      expect(quoteForSlack(`aws ${emoji}`, max)).not.toMatch(LONE_SURROGATE);
      expect(truncate(`aws ${emoji}`, max).length).toBeLessThanOrEqual(max);
    }
  });

  it('cuts mrkdwn outside its entities, links and mentions', () => {
    const entities = truncateMrkdwn(`${'a'.repeat(8)}&amp;&amp;`, 12);
    expect(entities).toBe('aaaaaaaa…');
    const link = truncateMrkdwn(`see <https://docs.aws.amazon.com/signin/latest/userguide/x.html|the guide> now`, 40);
    expect(link).toBe('see…');
    expect(truncateMrkdwn('<@U0ASKER01> needs help getting into AWS', 30)).toBe('<@U0ASKER01> needs help getti…');
    expect(truncateMrkdwn('short', 30)).toBe('short');
  });

  it('never cuts an escaped entity in half', () => {
    const quoted = quoteForSlack(`${'a'.repeat(8)}<<<<`, 12);
    expect(quoted.length).toBeLessThanOrEqual(12);
    expect(quoted).not.toMatch(/&[a-z]*…$/);
    expect(quoted.endsWith('…')).toBe(true);
  });
});

describe('collapseSpaces', () => {
  it('turns every run of whitespace into one space, like \\s+, and leaves single spaces alone', () => {
    for (const text of ['a b', 'a  b', 'a\tb', 'a \t b', '\t a', 'a\u00a0b', 'a\n\nb ', 'a\u2003 \u2003b', '', ' ']) {
      expect(collapseSpaces(text)).toBe(text.replace(/\s+/g, ' '));
    }
  });
});

describe('clean-up of hostile markup', () => {
  // Quadratic clean-up (each `<` rescanned the rest of the text) took ~2.6 s on 100,000 characters, and
  // ~6 s on each of these 150,000; linear clean-up takes milliseconds (figures: `npm run bench:security`).
  // A synchronous test cannot be stopped by Jest's timeout, so the clean-up runs under vm's, which
  // interrupts it: a generous bound, hundreds of times what linear clean-up needs, only there to turn a
  // quadratic clean-up into a failure instead of a hang.
  it('strips 150,000 characters of escaped and raw <! <@ <# <a| down to nothing', () => {
    for (const unit of ['&lt;!', '<!', '<@', '<#', '<a|', '&lt;a|']) {
      const raw = unit.repeat(Math.ceil(150_000 / unit.length));
      const plain = runInNewContext('clean(raw)', { clean: toPlainQuestion, raw }, { timeout: 3000 }) as string;
      expect(plain).toMatch(/^[<!@#a|\s]*$/);
    }
  });
});
