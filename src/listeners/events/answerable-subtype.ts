// Which kinds of message a person writes to ask something. Slack marks a message with a screenshot
// or file as `file_share` (people locked out paste the error screen with their question), a thread
// reply also sent to the channel as `thread_broadcast`, and one written with `/me` as `me_message`;
// all are questions like a plain message. Every other subtype (edits, deletions, joins, bots'
// messages) is not someone asking.
const ANSWERABLE_SUBTYPES: ReadonlySet<string> = new Set(['file_share', 'thread_broadcast', 'me_message']);

export const isAnswerableSubtype = (subtype: string | undefined): boolean =>
  subtype === undefined || ANSWERABLE_SUBTYPES.has(subtype);
