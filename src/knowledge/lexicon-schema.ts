// The shape of `knowledge/lexicon.yml`: how people's words map onto the corpus's words.
import { z } from 'zod';

const term = z.string().trim().min(1, 'must not be empty').toLowerCase();

export const lexiconSchema = z.strictObject({
  /** canonical word -> what people type instead ("mfa: [2fa, authenticator, yubikey]"). Variants may be phrases. */
  synonyms: z.record(term, z.array(term).min(1)),
  /**
   * canonical word -> the same word in scripts written without spaces between words (Japanese, Chinese)
   * or with particles attached (Korean): "password: [パスワード, 密码, 비밀번호]". They are found anywhere
   * inside a run of such letters, longest first.
   */
  other_scripts: z.record(term, z.array(z.string().trim().min(1)).min(1)).default({}),
  /**
   * canonical word -> the same word in languages written in Latin letters other than English ("password:
   * [contraseña, senha, mot de passe, passwort]"). Folded like synonyms.
   */
  other_languages: z.record(term, z.array(term).min(1)).default({}),
  /**
   * Those languages' small words ("de", "je", "ich", "não"): carry no meaning for matching, and a question
   * with two or more of them is read as written in another language, so its words are not typo-corrected
   * into English ones ("fermer" is not "former").
   */
  other_language_stopwords: z.array(term).default([]),
  /** Words that carry no meaning for matching ("the", "please", "hey"). */
  stopwords: z.array(term),
  /**
   * Words that place a question outside AWS sign-in (other products, unrelated AWS services).
   * They count against every topic, so a question has to say more to be answered.
   */
  foreign: z.array(term),
  /**
   * Words that place a question elsewhere only when no AWS word stands beside them: an email provider
   * may hold the root user's address ("root email is an old hotmail"), or be the whole question.
   */
  foreign_without_anchor: z.array(term).default([]),
  /**
   * Words that show another task altogether, AWS or not (CLI and SDK errors, an app's own users, SSH
   * keys, refunds): they count against every topic that does not use them, even beside an AWS word.
   */
  other_tasks: z.array(term).default([]),
  /**
   * Words of a developer's work (a configuration, an endpoint, a payload) that no sign-in problem needs: each
   * thins the evidence a little, as a hint of another task, unless a topic's own phrases use it.
   */
  developer_words: z.array(term).default([]),
  /**
   * Words that say who is asking (root, IAM, administrator) rather than what is wrong: they choose among
   * sibling topics but weigh less in choosing the problem.
   */
  who_words: z.array(term).default([]),
  /** Words that place a question inside AWS sign-in (aws, console, iam, root user...). */
  anchors: z.array(term),
  /**
   * Kinds of problem a question can name without saying which case it is ("I'm locked out", "forgot my
   * password"). A question made only of one group's words gets a clarifying question among its topics.
   */
  clarify_groups: z
    .array(
      z.strictObject({
        name: z.string().trim().min(1),
        terms: z.array(term).min(1),
        // A group asks "which of these?": two different topics at least, each once.
        topics: z
          .array(z.string().trim().min(1))
          .min(2)
          .refine((ids) => new Set(ids).size === ids.length, { message: 'must list each topic once' }),
      }),
    )
    .default([]),
  /**
   * Places other than AWS that one topic is about ("Amazon's shop": retail-order). A question that names
   * one and nothing of AWS (no anchor) is that topic's, whatever else it says: "locked out of amazon.com
   * after changing phones" is for Amazon's customer service, not the MFA device's steps. `shared_names`:
   * names the place shares with AWS ("amazon"); a question naming one and nothing of AWS, answered with
   * another topic, asks which of the two it meant ("my amazon account got hacked"). `tools`: programs that
   * sign in to the place for someone (a home-automation plugin, a browser-automation script); a question
   * naming the place through one and nothing of AWS is that tool's problem: the fallback.
   */
  elsewhere: z
    .array(
      z.strictObject({
        name: z.string().trim().min(1),
        terms: z.array(term).min(1),
        shared_names: z.array(term).default([]),
        tools: z.array(term).default([]),
        topic: z.string().trim().min(1),
      }),
    )
    .default([]),
});

export type Lexicon = z.infer<typeof lexiconSchema>;
