// Two replicas of the real app as two processes on one PostgreSQL database; one is killed with SIGKILL
// while questions arrive (no shutdown, no flush). The other answers everything sent to it after, and a
// Slack retry of an event the dead one answered is not answered again.
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { type FakeSlack, startFakeSlack } from '../helpers/fake-slack';
import {
  eventBody,
  FORM,
  JSON_TYPE,
  mentionEvent,
  retryHeaders,
  send,
  slashCommandBody,
} from '../helpers/slack-requests';
import { dropSchema, freshSchema, postgresAvailable, postgresTestUrl } from '../helpers/temp-store';

const describePostgres = postgresAvailable() ? describe : describe.skip;
jest.setTimeout(120_000);

interface Replica {
  child: ChildProcess;
  url: string;
}

async function startReplica(slack: FakeSlack, schema: string): Promise<Replica> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '..', 'helpers', 'replica-process.ts')], {
    env: {
      ...process.env,
      SLACK_API_URL: slack.apiUrl,
      REPLICA_DATABASE_URL: postgresTestUrl(),
      REPLICA_DATABASE_SCHEMA: schema,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = out.match(/port (\d+)/);
      if (found) resolve(Number(found[1]));
    });
    child.once('exit', (code) => reject(new Error(`replica exited (${code}) before listening`)));
  });
  return { child, url: `http://127.0.0.1:${port}/slack/events` };
}

describePostgres('a replica killed under load', () => {
  let slack: FakeSlack;
  let schema: string;
  const replicas: Replica[] = [];

  beforeAll(async () => {
    slack = await startFakeSlack();
    schema = freshSchema();
    // One after the other: the first creates the schema.
    replicas.push(await startReplica(slack, schema));
    replicas.push(await startReplica(slack, schema));
  });
  afterAll(async () => {
    for (const { child } of replicas) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await slack.close();
    await dropSchema(schema);
  });

  it('leaves the other answering every question, and the dead one’s answers are not repeated', async () => {
    const [doomed, survivor] = replicas as [Replica, Replica];
    const answeredByDoomed = mentionEvent('I lost my MFA device');
    await send(doomed.url, eventBody(answeredByDoomed, 'EvKILLED1'), JSON_TYPE);
    await slack.waitFor(() => slack.callsTo('chat.postMessage').find((c) => c.args.thread_ts === answeredByDoomed.ts));

    // Questions keep coming, spread over both; half way, one replica is killed outright.
    const ids: string[] = [];
    const sends: Array<Promise<unknown>> = [];
    for (let i = 0; i < 200; i++) {
      const id = `killed-${i}`;
      const target = i >= 100 || i % 2 === 1 ? survivor : doomed;
      if (i === 100) {
        doomed.child.kill('SIGKILL');
        await new Promise((resolve) => doomed.child.once('exit', resolve));
      }
      // A load balancer stops sending to a replica that died: after the kill, everything goes to the survivor.
      if (i < 100 || target === survivor) {
        ids.push(id);
        sends.push(
          send(
            target.url,
            slashCommandBody({ text: `forgot my root password ${i}`, responseUrl: slack.responseUrl(id) }),
            FORM,
          ),
        );
      }
    }
    await Promise.allSettled(sends);
    // The retry Slack sends of what the dead replica answered lands on the survivor.
    await send(survivor.url, eventBody(answeredByDoomed, 'EvKILLED1'), JSON_TYPE, { extraHeaders: retryHeaders(1) });
    const afterKill = ids.filter((id) => Number(id.split('-')[1]) >= 100);
    await slack.waitFor(() => afterKill.every((id) => slack.responses.some((r) => r.id === id)), 20_000);
    await slack.settle(300);
    const answeredAfterKill = afterKill.filter((id) => slack.responses.some((r) => r.id === id)).length;
    const answeredBeforeKill = ids.length - afterKill.length;
    const repliesToDeadOnesEvent = slack
      .callsTo('chat.postMessage')
      .filter((c) => c.args.thread_ts === answeredByDoomed.ts).length;
    process.stdout.write(
      `replica killed (SIGKILL) after ${answeredBeforeKill} questions: ${answeredAfterKill}/${afterKill.length} answered by the other after; the retry of the dead replica's answer answered ${repliesToDeadOnesEvent - 1} more time(s)\n`,
    );
    expect(answeredAfterKill).toBe(afterKill.length);
    expect(repliesToDeadOnesEvent).toBe(1);
  });
});
