// "Ask my administrator": posts the question to the escalation channel once per person and question, and
// the administrators' "I'm on it" / "Resolved" on that post. Every change rebuilds the post from the store
// and tells the person who asked, privately: a note under their card now, and a direct message later
// (ephemeral notes vanish, and a claim can come hours after the person left the channel).
import type { Logger } from '@slack/bolt';
import { noteCard } from '../../cards/blocks';
import { askerNotes, buildEscalationPost, statusPlain } from '../../cards/build-escalation-post';
import { decodeEscalationRef, decodeTopicRef } from '../../cards/ids';
import { outcomeUnknown, withoutRetries } from '../../slack/post-once';
import { slackErrorCode } from '../../slack/slack-errors';
import type { EscalationRecord } from '../../store/types';
import { shortRateLimitWait } from '../deliver';
import { type ListenerDeps, topicTitle } from '../deps';
import { logListenerError, withApology } from '../sorry';
import { type ActionArgs, type ActionReplyArgs, actionValue, isPrivateCard, replyPrivately } from './reply-to-action';
import { isAdministrator, mayActOnAnswer, notAnAdministratorCard, notYourAnswerCard } from './who-may-act';

/** Times a change re-reads its request to show the latest state on every post (see the change action). */
const MAX_REFRESH_ROUNDS = 3;

/**
 * Reads the request again, a few rounds at most, and shows each newer version (`show`) until what was last
 * shown is the latest: another administrator's change, or another copy of the post recorded meanwhile,
 * lands while Slack takes an update. Returns what was last shown.
 */
async function showLatest(
  store: ListenerDeps['store'],
  shown: EscalationRecord,
  isNewer: (now: EscalationRecord, shown: EscalationRecord) => boolean,
  show: (now: EscalationRecord) => Promise<void>,
): Promise<EscalationRecord> {
  let last = shown;
  for (let round = 0; round < MAX_REFRESH_ROUNDS; round++) {
    const now = await store.escalations.get(last.id).catch(() => undefined);
    if (!now || !isNewer(now, last)) break;
    await show(now);
    last = now;
  }
  return last;
}

const stateChanged = (now: EscalationRecord, shown: EscalationRecord): boolean => now.state !== shown.state;

/** Slack's refusals of the escalation channel itself: until someone fixes the setting, every try fails. */
const UNUSABLE_CHANNEL_CODES: ReadonlySet<string> = new Set([
  'not_in_channel',
  'is_archived',
  'channel_not_found',
  'restricted_action',
]);

export const ESCALATION_GONE_TEXT = 'I have no record of this request any more, so there is nothing to update.';
export const ALREADY_HANDLED_PREFIX = 'Nothing changed, this request is already handled:';
export const postNotUpdatedText = (status: string): string =>
  `Saved: ${status}. But I could not update the post itself, so it may still show the old state.`;
export const askerUnreachableText = (userId: string): string =>
  `I updated the post, but could not send <@${userId}> a message about it. Please tell them yourself.`;

/** A link to the card the person clicked, when it is a message administrators can open. */
async function conversationLink({ body, client }: ActionReplyArgs, logger: Logger): Promise<string | undefined> {
  const channel = body.channel?.id ?? body.container?.channel_id;
  const messageTs = body.message?.ts ?? body.container?.message_ts;
  // Private replies have no message to link to, and nobody else can open a DM with the app.
  if (isPrivateCard(body) || !channel || !messageTs || channel.startsWith('D')) return undefined;
  try {
    const result = await client.chat.getPermalink({ channel, message_ts: messageTs });
    return result.permalink;
  } catch (error) {
    logger.warn(`chat.getPermalink failed, the post names the channel instead: ${String(error)}`);
    return undefined;
  }
}

