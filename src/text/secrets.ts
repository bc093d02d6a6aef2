// Finds secrets people paste by accident (keys, tokens, private keys, passwords) so they are never echoed,
// posted, stored or logged, and so the person can be told to rotate them. Patterns are narrow to avoid
// false alarms on ordinary questions, and each runs in time linear in the text: every repeated part is
// either bounded or stops at a character the part before it cannot contain, so no input makes a pattern
// scan the same characters over and over (a Slack message can be 40,000 characters, a log line more).
import { loadEnglishWords } from '../matching/english-words';

export type SecretKind =
  | 'access-key-id'
  | 'secret-access-key'
  | 'session-token'
  | 'private-key'
  | 'slack-token'
  | 'github-token'
  | 'gitlab-token'
  | 'jwt'
  | 'url-password'
  | 'password';

interface SecretPattern {
  kind: SecretKind;
  pattern: RegExp;
  /** The named group holding the secret itself (none: the whole match). */
  group?: 'secret';
  /** A cheap test that any match needs: most questions fail it and skip the costly pattern. */
  prefilter?: RegExp;
  /** A match that is an ordinary word after all ("my password is wrong"). */
  ordinary?: (groups: Record<string, string | undefined>, match: string) => boolean;
}

/** Base64 characters, as in AWS secret keys and session tokens. */
const B64 = 'A-Za-z0-9/+';

