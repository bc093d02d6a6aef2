// Sends requests to the app exactly as Slack does: v0 HMAC-SHA256 signatures over `v0:timestamp:body`,
// slash commands and interactivity form-encoded (`payload=` for buttons), events as JSON.
import { createHmac } from 'node:crypto';

export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';

export interface SlackHttpResponse {
  status: number;
  body: string;
}

export function signatureHeaders(body: string, secret = SIGNING_SECRET, timestamp = Math.floor(Date.now() / 1000)) {
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return { 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature };
}

export interface SendOptions {
  secret?: string;
  timestamp?: number;
  /** Replace the signature headers entirely (e.g. `{}` for an unsigned request). */
  headers?: Record<string, string>;
  extraHeaders?: Record<string, string>;
}

export async function send(
  url: string,
  body: string,
  contentType: string,
  options: SendOptions = {},
): Promise<SlackHttpResponse> {
  const headers = options.headers ?? signatureHeaders(body, options.secret, options.timestamp);
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': contentType, ...headers, ...options.extraHeaders },
    body,
  });
  return { status: response.status, body: await response.text() };
}

export interface SlashCommandFields {
  text: string;
  responseUrl: string;
  userId?: string;
  channelId?: string;
}

export function slashCommandBody(fields: SlashCommandFields): string {
  return new URLSearchParams(slashCommandPayload(fields)).toString();
}

/** A slash command's fields, as Slack sends them (form fields over HTTP, a JSON payload over Socket Mode). */
export function slashCommandPayload(fields: SlashCommandFields): Record<string, string> {
  return {
    token: 'legacy-verification-token',
    team_id: 'T0TEAM001',
    team_domain: 'example',
    channel_id: fields.channelId ?? 'C0CHANNEL1',
    channel_name: 'aws-help',
    user_id: fields.userId ?? 'U0PERSON01',
    user_name: 'person',
    command: '/aws-signin',
    text: fields.text,
    api_app_id: 'A0APP00001',
    is_enterprise_install: 'false',
    response_url: fields.responseUrl,
    trigger_id: '123.456.abc',
  };
}

let eventCounter = 0;

export function eventBody(event: Record<string, unknown>, eventId?: string): string {
  return JSON.stringify(eventPayload(event, eventId));
}

/** An Events API event_callback around `event`, as Slack sends it (the body over HTTP, the payload over Socket Mode). */
export function eventPayload(
  event: Record<string, unknown>,
  eventId = `Ev${String(++eventCounter).padStart(8, '0')}`,
): Record<string, unknown> {
  return {
    token: 'legacy-verification-token',
    team_id: 'T0TEAM001',
    api_app_id: 'A0APP00001',
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: 'T0TEAM001', user_id: 'UBOTUSER1', is_bot: true, is_enterprise_install: false }],
  };
}

export function actionBody(payload: Record<string, unknown>): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** A block_actions payload for one button or select on a message card. */
export function blockActionPayload(fields: {
  actionId: string;
  blockId: string;
  value?: string;
  selectedValue?: string;
  responseUrl: string;
  ephemeral?: boolean;
  channelId?: string;
  messageTs?: string;
  threadTs?: string;
  userId?: string;
  /** The blocks of the message clicked, as Slack sends them back (a shared card's "Shared by" line). */
  messageBlocks?: unknown[];
}): Record<string, unknown> {
  const action = fields.selectedValue
    ? {
        type: 'static_select',
        action_id: fields.actionId,
        block_id: fields.blockId,
        selected_option: { value: fields.selectedValue, text: { type: 'plain_text', text: fields.selectedValue } },
        action_ts: '1.2',
      }
    : {
        type: 'button',
        action_id: fields.actionId,
        block_id: fields.blockId,
        value: fields.value,
        text: { type: 'plain_text', text: 'x' },
        action_ts: '1.2',
      };
  const channelId = fields.channelId ?? 'C0CHANNEL1';
  const messageTs = fields.messageTs ?? '1700000000.000100';
  return {
    type: 'block_actions',
    user: { id: fields.userId ?? 'U0PERSON01', username: 'person', team_id: 'T0TEAM001' },
    api_app_id: 'A0APP00001',
    token: 'legacy-verification-token',
    container: {
      type: 'message',
      message_ts: messageTs,
      channel_id: channelId,
      is_ephemeral: fields.ephemeral ?? false,
      ...(fields.threadTs ? { thread_ts: fields.threadTs } : {}),
    },
    trigger_id: '123.456.abc',
    team: { id: 'T0TEAM001', domain: 'example' },
    channel: { id: channelId, name: 'aws-help' },
    ...(fields.ephemeral
      ? {}
      : {
          message: {
            type: 'message',
            ts: messageTs,
            text: 'card',
            ...(fields.messageBlocks ? { blocks: fields.messageBlocks } : {}),
            ...(fields.threadTs ? { thread_ts: fields.threadTs } : {}),
          },
        }),
    response_url: fields.responseUrl,
    actions: [action],
  };
}