export function createAskAdministratorAction({
  store,
  corpus,
  cardContext,
}: Pick<ListenerDeps, 'store' | 'corpus' | 'cardContext'>) {
  return async (args: ActionArgs): Promise<void> => {
    const { ack, body, action, client, logger } = args;
    await ack();
    const failed = askerNotes.failed(cardContext.adminContact);
    await withApology(
      logger,
      'action ask_administrator',
      async () => {
        const ref = decodeTopicRef(actionValue(action));
        const may = await mayActOnAnswer(store, body, ref?.questionId);
        if (may !== 'allowed') {
          await replyPrivately(args, may === 'not-yours' ? notYourAnswerCard() : failed);
          return;
        }
        const channel = cardContext.escalationChannel;
        if (!channel || !ref || ref.questionId === undefined) {
          await replyPrivately(args, failed);
          return;
        }
        const { questionId } = ref;
        const permalink = await conversationLink(args, logger);
        const originChannelId = body.channel?.id ?? body.container?.channel_id;
        let opened: Awaited<ReturnType<typeof store.escalations.open>> | undefined;
        let gone = false;
        try {
          gone = !(await store.questions.get(questionId));
          if (!gone) {
            opened = await store.escalations.open({
              questionId,
              requesterId: body.user.id,
              topicId: ref.topicId,
              ...(ref.kind ? { userKind: ref.kind } : {}),
              ...(originChannelId ? { originChannelId } : {}),
              ...(permalink ? { permalink } : {}),
            });
          }
        } catch (error) {
          // The database is down: nothing was saved or posted, and the person is told so.
          logListenerError(logger, 'saving an escalation', error);
        }
        if (gone) {
          // Deleted after the retention period (or refused by the database): no retry can bring it back,
          // so say what will work. Too recent for that: another replica has not written it yet.
          const notYet = store.questions.whyMissing(questionId) === 'unsaved';
          await replyPrivately(
            args,
            notYet ? askerNotes.questionNotFoundYet() : askerNotes.questionGone(cardContext.adminContact),
          );
          return;
        }
        if (!opened) {
          await replyPrivately(args, failed);
          return;
        }
        const { escalation, created } = opened;
        if (!created) {
          // No post yet: another click holds it, and may still fail. Not "you already asked" until it is there,
          // or until an administrator has acted on it (then a post reached them, recorded or not).
          const reachedThem = escalation.post !== undefined || escalation.state !== 'open';
          await replyPrivately(args, reachedThem ? askerNotes.alreadyRequested(escalation) : askerNotes.beingPosted());
          return;
        }
        let posted: Awaited<ReturnType<typeof client.chat.postMessage>>;
        try {
          // Posted once: a retry after a late answer would post a second copy (slack/post-once.ts).
          const post = () =>
            withoutRetries(client, logger).chat.postMessage({
              channel,
              ...buildEscalationPost(escalation, topicTitle(corpus, escalation.topicId)),
            });
          posted = await post().catch(async (error: unknown) => {
            // A short rate limit is waited out once, as for every other reply (listeners/deliver.ts).
            const wait = shortRateLimitWait(error);
            if (wait === undefined) throw error;
            await new Promise((resolve) => setTimeout(resolve, wait * 1000));
            return post();
          });
        } catch (error) {
          // An administrator may have taken the request meanwhile, on an earlier copy Slack never confirmed:
          // then it reached them whatever became of this copy, and the person is told who has it.
          const meanwhile = await store.escalations.get(escalation.id).catch(() => undefined);
          if (meanwhile && meanwhile.state !== 'open') {
            logListenerError(logger, 'posting another copy to the escalation channel (already taken)', error);
            await replyPrivately(args, askerNotes.alreadyTaken(meanwhile));
            return;
          }
          if (outcomeUnknown(error)) {
            // Slack may have posted it: keep the request (the administrators' buttons need it), and say
            // honestly that it is unconfirmed rather than that nothing was sent.
            logListenerError(logger, 'posting to the escalation channel (no answer; it may have arrived)', error);
            await replyPrivately(args, askerNotes.unconfirmed(channel, cardContext.adminContact));
            return;
          }
          // Slack refused it, so nothing reached the administrators: forget it, so pressing the button again tries again.
          // Should even that fail, the posting lease runs out and the next click posts (store/escalation-log).
          // The store withdraws only a request nobody has taken.
          await store.escalations.withdraw(escalation.id).catch((withdrawError: unknown) => {
            logListenerError(logger, 'withdrawing an escalation that was not posted', withdrawError);
          });
          logListenerError(logger, 'posting to the escalation channel', error);
          const code = slackErrorCode(error);
          if (code && UNUSABLE_CHANNEL_CODES.has(code)) {
            logger.error(
              `ESCALATION_CHANNEL ${channel} cannot be posted to (${code}): invite the app to it, or set another channel`,
            );
            await replyPrivately(args, askerNotes.channelUnusable(cardContext.adminContact));
            return;
          }
          await replyPrivately(args, failed);
          return;
        }
        if (posted.ts) {
          try {
            await store.escalations.attachPost(escalation.id, { channelId: posted.channel ?? channel, ts: posted.ts });
          } catch (error) {
            // The administrators have the post; only later updates of it will need the click's own message.
            logListenerError(logger, 'saving where the escalation was posted', error);
          }
          // An administrator may have taken it meanwhile (on an earlier copy Slack never confirmed, or on this one
          // as soon as it appeared): this post shows that, and the person is told who has it.
          const postedAt = { channel: posted.channel ?? channel, ts: posted.ts };
          const showOnPost = async (shown: EscalationRecord): Promise<void> => {
            await client.chat
              .update({ ...postedAt, ...buildEscalationPost(shown, topicTitle(corpus, shown.topicId)) })
              .catch((error: unknown) => logListenerError(logger, 'updating the escalation post', error));
          };
          // Read again after each update: a Resolved landing meanwhile must not be shown as "on it".
          const latest = await showLatest(store, escalation, stateChanged, showOnPost);
          if (latest.state !== 'open') {
            await replyPrivately(args, askerNotes.requestedAndTaken(channel, latest));
            return;
          }
        }
        await replyPrivately(args, askerNotes.requested(channel));
      },
      (card) => replyPrivately(args, card),
    );
  };
}

type Change = 'claim' | 'resolve';