// Where a secret may start and end: not inside a run of letters and digits. Not `\b`, for which "_" is a
// letter: Slack's italics (`_AKIA…_`) and names like `db_password=` would hide what they wrap.
const PATTERNS: readonly SecretPattern[] = [
  // A private key block, from its BEGIN line to its END line, or to the end of the text when cut short.
  // The lazy run stops at the first END, and the next search starts after it: each character is read once.
  {
    kind: 'private-key',
    pattern:
      /-----BEGIN[A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END[A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----|$)/g,
    prefilter: /PRIVATE KEY/,
  },
  // xoxb- (bot), xoxp- (user), xoxa-, xoxr- (refresh), xoxs-, xoxe- tokens, app-level tokens, webhooks.
  {
    kind: 'slack-token',
    pattern:
      /(?<![A-Za-z0-9])xox[abeprs](?:\.xox[bp])?-[A-Za-z0-9-]{8,}|(?<![A-Za-z0-9])xapp-\d-[A-Za-z0-9-]{8,}|hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9/_-]{8,}/gi,
    prefilter: /xox|xapp-|hooks\.slack/i,
  },
  {
    kind: 'github-token',
    pattern: /(?<![A-Za-z0-9])(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{20,})/g,
    prefilter: /gh[pousr]_|github_pat_/,
  },
  {
    kind: 'gitlab-token',
    pattern: /(?<![A-Za-z0-9])gl(?:pat|dt|rt|ptt|cbt|soat|oas|ft|imt|agent)-[A-Za-z0-9_-]{20,}/g,
    prefilter: /gl[a-z]{1,4}-/,
  },
  // header.payload.signature, each part base64url; header and payload are JSON objects, so start "eyJ".
  {
    kind: 'jwt',
    pattern: /(?<![A-Za-z0-9])eyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g,
    prefilter: /eyJ/,
  },
  // scheme://user:password@host: only the password goes, up to the last "@" before the host (a password
  // may hold one), and with no user name too ("https://:password@host"). The scheme and both parts are
  // bounded, so a long run of letters and dots is not rescanned from every position.
  {
    kind: 'url-password',
    pattern: /\b[a-z][a-z0-9+.-]{0,15}:\/\/[^\s:@/<>|]{0,256}:(?<secret>[^\s/<>|]{1,256})@/gi,
    group: 'secret',
    prefilter: /:\/\//,
  },
  // AWS session tokens (before the shorter key shapes, which could otherwise cut one into pieces): long base64 that starts the way STS tokens do, or any base64 run of 100+ characters
  // (no question has one; keys, tokens and certificates do).
  {
    kind: 'session-token',
    pattern: new RegExp(
      `(?<![${B64}=])(?:(?<sts>FwoGZXIvYXdz|IQoJb3JpZ2lu|AQoDYXdz)[${B64}]{20,}|[${B64}]{100,})=*`,
      'g',
    ),
    prefilter: new RegExp(`FwoGZXIvYXdz|IQoJb3JpZ2lu|AQoDYXdz|[${B64}]{100}`),
    // A long word, or a run of one letter, is not a token: random base64 mixes digits and both cases.
    ordinary: (groups, match) =>
      groups.sts === undefined && !(/\d/.test(match) && /[a-z]/.test(match) && /[A-Z]/.test(match)),
  },
  // Named in a config line or a CLI export: aws_session_token = ..., AWS_SECRET_ACCESS_KEY=...
  {
    kind: 'session-token',
    pattern: /(?<![A-Za-z0-9])aws_session_token\b["']?\s*[=:]\s*["']?(?<secret>[^\s"']{8,})/gi,
    group: 'secret',
  },
  {
    kind: 'secret-access-key',
    pattern: /(?<![A-Za-z0-9])aws_secret_access_key\b["']?\s*[=:]\s*["']?(?<secret>[^\s"']{8,})/gi,
    group: 'secret',
  },
  {
    kind: 'access-key-id',
    pattern: /(?<![A-Za-z0-9])(?:AKIA|ASIA|AIDA|AROA|AGPA|ANPA|ANVA|APKA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Za-z0-9])/g,
  },
  // 40 characters of base64 with at least one digit, one lower and one upper case letter.
  {
    kind: 'secret-access-key',
    pattern: new RegExp(
      `(?<![${B64}=])(?=[${B64}]{0,39}\\d)(?=[${B64}]{0,39}[a-z])(?=[${B64}]{0,39}[A-Z])[${B64}]{40}(?![${B64}=])`,
      'g',
    ),
    prefilter: new RegExp(`[${B64}]{40}`),
  },
  // A passphrase is words: "passphrase: correct horse battery staple" loses the rest of its line.
  {
    kind: 'password',
    pattern:
      /(?<![A-Za-z0-9])(?<open>\*{1,2}|_{1,2}|~|"|'|)(?<word>passphrase)(?![A-Za-z0-9])\k<open>(?<separator>\s*(?:(?:is|was)(?:\s*[=:-])?|=|:|-)\s*|\s+)(?<secret>[^\s`"'“”][^\n]{2,199})/gi,
    prefilter: /passphrase/i,
    ordinary: (groups) => isOrdinaryPassword({ ...groups, secret: groups.secret?.split(/\s/)[0] }),
  },
  // "my password is hunter2", "pw: hunter2", "password=hunter2", "passwd - hunter2", "root pass Hunt3r!",
  // and the word in markup or quotes: "*Password*: hunter2" (Slack bold), '"password": "hunter2"' (JSON).
  {
    kind: 'password',
    pattern:
      /(?<![A-Za-z0-9])(?<open>\*{1,2}|_{1,2}|~|"|'|)(?<word>passphrase|password|passwd|passcode|pass|pwd|pw|passwort|kennwort|mot de passe|contraseña|contrasena|senha|пароль|パスワード|密码|密碼|口令|비밀번호|암호)(?![A-Za-z0-9])\k<open>(?<separator>\s*(?:(?:is|was)(?:\s*[=:：-])?|=|:|：|-)\s*|\s+)(?:"(?<dq>[^"\n]{1,200})"|'(?<sq>[^'\n]{1,200})'|“(?<cq>[^”\n]{1,200})”|`(?<bq>[^`\n]{1,200})`|(?<secret>[^\s`"'“”]{3,}))/gi,
    // The words for "password" the lexicon reads in other languages too: a question matched as a password
    // question in Japanese or Russian must not have its password quoted back.
    prefilter: /p(?:ass|w|wd)|kennwort|mot de passe|contrase|senha|пароль|パスワード|密[码碼]|口令|비밀번호|암호/i,
    ordinary: isOrdinaryPassword,
  },
];

/** What a found password is replaced with; one of the few things a reply says about it. */
export const REDACTED = '[redacted]';

export interface RedactionResult {
  text: string;
  found: SecretKind[];
}

