// Pasted secrets: never echoed (not in any reply, not in any log line, even at debug level, where the
// Web API client logs what it sends), the question still answered, and a private warning to delete
// the message and rotate or change the secret. Ordinary questions raise no alarm.
import { SECRET_WARNING_TITLE } from '../../src/cards/build-secret-warning-card';
import { REDACTED } from '../../src/text/secrets';
import { headerOf } from '../helpers/cards';
import { directMessageEvent, mentionEvent, slackSender } from '../helpers/slack-requests';
import { type RunningApp, startTestApp, watchUnhandled } from '../helpers/test-app';

let running: RunningApp;
let sender: ReturnType<typeof slackSender>;
const unhandled = watchUnhandled();
beforeAll(async () => {
  running = await startTestApp({ logLevel: 'debug' });
  sender = slackSender(running.eventsUrl);
});
afterAll(async () => {
  await running.stop();
  unhandled.stop();
  expect(unhandled.escaped).toEqual([]);
});

const pasted: Array<{ name: string; secret: string; question: string; advice: RegExp }> = [
  {
    name: 'an access key id (AKIA)',
    secret: 'AKIAIOSFODNN7EXAMPLE',
    question: 'I lost my MFA device, AKIAIOSFODNN7EXAMPLE',
    advice: /rotate that access key/,
  },
  {
    name: 'a temporary access key id (ASIA)',
    secret: 'ASIAJEXAMPLEXEG2JICE',
    question: 'signing in with ASIAJEXAMPLEXEG2JICE fails, I lost my MFA device',
    advice: /rotate that access key/,
  },
  {
    name: 'a secret access key',
    secret: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    question: 'I lost my MFA device, it was for wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    advice: /rotate that access key/,
  },
  {
    name: 'a password ("my password is …")',
    secret: 'Tr0ub4dor&3x',
    question: 'I lost my MFA device and my password is Tr0ub4dor&3x',
    advice: /change that password/,
  },
  {
    name: 'a password ("pw: …")',
    secret: 'correcthorse42',
    question: 'I lost my MFA device, pw: correcthorse42',
    advice: /change that password/,
  },
  {
    name: 'a password after the word in Slack bold ("*Password*: …")',
    secret: 'Hunt3r2024',
    question: 'I lost my MFA device, *Password*: Hunt3r2024',
    advice: /change that password/,
  },
  {
    name: 'a password in pasted JSON',
    secret: 'Hunt3r2024',
    question: 'I lost my MFA device {"user": "admin", "password": "Hunt3r2024"}',
    advice: /change that password/,
  },
  {
    name: 'a link with a password and no user name',
    secret: 'S3cretPass99',
    question: 'I lost my MFA device, portal is <https://:S3cretPass99@portal.example.com>',
    advice: /change that password/,
  },
  {
    name: 'a link whose password holds an "@"',
    secret: 'ssW0rd99',
    question: 'I lost my MFA device, portal is <https://admin:p@ssW0rd99@portal.example.com>',
    advice: /change that password/,
  },
  {
    name: 'an AWS session token',
    secret:
      'FwoGZXIvYXdzEBYaDHqa0AP1mVb2p3TMhSLAAbNcL0Ymr8XBNo7rcnO9vQO2PRhoWzZmU2kyxBgbHjLwB9j5t7rPa0XlGzTfeO6RpCoTL4r0',
    question:
      'I lost my MFA device, my session token is FwoGZXIvYXdzEBYaDHqa0AP1mVb2p3TMhSLAAbNcL0Ymr8XBNo7rcnO9vQO2PRhoWzZmU2kyxBgbHjLwB9j5t7rPa0XlGzTfeO6RpCoTL4r0',
    advice: /revoke that session/,
  },
  {
    name: 'a PEM private key block',
    secret: 'MIIEpAIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM9Oi3pZ8mQ0wW4sLq1A8Bkv2HcY7n',
    question:
      'I lost my MFA device, here is my key\n-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM9Oi3pZ8mQ0wW4sLq1A8Bkv2HcY7n\n-----END RSA PRIVATE KEY-----',
    advice: /private key/,
  },
  {
    name: 'a Slack bot token',
    secret: 'xoxb-1234567890123-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx',
    question: 'I lost my MFA device, our bot uses xoxb-1234567890123-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx',
    advice: /Slack token/,
  },
  {
    name: 'a Slack user token',
    secret: 'xoxp-2345678901234-2345678901234-ZyXwVuTsRqPoNmLkJiHgFeDc',
    question: 'I lost my MFA device, token xoxp-2345678901234-2345678901234-ZyXwVuTsRqPoNmLkJiHgFeDc',
    advice: /Slack token/,
  },
  {
    name: 'a GitHub token',
    secret: 'ghp_16C7e42F292c6912E7710c838347Ae178B4a',
    question: 'I lost my MFA device, ghp_16C7e42F292c6912E7710c838347Ae178B4a',
    advice: /GitHub token/,
  },
  {
    name: 'a GitLab token',
    secret: 'glpat-xY7zAbCdEfGhIjKlMnOp',
    question: 'I lost my MFA device, glpat-xY7zAbCdEfGhIjKlMnOp',
    advice: /GitLab token/,
  },
  {
    name: 'a JWT',
    secret: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N',
    question:
      'I lost my MFA device, eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N',
    advice: /JWT/,
  },
  {
    name: 'a URL with a password',
    secret: 'Sup3rS3cretPw',
    question: 'I lost my MFA device, see https://deploy:Sup3rS3cretPw@git.example.com/repo',
    advice: /password inside a link/,
  },
  {
    name: 'a passphrase',
    secret: 'correct horse battery staple',
    question: 'I lost my MFA device, passphrase: correct horse battery staple',
    advice: /change that password/,
  },
  {
    name: 'a root pass',
    secret: 'Hunt3r!2024',
    question: 'I lost my MFA device, root pass Hunt3r!2024',
    advice: /change that password/,
  },
];