/** The escalation's recorded post and the message clicked, each once. */
function postsToUpdate(escalation: EscalationRecord, body: ActionArgs['body']): { channel: string; ts: string }[] {
  const clickedChannel = body.channel?.id ?? body.container?.channel_id;
  const clickedTs = body.message?.ts ?? body.container?.message_ts;
  const posts = escalation.post ? [{ channel: escalation.post.channelId, ts: escalation.post.ts }] : [];
  const clicked = clickedChannel && clickedTs ? { channel: clickedChannel, ts: clickedTs } : undefined;
  if (clicked && !posts.some((post) => post.channel === clicked.channel && post.ts === clicked.ts)) posts.push(clicked);
  return posts;
}

export function createEscalationChangeAction(
  change: Change,
  { store, corpus, adminUserIds }: Pick<ListenerDeps, 'store' | 'corpus' | 'adminUserIds'>,
) {
  return async (args: ActionArgs): Promise<void> => {
    const { ack, body, action, client, logger } = args;
    await ack();
    await withApology(
      logger,
      `action escalation_${change}`,
      async () => {
        const ref = decodeEscalationRef(actionValue(action));
        const userId = body.user.id;
        // Checked before anything is read or changed: a refusal reveals nothing about the request.
        if (!isAdministrator(adminUserIds, userId)) {
          logger.info(`A click on escalation_${change} by someone not in ADMIN_USER_IDS was refused`);
          await replyPrivately(args, notAnAdministratorCard());
          return;
        }
        const transition = !ref
          ? ({ result: 'not-found' } as const)
          : change === 'claim'
            ? await store.escalations.claim(ref.id, userId, ref.createdAt)
            : await store.escalations.resolve(ref.id, userId, ref.createdAt);
        if (transition.result === 'not-found') {
          await replyPrivately(args, noteCard(ESCALATION_GONE_TEXT));
          return;
        }
        const { escalation } = transition;
        const title = topicTitle(corpus, escalation.topicId);
        // Rebuilt even when nothing changed: a post that missed an earlier update shows the truth again.
        // Both the recorded post and the one clicked, when they differ: a post Slack never confirmed is
        // posted again on the person's next click, and a click on either copy must show on that copy.
        const posts = postsToUpdate(escalation, body);
        const [clicked] = posts.slice(-1);
        const updatePosts = async (shown: EscalationRecord): Promise<boolean> => {
          const post = buildEscalationPost(shown, title);
          let clickedUpdated = true;
          for (const target of posts) {
            try {
              await client.chat.update({ channel: target.channel, ts: target.ts, ...post });
            } catch (error) {
              // The change is stored either way; the person who asked must still hear of it.
              logListenerError(logger, 'updating the escalation post', error);
              if (target === clicked) clickedUpdated = false;
            }
          }
          return clickedUpdated;
        };
        let clickedNotUpdated = !(await updatePosts(escalation));
        // Another administrator's change may land while Slack takes these updates (a Resolved while this I'm
        // on it is being shown), and the person's own click may record another copy of the post meanwhile:
        // read again until what the posts show is the latest (a few rounds at most), so no post ends on a
        // stale state, and the person is not told "someone is looking at it" after "resolved".
        const isShown = (post: EscalationRecord['post']) =>
          post === undefined || posts.some((known) => known.channel === post.channelId && known.ts === post.ts);
        const shown = await showLatest(
          store,
          escalation,
          (now, last) => stateChanged(now, last) || !isShown(now.post),
          async (now) => {
            if (now.post && !isShown(now.post)) posts.unshift({ channel: now.post.channelId, ts: now.post.ts });
            clickedNotUpdated = !(await updatePosts(now));
          },
        );
        const overtaken = shown.state !== escalation.state;
        if (!escalation.post && clicked) {
          // A post Slack never confirmed has no record; the one an administrator clicked is it, so the
          // person's next click says "you already asked", not "being posted".
          await store.escalations
            .attachPost(escalation.id, { channelId: clicked.channel, ts: clicked.ts }, { ifNone: true })
            .catch((error: unknown) => logListenerError(logger, 'saving where the escalation was posted', error));
        }
        if (clickedNotUpdated && transition.result !== 'unchanged') {
          await replyPrivately(args, noteCard(postNotUpdatedText(statusPlain(escalation))));
        }
        if (transition.result === 'unchanged') {
          await replyPrivately(args, noteCard(`${ALREADY_HANDLED_PREFIX} ${statusPlain(escalation)}.`));
          return;
        }
        if (overtaken) return;
        const message =
          change === 'claim' ? askerNotes.claimed(escalation, title) : askerNotes.resolved(escalation, title);
        try {
          // A user id as the channel: the app's direct message with that person. Posted once: the client's
          // retries after a late answer from Slack sent the same message two or three times.
          await withoutRetries(client, logger).chat.postMessage({ channel: escalation.requesterId, ...message });
        } catch (error) {
          logListenerError(logger, 'telling the asker', error);
          // No answer from Slack: it may well have arrived, so the administrator is not told it did not.
          if (!outcomeUnknown(error)) {
            await replyPrivately(args, noteCard(askerUnreachableText(escalation.requesterId)));
          }
        }
      },
      (card) => replyPrivately(args, card),
    );
  };
}
