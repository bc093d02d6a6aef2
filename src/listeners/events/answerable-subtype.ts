// Which kinds of message a person writes to ask something. Slack marks a message with a screenshot
// or file as `file_share` (people locked out paste the error screen with their question) and a thread
// reply also sent to the channel as `thread_broadcast`; both are questions like a plain message.
// Every other subtype (edits, deletions, joins, bots' messages) is not someone asking.
const ANSWERABLE_SUBTYPES: ReadonlySet<string> = new Set(['file_share', 'thread_broadcast']);

export const isAnswerableSubtype = (subtype: string | undefined): boolean =>
  subtype === undefined || ANSWERABLE_SUBTYPES.has(subtype);
