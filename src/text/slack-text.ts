// Slack message text in, plain question out; and plain text back into Slack safely.
// Pure string functions: nothing here knows about Bolt.

// Runs of whitespace, or one whitespace character other than a space: what \s+ -> ' ' changes, without
// matching (and so copying the text) when every gap is already a single space.
const ODD_SPACE = /\s{2,}|[^\S ]/g;

/** Every run of whitespace becomes one space. */
export const collapseSpaces = (text: string): string => text.replace(ODD_SPACE, ' ');

/** Undoes Slack's escaping of what a person typed: `&lt;` `&gt;` `&amp;` (one pass, so `&amp;lt;` stays `&lt;`). */
export function unescapeSlack(raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(/&(lt|gt|amp);/g, (_entity, name: string) => (name === 'lt' ? '<' : name === 'gt' ? '>' : '&'));
}

// Every markup pattern below needs one of these characters ("http" needs ":"); most questions have none.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are among them
const MARKUP_CHARACTER = /[<>:@`\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Whether stripMarkup has anything to strip (beyond evening out spaces). */
export const hasMarkup = (text: string): boolean => MARKUP_CHARACTER.test(text);

/**
 * Strips markup from unescaped text (see unescapeSlack). Linear in the length of the text: no pattern's
 * repeated part can run over the character that starts another attempt (a `<` ends every `<...>` run), so
 * 100,000 characters of `<!<!<!` are read a few times, not once per `<`.
 */
export function stripMarkup(text: string): string {
  if (!hasMarkup(text)) return collapseSpaces(text).trim();
  return (
    text
      // "cc @alice" at the start (after a mention of the app, a group or @here too) or after a comma addresses a message to
      // people, it does not say what it is about ("cc" is also a credit card: "change my cc <@finance>" keeps it)
      .replace(/(^|[,.;:!?\n]\s*|<[@!][^<>]*>\s*)(?:cc|fyi)\s*:?\s*(?=<@[UW])/gi, '$1 ')
      // user, channel, group and special mentions: <@U123>, <#C123|name>, <!subteam^S1|@team>, <!here>
      .replace(/<[@#!][^<>]*>/g, ' ')
      // links: <https://x.example|label> keeps the label, <https://x.example> keeps the address
      .replace(/<([^<>|]+)\|([^<>]*)>/g, ' $2 ')
      .replace(/<([^<>]+)>/g, ' $1 ')
      // a bare address counts by its host ("d-123.awsapps.com", "signin.aws.amazon.com"), not its path
      .replace(/\bhttps?:\/\/([^\s/?#<>|]+)[^\s<>|]*/gi, ' $1 ')
      .replace(/(^|\s)@(channel|here|everyone)\b/gi, ' ')
      // emoji codes like :sob: or :+1::skin-tone-2: (no code is longer than 100 characters)
      .replace(/:[a-z0-9_+'-]{1,100}:/gi, ' ')
      // code fences and inline code marks (the words inside still count)
      .replace(/```|`/g, ' ')
      // control characters other than whitespace
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ' ')
      .replace(ODD_SPACE, ' ')
      .trim()
  );
}

/**
 * Strips Slack markup so only the person's words are left for the matcher. Markup a person typed
 * literally arrives escaped (`&lt;!channel&gt;`); it is unescaped first and stripped the same way.
 */
export function toPlainQuestion(raw: string): string {
  return stripMarkup(unescapeSlack(raw));
}

/**
 * Escapes text for Slack mrkdwn so nothing a person typed becomes a link, mention or broadcast:
 * `&`, `<`, `>` per Slack's rules, and a zero-width joiner after `@` in words Slack might expand.
 */
export function escapeMrkdwn(text: string): string {
  // Most text has nothing to escape; it is built into every card, so skip the four passes then.
  if (!/[&<>@]/.test(text)) return text;
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@(channel|here|everyone)\b/gi, '@\u2060$1');
}

/**
 * The first `length` UTF-16 units of text, one fewer when the cut would split an emoji or other
 * character outside the Basic Multilingual Plane in half: a lone surrogate is garbled text to Slack.
 */
export function sliceWhole(text: string, length: number): string {
  const end = Math.max(0, length);
  const last = text.charCodeAt(end - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? end - 1 : end);
}

/** Cuts text to at most `max` characters, ending with an ellipsis when it had to cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${sliceWhole(text, max - 1).trimEnd()}…`;
}

/**
 * Mrkdwn cut to `max` characters without leaving half of it behind: not inside an escaped entity
 * (`&am…`), nor inside a link or mention (`<https://…` with no `>`), which Slack would show broken.
 */
export function truncateMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = truncate(text, max).replace(/&[a-z]{0,4}…$/, '…');
  const open = cut.lastIndexOf('<');
  if (open > cut.lastIndexOf('>')) cut = `${cut.slice(0, open).trimEnd()}…`;
  return cut;
}

/** Escaped, cut to `max` characters after escaping (escaping lengthens text), and never cut mid-entity. */
export function quoteForSlack(text: string, max: number): string {
  return truncateMrkdwn(escapeMrkdwn(text), max);
}
