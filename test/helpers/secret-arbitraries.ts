// fast-check generators for the secret shapes the scanner must catch, and for the text around them:
// shared by the property tests and by bench/security-bench.ts.
import fc from 'fast-check';
import type { SecretKind } from '../../src/text/secrets';

const chars = (alphabet: string, minLength: number, maxLength: number) =>
  fc.string({ unit: fc.constantFrom(...alphabet), minLength, maxLength });

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
const ALNUM = UPPER + LOWER + DIGITS;
const BASE64 = `${ALNUM}+/`;
const BASE64URL = `${ALNUM}-_`;

/** A generated secret: its kind, the text as pasted, and the part that must never come out. */
export interface GeneratedSecret {
  kind: SecretKind;
  pasted: string;
  secret: string;
}

const whole =
  (kind: SecretKind) =>
  (pasted: string): GeneratedSecret => ({ kind, pasted, secret: pasted });

/** At least one digit, one lower and one upper case letter somewhere in `length` base64 characters. */
const mixedBase64 = (length: number) =>
  fc
    .tuple(chars(BASE64, length - 3, length - 3), fc.nat(length - 3), fc.nat(length - 2), fc.nat(length - 1))
    .map(([body, a, b, c]) => {
      let text = body;
      for (const [at, ch] of [
        [a, '7'],
        [b, 'q'],
        [c, 'Q'],
      ] as const)
        text = `${text.slice(0, at)}${ch}${text.slice(at)}`;
      return text;
    });

export const secretArbitraries: Record<SecretKind, fc.Arbitrary<GeneratedSecret>> = {
  'access-key-id': fc
    .tuple(fc.constantFrom('AKIA', 'ASIA', 'AIDA', 'AROA'), chars(UPPER + DIGITS, 16, 16))
    .map(([prefix, rest]) => whole('access-key-id')(prefix + rest)),
  'secret-access-key': mixedBase64(40).map(whole('secret-access-key')),
  'session-token': fc
    .tuple(fc.constantFrom('FwoGZXIvYXdz', 'IQoJb3JpZ2lu', ''), mixedBase64(120), fc.constantFrom('', '=', '=='))
    .map(([prefix, body, pad]) => whole('session-token')(prefix + body + pad)),
  'private-key': fc
    .tuple(
      fc.constantFrom('RSA ', 'EC ', 'OPENSSH ', 'DSA ', 'ENCRYPTED ', ''),
      fc.array(chars(BASE64, 20, 64), { minLength: 1, maxLength: 6 }),
      fc.boolean(),
    )
    .map(([type, lines, ended]) => {
      const body = lines.join('\n');
      const pasted = `-----BEGIN ${type}PRIVATE KEY-----\n${body}${ended ? `\n-----END ${type}PRIVATE KEY-----` : ''}`;
      return { kind: 'private-key' as const, pasted, secret: body };
    }),
  'slack-token': fc
    .tuple(fc.constantFrom('xoxb', 'xoxp', 'xoxa', 'xoxr', 'xoxs'), chars(DIGITS, 10, 13), chars(ALNUM, 16, 32))
    .map(([prefix, team, rest]) => whole('slack-token')(`${prefix}-${team}-${rest}`)),
  'github-token': fc
    .tuple(fc.constantFrom('ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'), chars(ALNUM, 36, 40))
    .map(([prefix, rest]) => whole('github-token')(prefix + rest)),
  'gitlab-token': chars(`${ALNUM}_-`, 20, 30).map((rest) => whole('gitlab-token')(`glpat-${rest}`)),
  jwt: fc
    .tuple(chars(BASE64URL, 10, 40), chars(BASE64URL, 10, 80), chars(BASE64URL, 20, 60))
    .map(([header, payload, signature]) => whole('jwt')(`eyJ${header}.eyJ${payload}.${signature}`)),
  'url-password': fc
    .tuple(
      chars(LOWER, 3, 10),
      mixedBase64(12).map((p) => p.replace(/[/+]/g, 'x')),
      chars(LOWER, 3, 12),
    )
    .map(([user, password, host]) => ({
      kind: 'url-password' as const,
      pasted: `https://${user}:${password}@${host}.example.com/path`,
      secret: password,
    })),
  password: fc
    .tuple(
      fc.constantFrom('password: ', 'my password is ', 'pw=', 'passwd - ', 'root pass ', 'pass: ', 'Password = '),
      chars(`${ALNUM}!#$%&*?@^`, 7, 20),
      fc.constantFrom(...DIGITS),
    )
    .map(([lead, value, digit]) => ({
      kind: 'password' as const,
      pasted: `${lead}${value}${digit}`,
      secret: value + digit,
    })),
};

export const anySecret: fc.Arbitrary<GeneratedSecret> = fc.oneof(...Object.values(secretArbitraries));

/** Words of a question around a secret. */
export const fillerText = fc
  .array(
    fc.constantFrom(
      'I',
      'lost',
      'my',
      'MFA',
      'device',
      'and',
      'the',
      'root',
      'account',
      'help',
      'please',
      'key',
      'is:',
      'here',
    ),
    { maxLength: 12 },
  )
  .map((words) => words.join(' '));

/** Characters Slack markup is made of, to build hostile text from. */
export const markupText = (maxLength: number) =>
  fc.string({
    unit: fc.constantFrom(
      '<',
      '>',
      '!',
      '@',
      '#',
      '|',
      '&',
      'lt;',
      'gt;',
      'amp;',
      ':',
      '`',
      'a',
      'U1',
      ' ',
      '\n',
      'http://',
      'x.y',
    ),
    maxLength,
  });
