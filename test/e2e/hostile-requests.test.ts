// Requests a hostile or unlucky sender can make, against the real app over HTTP: correctly signed bodies
// of the wrong shape, bodies far larger than Slack sends (signed or not), timestamps from the future, and
// the same signed request sent again. None of them may stop the process, and people are still answered.
import { request } from 'node:http';
import { BLOCK, VIEW } from '../../src/cards/ids';
import { NOTE_TOO_LONG_TEXT } from '../../src/listeners/views/feedback-submission';
import {
  actionBody,
  FORM,
  JSON_TYPE,
  SIGNING_SECRET,
  send,
  signatureHeaders,
  slashCommandBody,
  viewSubmissionPayload,
} from '../helpers/slack-requests';
import { type RunningApp, type SlackSender, useTestApp } from '../helpers/test-app';

let running: RunningApp;
let sender: SlackSender;
useTestApp((started) => {
  ({ running, sender } = started);
});

/** A request that gets no answer fails the test after 5 s instead of hanging it. */
const timely = () => ({ signal: AbortSignal.timeout(5000) });

async function sendSigned(body: string, contentType: string, headers = signatureHeaders(body)) {
  const response = await fetch(running.eventsUrl, {
    method: 'POST',
    headers: { 'content-type': contentType, ...headers },
    body,
    ...timely(),
  });
  return { status: response.status, body: await response.text() };
}

/** Still answering: a signed slash command gets its card. */
async function expectStillAnswering(id: string) {
  const { slack } = running;
  const res = await sender.command('I lost my MFA device', slack.responseUrl(id));
  expect(res.status).toBe(200);
  await slack.waitFor(() => slack.responses.find((r) => r.id === id));
}

describe('signed bodies of the wrong shape', () => {
  const shapes: Array<[string, string, string]> = [
    ['JSON null', 'null', JSON_TYPE],
    ['payload=null', 'payload=null', FORM],
    ['JSON array', '[1,2]', JSON_TYPE],
    ['JSON number', '42', JSON_TYPE],
    ['JSON string', '"ssl_check"', JSON_TYPE],
    ['payload=a number', 'payload=7', FORM],
    ['not JSON at all', '{"type":', JSON_TYPE],
    ['a click without a user', actionBody({ type: 'block_actions', actions: [{ action_id: 'still_stuck' }] }), FORM],
    ['a click without actions', actionBody({ type: 'block_actions', user: { id: 'U0PERSON01' }, actions: [] }), FORM],
    ['an event that is null', JSON.stringify({ type: 'event_callback', event: null }), JSON_TYPE],
    ['a form submission without a view', actionBody({ type: 'view_submission', user: { id: 'U0PERSON01' } }), FORM],
    ['a type that is not a string', JSON.stringify({ type: { toString: 1 } }), JSON_TYPE],
    ['a slash command without a user', 'command=%2Faws-signin&text=hi', FORM],
  ];

  it.each(shapes)('%s: refused with 400, and the app keeps answering', async (name, body, contentType) => {
    const res = await sendSigned(body, contentType);
    expect(res.status).toBe(400);
    await expectStillAnswering(`after-${name.replace(/\W+/g, '-')}`);
  });
});

describe('bodies larger than Slack sends', () => {
  /** Posts `size` bytes with the given headers, over a plain connection (chunked when no length). */
  function postBytes(size: number, headers: Record<string, string>, chunked = false): Promise<number> {
    return new Promise((resolve, reject) => {
      const url = new URL(running.eventsUrl);
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          headers: { 'content-type': JSON_TYPE, ...(chunked ? {} : { 'content-length': String(size) }), ...headers },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      // The app may answer and close before the whole body is sent: the answer is what counts.
      req.on('error', (error) => reject(error));
      const chunk = Buffer.alloc(64 * 1024, 'a');
      let sent = 0;
      const pump = () => {
        while (sent < size) {
          sent += chunk.length;
          if (!req.write(chunk)) {
            req.once('drain', pump);
            return;
          }
        }
        req.end();
      };
      pump();
    });
  }
  const freshHeaders = () => signatureHeaders('not the body');

  it('an unsigned 4 MB body is refused with 401 before it is read', async () => {
    expect(await postBytes(4 * 1024 * 1024, {})).toBe(401);
    await expectStillAnswering('after-unsigned-4mb');
  });

  it('a 2 MB body with signature headers is refused with 413 (too large), not read and then checked', async () => {
    expect(await postBytes(2 * 1024 * 1024, freshHeaders())).toBe(413);
    await expectStillAnswering('after-signed-2mb');
  });

  it('a body sent without a length is cut off with 413 once past the limit', async () => {
    expect(await postBytes(3 * 1024 * 1024, freshHeaders(), true)).toBe(413);
    await expectStillAnswering('after-chunked');
  });
});

describe('timestamps and replays', () => {
  it('a request signed with a timestamp six minutes in the future gets 401', async () => {
    const { slack } = running;
    const body = slashCommandBody({ text: 'I lost my MFA device', responseUrl: slack.responseUrl('future') });
    const future = Math.floor(Date.now() / 1000) + 6 * 60;
    const res = await send(running.eventsUrl, body, FORM, { timestamp: future, secret: SIGNING_SECRET });
    expect(res.status).toBe(401);
    await slack.settle();
    expect(slack.responseAttempts.filter((r) => r.id === 'future')).toEqual([]);
  });

  it('a timestamp a few seconds ahead (clock drift) is still fine', async () => {
    const { slack } = running;
    const body = slashCommandBody({ text: 'I lost my MFA device', responseUrl: slack.responseUrl('drift') });
    const res = await send(running.eventsUrl, body, FORM, { timestamp: Math.floor(Date.now() / 1000) + 20 });
    expect(res.status).toBe(200);
    await slack.waitFor(() => slack.responses.find((r) => r.id === 'drift'));
  });

  it('the same signed request sent three times is answered once', async () => {
    const { slack } = running;
    const body = slashCommandBody({ text: 'I lost my MFA device', responseUrl: slack.responseUrl('replayed') });
    const headers = signatureHeaders(body);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await sendSigned(body, FORM, headers)).status);
    expect(statuses).toEqual([200, 200, 200]);
    await slack.waitFor(() => slack.responses.find((r) => r.id === 'replayed'));
    await slack.settle(100);
    expect(slack.responseAttempts.filter((r) => r.id === 'replayed')).toHaveLength(1);
  });
});

describe('lengths at the edges', () => {
  it('a forged 500 KB feedback note is refused politely and nothing is stored', async () => {
    const { store } = running;
    const questionId = store.questions.record({
      userId: 'U0PERSON01',
      surface: 'command',
      question: 'lost mfa',
      kind: 'answer',
      topicId: 'mfa-device-lost',
      confidence: 0.9,
    });
    const payload = viewSubmissionPayload({
      callbackId: VIEW.feedback,
      privateMetadata: `mfa-device-lost#${questionId}`,
      blockId: BLOCK.feedbackMissing,
      actionId: VIEW.feedbackMissingInput,
      value: 'x'.repeat(500 * 1024),
    });
    const res = await sendSigned(actionBody(payload), FORM);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({
      response_action: 'errors',
      errors: { [BLOCK.feedbackMissing]: NOTE_TOO_LONG_TEXT },
    });
    expect(await store.feedback.get({ questionId, userId: 'U0PERSON01', topicId: 'mfa-device-lost' })).toBeUndefined();
  });
});