/** A view_submission payload for a modal, with one plain text input's value. */
export function viewSubmissionPayload(fields: {
  callbackId: string;
  privateMetadata: string;
  blockId: string;
  actionId: string;
  value: string | null;
  userId?: string;
}): Record<string, unknown> {
  return {
    type: 'view_submission',
    team: { id: 'T0TEAM001', domain: 'example' },
    user: { id: fields.userId ?? 'U0PERSON01', username: 'person', team_id: 'T0TEAM001' },
    api_app_id: 'A0APP00001',
    token: 'legacy-verification-token',
    trigger_id: '123.456.def',
    view: {
      id: 'V0VIEW002',
      team_id: 'T0TEAM001',
      type: 'modal',
      callback_id: fields.callbackId,
      private_metadata: fields.privateMetadata,
      blocks: [],
      state: {
        values: { [fields.blockId]: { [fields.actionId]: { type: 'plain_text_input', value: fields.value } } },
      },
      hash: '1700000000.abcdef',
      title: { type: 'plain_text', text: 'Modal' },
    },
    response_urls: [],
  };
}

export const FORM = 'application/x-www-form-urlencoded';
export const JSON_TYPE = 'application/json';

let tsCounter = 0;
/** A message timestamp no other test message has. */
export const nextTs = (): string => `1700${String(++tsCounter).padStart(6, '0')}.000100`;

export function mentionEvent(text: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  const ts = nextTs();
  return {
    type: 'app_mention',
    user: 'U0PERSON01',
    text: `<@UBOTUSER1> ${text}`,
    ts,
    channel: 'C0CHANNEL1',
    event_ts: ts,
    ...fields,
  };
}

export function directMessageEvent(text: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  const ts = nextTs();
  return {
    type: 'message',
    channel_type: 'im',
    user: 'U0PERSON01',
    text,
    ts,
    channel: 'D0DM000001',
    event_ts: ts,
    ...fields,
  };
}

export function urlVerificationBody(challenge: string): string {
  return JSON.stringify({ token: 'legacy-verification-token', challenge, type: 'url_verification' });
}

/** The headers Slack adds when it delivers an event again. */
export const retryHeaders = (retryNum: number, reason = 'http_timeout'): Record<string, string> => ({
  'x-slack-retry-num': String(retryNum),
  'x-slack-retry-reason': reason,
});

/** Signed requests to one app, the way Slack sends each kind. */
export function slackSender(eventsUrl: string) {
  return {
    command: (
      text: string,
      responseUrl: string,
      fields: { userId?: string; channelId?: string } = {},
      options?: SendOptions,
    ) => send(eventsUrl, slashCommandBody({ text, responseUrl, ...fields }), FORM, options),
    event: (event: Record<string, unknown>, eventId?: string, options?: SendOptions) =>
      send(eventsUrl, eventBody(event, eventId), JSON_TYPE, options),
    click: (fields: Parameters<typeof blockActionPayload>[0], options?: SendOptions) =>
      send(eventsUrl, actionBody(blockActionPayload(fields)), FORM, options),
  };
}
