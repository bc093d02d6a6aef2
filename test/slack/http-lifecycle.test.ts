// The health route a load balancer polls: 200 while serving, 503 once the app is stopping.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createHealthRoute, HEALTH_PATH } from '../../src/slack/http-lifecycle';

function call(route: ReturnType<typeof createHealthRoute>) {
  const sent: { status?: number; body?: string } = {};
  const res = {
    writeHead: (status: number) => {
      sent.status = status;
      return res;
    },
    end: (body: string) => {
      sent.body = body;
    },
  };
  route.handler({} as IncomingMessage, res as unknown as ServerResponse);
  return { status: sent.status, body: JSON.parse(sent.body ?? 'null') };
}

describe('health route', () => {
  it('answers 200 while serving and 503 once stopping', () => {
    let stopping = false;
    const route = createHealthRoute(() => stopping);
    expect(route.path).toBe(HEALTH_PATH);
    expect(call(route)).toEqual({ status: 200, body: { status: 'ok' } });
    stopping = true;
    expect(call(route)).toEqual({ status: 503, body: { status: 'stopping' } });
  });
});
