// Plain fakes for listener tests: a logger that keeps what it was told, a respond() and a Web API
// client that record what they were asked to send.
import type { Logger } from '@slack/bolt';
import { LogLevel } from '@slack/bolt';

export interface RecordingLogger extends Logger {
  lines: string[];
}

export function recordingLogger(): RecordingLogger {
  const lines: string[] = [];
  const log =
    (level: string) =>
    (...messages: unknown[]) => {
      lines.push(`${level} ${messages.map(String).join(' ')}`);
    };
  return {
    lines,
    debug: log('debug'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    setLevel: () => undefined,
    getLevel: () => LogLevel.DEBUG,
    setName: () => undefined,
  };
}

export type Sent = Record<string, unknown> & { text?: string; blocks?: unknown[] };

export function recordingRespond() {
  const sent: Sent[] = [];
  const respond = async (message: string | Sent) => {
    sent.push(typeof message === 'string' ? { text: message } : message);
  };
  return { sent, respond };
}

export function recordingClient(options: { failWith?: Error; failOn?: Record<string, Error> } = {}) {
  const calls: Array<{ method: string; args: Sent }> = [];
  const method = (name: string) => async (args: Sent) => {
    calls.push({ method: name, args });
    const failure = options.failOn?.[name] ?? options.failWith;
    if (failure) throw failure;
    return { ok: true, ts: '1700000000.000200' };
  };
  const client = {
    chat: {
      postMessage: method('chat.postMessage'),
      postEphemeral: method('chat.postEphemeral'),
      update: method('chat.update'),
    },
    views: { publish: method('views.publish'), open: method('views.open') },
  };
  return { calls, client };
}
