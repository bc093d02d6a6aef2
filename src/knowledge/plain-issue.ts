// A schema problem in plain words for the IT administrator who edits `knowledge/`: "is missing",
// "must be one of: self, administrator", not the schema library's own wording.
import type { z } from 'zod';

/** Messages written in the schemas themselves ("must not be empty") are already plain. */
const OWN_MESSAGE = /^(must|needs|has|with) /;

export function plainIssue(issue: z.core.$ZodIssue): string {
  if (OWN_MESSAGE.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? 'is missing'
        : `must be ${article(issue.expected)}, not ${kindOf(issue.input)}`;
    case 'too_small':
      return issue.origin === 'array'
        ? `must have at least ${count(issue.minimum, 'item')}`
        : `must be at least ${count(issue.minimum, 'character')} long`;
    case 'too_big':
      return issue.origin === 'array'
        ? `must have at most ${count(issue.maximum, 'item')}`
        : `must be at most ${count(issue.maximum, 'character')} long`;
    case 'invalid_value':
      return `must be one of: ${issue.values.map(String).join(', ')}`;
    case 'unrecognized_keys':
      return `has a field this file can't have: ${issue.keys.join(', ')} (check the spelling)`;
    case 'invalid_format':
      if (issue.format === 'url') return 'must be a full https:// address';
      if (issue.format === 'date') return 'must be a date written YYYY-MM-DD';
      return `must be written as a ${issue.format}`;
    case 'invalid_union':
      return 'must be either plain text, or text with its source (text: and source:, or ours: true)';
    default:
      return 'is not valid here';
  }
}

function article(expected: string): string {
  if (expected === 'array') return 'a list';
  if (expected === 'object') return 'a group of fields';
  if (expected === 'string') return 'text';
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function kindOf(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  // YAML reads an unquoted 2026-01-05 as a date.
  if (value instanceof Date) return 'a date (put it in quotes to keep it as text)';
  if (typeof value === 'object') return 'a group of fields';
  if (typeof value === 'string') return 'text';
  return `a ${typeof value}`;
}

const count = (n: unknown, noun: string): string => `${String(n)} ${noun}${n === 1 ? '' : 's'}`;
