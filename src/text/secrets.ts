// Finds secrets people paste by accident (AWS keys, passwords) so they are never echoed, stored or
// logged, and so the person can be told to rotate them. Patterns are narrow to avoid false alarms.
export type SecretKind = 'access-key-id' | 'secret-access-key' | 'password';

interface SecretPattern {
  kind: SecretKind;
  pattern: RegExp;
  /** The capture group holding the secret itself (0: the whole match). */
  group: number;
  /** A cheap test that any match needs: most questions fail it and skip the costly pattern. */
  prefilter?: RegExp;
}

const PATTERNS: readonly SecretPattern[] = [
  { kind: 'access-key-id', pattern: /\b(?:AKIA|ASIA|AIDA|AROA)[A-Z0-9]{16}\b/g, group: 0 },
  // 40 characters of base64 with at least one digit, one lower and one upper case letter.
  {
    kind: 'secret-access-key',
    pattern:
      /(?<![A-Za-z0-9/+=])(?=[A-Za-z0-9/+]{0,39}\d)(?=[A-Za-z0-9/+]{0,39}[a-z])(?=[A-Za-z0-9/+]{0,39}[A-Z])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g,
    group: 0,
    prefilter: /[A-Za-z0-9/+]{40}/,
  },
  // "my password is hunter2", "pw: hunter2", "password=hunter2", "passwd - hunter2"
  {
    kind: 'password',
    pattern: /\b(?:password|passwd|passcode|pwd|pw)\s*(is|was|=|:|-)\s*[`"'“]?([^\s`"'”]{3,})/gi,
    group: 2,
  },
];

export const REDACTED = '[redacted]';

export interface RedactionResult {
  text: string;
  found: SecretKind[];
}

export function redactSecrets(text: string): RedactionResult {
  const found = new Set<SecretKind>();
  let result = text;
  for (const { kind, pattern, group, prefilter } of PATTERNS) {
    if (prefilter && !prefilter.test(result)) continue;
    result = result.replace(pattern, (match: string, ...groups: unknown[]) => {
      const secret = group === 0 ? match : groups[group - 1];
      if (typeof secret !== 'string' || isOrdinaryWord(kind, secret, groups)) return match;
      found.add(kind);
      return match.replace(secret, REDACTED);
    });
  }
  return { text: result, found: [...found] };
}

/**
 * "my password is wrong" is a complaint, not a secret: after "is"/"was" a plain word does not count,
 * only something password-like (a digit, a symbol or mixed case). After "=" or ":" anything counts.
 */
function isOrdinaryWord(kind: SecretKind, secret: string, groups: unknown[]): boolean {
  if (kind !== 'password') return false;
  const separator = String(groups[0] ?? '').toLowerCase();
  if (separator === '=' || separator === ':') return false;
  return /^[a-z]+[.?!,]*$/.test(secret) || /^[A-Z][a-z]+[.?!,]*$/.test(secret);
}