function expectNowhere(secret: string): void {
  // Slack escapes & as &amp; in what it sends, so look for the secret's distinctive start too.
  const needles = [secret, secret.slice(0, 10)];
  for (const needle of needles) {
    expect(running.slack.everythingSent()).not.toContain(needle);
    expect(running.logs.join('\n')).not.toContain(needle);
  }
}

const slackEscape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

describe.each(pasted)('$name', ({ name, secret, question, advice }) => {
  const id = name.replace(/\W+/g, '-');

  it('/aws-signin: a private warning, then the answer, and the secret nowhere', async () => {
    const { slack } = running;
    await sender.command(slackEscape(question), slack.responseUrl(`secret-${id}`));
    await slack.waitFor(() => slack.responses.filter((r) => r.id === `secret-${id}`).length === 2);
    const [warning, answer] = slack.responses.filter((r) => r.id === `secret-${id}`).map((r) => r.body);
    expect(warning).toMatchObject({ response_type: 'ephemeral' });
    expect(String(warning?.text)).toContain(SECRET_WARNING_TITLE);
    // A slash command's text is never posted: nothing to delete (before, it said to delete "your message").
    expect(String(warning?.text)).not.toMatch(/delete your message/);
    expect(String(warning?.text)).toMatch(/nothing to delete/);
    expect(String(warning?.text)).toMatch(advice);
    expect(headerOf(answer ?? {})).toMatch(/MFA/);
    await slack.settle(50);
    expectNowhere(secret);
    // Nor in the stored question: the card's buttons carry its id.
    const questionId = Number(/#(\d+)(?:@\w+)?"/.exec(JSON.stringify(answer?.blocks))?.[1]);
    const stored = (await running.store.questions.get(questionId))?.question ?? '';
    expect(stored).toContain(REDACTED);
    for (const needle of [secret, secret.slice(0, 10)]) expect(stored).not.toContain(needle);
  });

  it('@-mention: the warning only to the person, the answer in the thread, the secret nowhere', async () => {
    const { slack } = running;
    const event = mentionEvent(slackEscape(question), { user: 'U0PASTER01' });
    await sender.event(event);
    const answer = await slack.waitFor(() =>
      slack.callsTo('chat.postMessage').find((c) => c.args.thread_ts === event.ts),
    );
    const warning = slack.callsTo('chat.postEphemeral').find((c) => c.args.thread_ts === event.ts);
    expect(warning?.args).toMatchObject({ user: 'U0PASTER01', channel: 'C0CHANNEL1' });
    expect(String(warning?.args.text)).toMatch(advice);
    expect(String(warning?.args.text)).toMatch(/delete your message/);
    expect(headerOf(answer.args)).toMatch(/MFA/);
    await slack.settle(50);
    expectNowhere(secret);
  });

  it('a reply that quotes the question shows [redacted] in its place', async () => {
    const { slack } = running;
    // A question about other things (another product named), so the reply is the fallback, which quotes it.
    const unknown = `what is the capital of France and which github repo has the slides, ${question.replace(/I lost my MFA device,?/, '')}`;
    await sender.command(slackEscape(unknown), slack.responseUrl(`quoted-${id}`));
    const event = mentionEvent(slackEscape(unknown));
    await sender.event(event);
    await slack.waitFor(() => slack.responses.filter((r) => r.id === `quoted-${id}`).length === 2);
    const inThread = await slack.waitFor(() =>
      slack.callsTo('chat.postMessage').find((c) => c.args.thread_ts === event.ts),
    );
    const quoted = slack.responses.filter((r) => r.id === `quoted-${id}`)[1]?.body ?? {};
    for (const reply of [quoted, inThread.args])
      expect(JSON.stringify(reply.blocks)).toContain('You asked: _what is the capital of France and which github');
    for (const reply of [quoted, inThread.args]) expect(JSON.stringify(reply.blocks)).toContain(REDACTED);
    await slack.settle(50);
    expectNowhere(secret);
  });

  it('direct message: a private warning and the answer, the secret nowhere', async () => {
    const { slack } = running;
    const channel = `D0S${id.slice(0, 7).toUpperCase()}`;
    await sender.event(directMessageEvent(slackEscape(question), { channel }));
    const answer = await slack.waitFor(() => slack.callsTo('chat.postMessage').find((c) => c.args.channel === channel));
    const warning = slack.callsTo('chat.postEphemeral').find((c) => c.args.channel === channel);
    expect(String(warning?.args.text)).toContain(SECRET_WARNING_TITLE);
    expect(headerOf(answer.args)).toMatch(/MFA/);
    await slack.settle(50);
    expectNowhere(secret);
  });
});

describe('no false alarms', () => {
  const ordinary = [
    'my password is wrong but I am sure it is right',
    'forgot my root password',
    'where do I find the 12 digit account id 123456789012?',
    'our portal is https://d-1234567890.awsapps.com/start and it says my password is expired',
    'my pw was rejected three times, now the account is locked',
    'the access key page says AKIA... something, what is an access key id?',
    'I lost my MFA device, the serial was GAHT12345678',
  ];

  it.each(ordinary)('%s: answered, no warning', async (question) => {
    const { slack } = running;
    slack.reset();
    const id = `ordinary-${question.length}`;
    await sender.command(slackEscape(question), slack.responseUrl(id));
    await slack.waitFor(() => slack.responses.find((r) => r.id === id));
    await slack.settle(50);
    expect(slack.responses.filter((r) => r.id === id)).toHaveLength(1);
    expect(slack.everythingSent()).not.toContain(SECRET_WARNING_TITLE);
  });
});
