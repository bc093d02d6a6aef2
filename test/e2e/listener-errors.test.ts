// No exception from a listener escapes: the person gets an apology where possible, app.error (or the
// listener) logs the error once, without the secrets the question carried, and the app keeps serving.
import type { AnswerPath } from '../../src/answer/create-answer-path';
import { SORRY_TEXT } from '../../src/listeners/sorry';
import { headerOf } from '../helpers/cards';
import { realAnswerPath } from '../helpers/corpus';
import { eventBody, JSON_TYPE, mentionEvent, send, slackSender, slashCommandBody } from '../helpers/slack-requests';
import { type RunningApp, startTestApp, watchUnhandled } from '../helpers/test-app';

const SECRET = 'AKIAIOSFODNN7EXAMPLE';
const PASSWORD = 'Sup3rS3cret!';

/** An answer path whose answerer fails on questions about bread, quoting the question in its error. */
function breakingAnswerPath(): AnswerPath {
  const real = realAnswerPath();
  return {
    ...real,
    answerer: {
      ...real.answerer,
      answer(rawText, options) {
        if (rawText.includes('bread')) throw new Error(`could not answer "${rawText}"`);
        return real.answerer.answer(rawText, options);
      },
    },
  };
}

let running: RunningApp;
let sender: ReturnType<typeof slackSender>;
const unhandled = watchUnhandled();
beforeAll(async () => {
  running = await startTestApp({}, { answerPath: breakingAnswerPath() });
  sender = slackSender(running.eventsUrl);
  // Listeners that throw past every safety net, to prove app.error is the last one.
  running.app.command('/boom', async ({ ack, command }) => {
    await ack();
    throw new Error(`boom on "${command.text}"`);
  });
  running.app.event('reaction_added', async () => {
    throw `a thrown string with my password is ${PASSWORD}`;
  });
});
afterAll(async () => {
  await running.stop();
  unhandled.stop();
  expect(unhandled.escaped).toEqual([]);
});

const logged = () => running.logs.join('\n');

it('apologises when answering throws, and logs the error without the secret', async () => {
  const { slack } = running;
  await sender.command(`bread? ${SECRET} and my password is ${PASSWORD}`, slack.responseUrl('broken'));
  const reply = await slack.waitFor(() => slack.responses.find((r) => r.id === 'broken'));
  expect(reply.body.text).toBe(SORRY_TEXT);
  await slack.waitFor(() => running.logs.find((line) => line.includes('could not answer')));
  expect(logged()).toMatch(/error command \/aws-signin failed: Error: could not answer "bread\? \[redacted\]/);
  expect(logged()).not.toContain(SECRET);
  expect(logged()).not.toContain(PASSWORD);
});

it('apologises in the thread when answering a mention throws', async () => {
  const { slack } = running;
  const event = mentionEvent(`bread ${SECRET}`);
  await sender.event(event);
  const apology = await slack.waitFor(() =>
    slack.callsTo('chat.postEphemeral').find((c) => c.args.thread_ts === event.ts),
  );
  expect(apology.args.text).toBe(SORRY_TEXT);
  expect(logged()).not.toContain(SECRET);
});

it('app.error logs a listener exception that escaped, without the secret, and the app keeps serving', async () => {
  const body = slashCommandBody({ text: `please ${SECRET}`, responseUrl: running.slack.responseUrl('boom') }).replace(
    'command=%2Faws-signin',
    'command=%2Fboom',
  );
  const res = await send(running.eventsUrl, body, 'application/x-www-form-urlencoded');
  expect(res.status).toBe(200);
  await running.slack.waitFor(() => running.logs.find((line) => line.includes('boom on')));
  expect(running.logs.filter((line) => line.includes('boom on'))).toEqual([
    expect.stringMatching(
      /^error request failed: Error: boom on "please \[redacted\]"\n\s+at .*listener-errors\.test\.ts/,
    ),
  ]);
  expect(logged()).not.toContain(SECRET);
});

it('app.error logs a thrown non-Error too', async () => {
  const event = {
    type: 'reaction_added',
    user: 'U0PERSON01',
    reaction: 'thumbsup',
    item: { type: 'message', channel: 'C0CHANNEL1', ts: '1.1' },
    event_ts: '1.2',
  };
  const res = await send(running.eventsUrl, eventBody(event), JSON_TYPE);
  expect(res.status).toBe(200);
  await running.slack.waitFor(() => running.logs.find((line) => line.includes('a thrown string')));
  expect(running.logs.filter((line) => line.includes('a thrown string'))).toEqual([
    'error request failed: a thrown string with my password is [redacted]',
  ]);
  expect(logged()).not.toContain(PASSWORD);
});

it('still answers ordinary questions after all of that', async () => {
  const { slack } = running;
  await sender.command('I lost my MFA device', slack.responseUrl('after-errors'));
  const reply = await slack.waitFor(() => slack.responses.find((r) => r.id === 'after-errors'));
  expect(headerOf(reply.body)).toMatch(/MFA/);
});