export function redactSecrets(text: string): RedactionResult {
  const found = new Set<SecretKind>();
  let result = text;
  for (const spec of PATTERNS) {
    if (spec.prefilter && !spec.prefilter.test(result)) continue;
    result = result.replace(spec.pattern, (match: string, ...rest: unknown[]) => {
      const groups = (rest.at(-1) ?? {}) as Record<string, string | undefined>;
      if (spec.ordinary?.(groups, match)) return match;
      found.add(spec.kind);
      if (spec.kind === 'password') return redactPassword(match, groups);
      if (!spec.group) return REDACTED;
      const secret = groups[spec.group] ?? '';
      // The secret is the match's tail (url-password: followed by "@"), so cut it out by position.
      const at = match.lastIndexOf(secret);
      return `${match.slice(0, at)}${REDACTED}${match.slice(at + secret.length)}`;
    });
  }
  return { text: result, found: [...found] };
}

/** Keeps "password is" and the quotes; the value, or the rest of a passphrase's line, goes. */
function redactPassword(match: string, groups: Record<string, string | undefined>): string {
  const open = groups.open ?? '';
  const head = `${open}${groups.word ?? ''}${open}${groups.separator ?? ''}`;
  if (groups.secret === undefined) {
    const quote = match.charAt(head.length);
    const closing = quote === '“' ? '”' : quote;
    return `${head}${quote}${REDACTED}${closing}`;
  }
  return `${head}${REDACTED}`;
}

/**
 * "my password is wrong" is a complaint, not a secret: after "is"/"was"/"-" a plain word does not count,
 * only something password-like (a digit, a symbol or mixed case). After "=" or ":" anything counts.
 * With only a space between ("root pass Hunt3r!", "password hunter2") the value must hold a digit and a
 * letter or a symbol: "pass MFA", "password reset" and "pass 2FA" are ordinary questions.
 */
function isOrdinaryPassword(groups: Record<string, string | undefined>): boolean {
  // "is:" and "was =" are ":" and "=": what follows is given as the value.
  const separator = (groups.separator ?? '')
    .trim()
    .toLowerCase()
    .replace('：', ':')
    .replace(/^(?:is|was)\s*([=:])$/, '$1');
  // "I forgot my password :sob:": the colon opens an emoji code, not a value.
  if (separator === ':' && /^[a-z0-9_+'-]+:/i.test(groups.secret ?? '')) return true;
  if (separator === '=' || separator === ':') return false;
  const quoted = groups.dq ?? groups.sq ?? groups.cq ?? groups.bq;
  const value = (quoted ?? groups.secret ?? '').replace(/[.?!,;)]+$/, '');
  // "password <urgent>", "password @here", "password (the new one)": markup and asides, not values.
  if (separator === '') return MARKUP_OR_ASIDE.test(value) || !looksLikeBareSecret(value);
  if (quoted !== undefined) return false;
  return (
    /^[a-z]+$/.test(value) ||
    /^[A-Z][a-z]+$/.test(value) ||
    /^[A-Z]{2,5}s?$/.test(value) ||
    value.length < 3 ||
    wordsJoined(value)
  );
}

/** "forgotten/lost", "wrong/expired", "not-working": plain English words joined by "/" or "-", a complaint. */
function wordsJoined(value: string): boolean {
  const parts = value.split(/[/-]/);
  if (parts.length < 2 || !parts.every((part) => /^[A-Za-z]+$/.test(part))) return false;
  const english = loadEnglishWords();
  return parts.every((part) => english.has(part.toLowerCase()));
}

/** "<urgent>", "(optional)", "[redacted]", ":sob:", "@channel", "#aws-help": not values (with a digit, they could be). */
const MARKUP_OR_ASIDE = /^(?:[<([]|:[\w+'-]+:?$|[@#][a-z-]+$)/i;

/** A value written after "password" with no "is" or ":": a mix of letters and digits, or a symbol. */
function looksLikeBareSecret(value: string): boolean {
  if (value.length < 6) return false;
  const hasDigit = /\d/.test(value);
  const hasLetter = /\p{L}/u.test(value);
  const hasSymbol = /[^\p{L}\p{N}'-]/u.test(value);
  const mixedCase = /[a-z]/.test(value) && /[A-Z]/.test(value.slice(1));
  return (hasDigit && hasLetter) || (hasSymbol && (hasDigit || hasLetter)) || (mixedCase && hasDigit);
}
