// Reads which kind of user is asking (root, IAM, IAM Identity Center or federated) from a question, so
// its answer can open on that kind's steps. It reads the analyzer's terms (the ones the matcher scores:
// synonyms folded, so "okta", "azure ad" and "saml" all say federated) and, for the few things folding
// hides, the analyzer's plain words ("awsapps" and "tile" both fold onto "portal"; "not the root user"
// keeps "root"). What says which kind follows the AWS Sign-In User Guide's user types, as the corpus does.
import { ASKER_KINDS, type AskerKind, type Topic } from '../knowledge/schema';
import { type Analyzer, words } from './analyzer';

/**
 * Said outright: a kind's name, or a word the lexicon folds onto it ("account owner" is the root user,
 * "okta" is federated). Each cue is a run of terms, written the way people write it.
 */
const EXPLICIT: Record<AskerKind, readonly string[]> = {
  root: ['root'],
  iam: ['iam'],
  'identity-center': ['identity center'],
  federated: [
    'federated',
    'corporate login',
    'company login',
    'work login',
    'corporate sso',
    'company sso',
    'corporate identity',
    'company identity',
  ],
};

/**
 * Implied, where the sources make it unambiguous: the account email and password are the root user's;
 * an account ID or alias together with a user name is how an IAM user signs in. Said outright, any
 * kind outweighs these.
 */
const IMPLIED_SEQUENCES: Partial<Record<AskerKind, readonly string[]>> = {
  root: ['account email', 'email and password'],
};
const IMPLIED_TOGETHER: Partial<Record<AskerKind, ReadonlyArray<readonly string[]>>> = {
  iam: [['account id', 'alias'], ['user name']],
};

/**
 * The email used to create the account and its password are the root user's sign-in (Sign-In User Guide):
 * "which email was used to create our aws account?", "the e-mail I used to sign up for AWS". Past tense
 * only: "which email should I use to create an account" is not signing in; and by the asker or unsaid:
 * "the email my admin used to create my account" is an account made for them, not the root user.
 */
const ACCOUNT_EMAIL =
  /\be-?mail\b[^.!?]{0,30}?\b(?:(?:was|were|i|we|i['’]?ve|we['’]?ve)\s+used|did\s+(?:i|we)\s+use)\s+to\s+(?:create|open|sign\s*up)\b/i;
/**
 * The lexicon folds "created the aws account" onto root, and the stemmer makes "create" of "created": "please
 * re-create an AWS account" would read as the root user. Root counts when the question has one of the
 * words the lexicon's root phrases are made of (past tense only), or the root user's name in another language
 * or script, or speaks of the account's email (`ACCOUNT_EMAIL`).
 */
const ROOT_NAMED = String.raw`\b(?:root|rootuser|owner|created|opened|ra[ií]z|racine)\b|ルート|根用户|루트`;
const ROOT_WORDING = new RegExp(
  String.raw`${ROOT_NAMED}|\bmain\b|\bown\s+(?:the|this|our|my)\s+(?:aws\s+)?account\b|${ACCOUNT_EMAIL.source}`,
  'i',
);
/**
 * Root said only as "the main account": in an organization that is also the management account, where people
 * sign in as IAM users. Beside another kind's sign-in ("the main account with my user name and account ID"),
 * it gives way to it.
 */
const ROOT_BESIDES_MAIN = new RegExp(ROOT_NAMED, 'i');
const ROOT = 1 << ASKER_KINDS.indexOf('root');
/** Likewise "aws sso" is Identity Center, but "logging into aws with SSO" (the folding skips "with") is any SSO. */
const IDENTITY_CENTER_WORDING =
  /\b(?:identity\s*cent(?:er|re)|idc|aws\s*sso|aws\s+single\s+sign|centro\s+de\s+identidades|centre\s+d['’]\s*identit[ée])|アイデンティティセンター|身份中心|자격\s*증명\s*센터/i;

/** People the asker may name as someone else: "our CEO is root", "my boss has root". */
const PEOPLE =
  '(?:boss|manager|ceo|cto|cfo|coo|founder|co-?founder|admin|administrator|it|team|colleague|coworker|lead|director|client|customer|company|finance|accountant|dad|father|mom|mother|wife|husband|partner|friend|predecessor|contractor|agency|vendor|employer)';
/** What follows "root" when it is the root user's own sign-in ("my boss has root MFA on my phone" is not the boss's). */
const ROOT_SIGN_IN = String.raw`(?:(?:user|account)(?:['’]s)?\s+)?(?:password|pw|email|e-?mail|mail|mfa|2fa|credentials?|login|sign-?in|phone|device|yubikey|token|access)`;
/**
 * A kind's words in other senses, which say nothing of who is asking. Such a question is read again without
 * them, and the kind counts only if it is still said. Global: they are only ever used to replace every one.
 * - Federated: "ping" (Ping Identity) and "ad" (Active Directory) in "ping me when you can", "ping @ops",
 *   "my ad blocker", "I saw an ad for AWS", "an ad hoc job", "our ad campaign".
 * - Root: the root cause, a root certificate, the organization's root, root on a server, a rooted phone;
 *   a product or business owner; an account someone else created for the asker.
 *   Someone else's root ("our CEO is root", "the root email is our CFO's", "root belongs to finance", "who
 *   created the account?") and root denied ("I don't have root", "the root user isn't me").
 * - IAM: "iam" typed for "I am" ("iam not able to log in", "iam trying the access portal").
 * - Identity Center: "idc" for "I don't care", or a data centre ("our IDC firewall").
 */
const OTHER_SENSES: Record<AskerKind, readonly RegExp[]> = {
  federated: [
    /\bping(?:ing|ed)?\s+(?:me|us|you|him|her|them|back|here|someone|anyone|@|<@|in\s+(?:the\s+|this\s+)?(?:thread|channel|slack|dm))/gi,
    /\bad[\s-]*block\w*/gi,
    // Lower case only: "an AD on-prem" is Active Directory.
    /\ban\s+ad\s+(?:for|about|from|that)\b/g,
    /\bads\b/g,
    /\bad[\s-]+(?:hoc|campaigns?|spend|network|revenue|clicks?|banners?)\b/gi,
    // A login the company handed out is credentials it issued ("my company gave me this login: a user name,
    // a password and an account number"), not the company's own sign-in.
    /\b(?:company|corporate|work|employer|team|admin|it)\s+(?:gave|give[sn]?|sent|issued|created|set\s+up)\s+(?:me\s+|us\s+)?(?:a|an|this|that|the|my|our)?\s*(?:new\s+)?(?:login|sign[\s-]?in)\b/gi,
  ],
  root: [
    /\broot\s+(?:cause[sd]?|certificates?|certs?|ca|domain|folder|directory|dir|path|shell|ou|of\s+(?:the|our|an?)\s+(?:problem|issue))\b/gi,
    /\b(?:org|organi[sz]ation|ou)\s+root\b(?!\s+(?:user|account|email|password|mfa|login|credentials))/gi,
    /\broot(?:ed|ing)?\s+(?:my|the|his|her|an?|our)\s+(?:android|phone|device|tablet|iphone)\b|\brooted\b/gi,
    /\b(?:have|has|got|had)\s+root\s+(?:access\s+)?(?:on|in|to)\s+(?:the\s+|our\s+|my\s+|an?\s+|all\s+)?(?:[\w-]+\s+)?(?:servers?|box(?:es)?|instances?|vms?|machines?|hosts?|containers?|linux)\b/gi,
    /\b(?:product|business|project|app|application|service|team|data|code|budget|process|system|channel|repo|repository|page|group|workspace|slack)\s+owner\b/gi,
    new RegExp(
      String.raw`\b(?:${PEOPLE}|someone|somebody|they|he|she|ops)\s+(?:has\s+|had\s+|have\s+)?(?:created|opened|set\s+up)\s+(?:the|my|our|an?)\s+(?:aws\s+)?account\b`,
      'gi',
    ),
    // Asked, not said: "Who created the aws account?"
    /(?:^|[.!?]\s*)who\s+(?:created|opened|owns|has)\b[^.!?]*\?/gi,
    new RegExp(
      String.raw`\b(?:(?:our|my|the|their)\s+${PEOPLE}|someone(?:\s+else)?|somebody(?:\s+else)?|he|she|they)\s+(?:is|has|holds|owns|keeps)\s+(?:the\s+)?root\b(?!\s+${ROOT_SIGN_IN})`,
      'gi',
    ),
    new RegExp(
      String.raw`\broot(?:\s+(?:user|account|email|e-mail|login|credentials?|password|access))?\s+(?:(?:belongs\s+to|is\s+with|sits\s+with|is)\s+(?:our|the|my|his|her|their)\s+${PEOPLE}\b|(?:belongs\s+to|is\s+with|sits\s+with)\s+(?:finance|accounting|legal|him|her|them)\b)`,
      'gi',
    ),
    // Root denied, said of root itself ("I don't have root, I'm a developer"), not of its password or MFA.
    /\b(?:do\s*n['’]?t|does\s*n['’]?t|did\s*n['’]?t|do\s+not|never|not)\s+(?:have|own|hold|use)\s+(?:the\s+)?root(?=\s*(?:[,.;!?]|$|(?:rights|privileges|permissions?)\b))/gi,
    /\broot(?:\s+(?:user|account))?\s+(?:is\s*n['’]?t|is\s+not)\s+me\b/gi,
    // Not owning the account: "I don't own the AWS account, I only have a login".
    /\b(?:do\s*n['’]?t|does\s*n['’]?t|do\s+not|does\s+not|never)\s+own\s+(?:the|this|our|my|an?)\s+(?:aws\s+)?account\b/gi,
  ],
  'identity-center': [
    // Lower case only: "idc" for "I don't care"; "IDC" is Identity Center.
    /\bidc\s+(?:about|tbh|lol)\b/g,
    /\b(?:our|the|an?)\s+idc\s+(?:firewall|network|proxy|datacenter|data\s+cent(?:er|re)|dc|rack|servers?)\b/gi,
  ],
  // "iam" typed for "I am", never "IAM": "iam not able to log in", "Iam trying the access portal".
  iam: [
    /\b[Ii]am\s+(?:not|unable|trying|getting|having|facing|signing|logging|going|looking|working|stuck|sure|confused|able|also|so|very|really|just)\b/g,
  ],
};

/**
 * What a sign-in page asks for names its fields, not who is asking: in "I created the account myself
 * with my email, but the login screen asks for the account ID, IAM user name and password" the asker is
 * the root user on the IAM user's page. The request runs to the end of the sentence or to a "but". When
 * it says "my" or "our" ("the page wants my IAM password"), the fields are the asker's own: it stays.
 */
const PAGE_ASKS_FOR =
  /\b(?:page|screen|form|console|site|window|prompt|login|log-?in|sign-?in)\s+(?:(?:is|was|now|still|keeps|just|only|then|that|which)\s+){0,2}(?:ask(?:s|ed|ing)?|wants?|wanted|wanting|requir(?:es|ed|ing)|request(?:s|ed|ing)|prompt(?:s|ed|ing)?|expect(?:s|ed|ing)?)\b[^.!?;]*?(?=,?\s*\b(?:but|though|although|while|whereas|yet|however)\b|[.!?;]|$)/gi;
const POSSESSIVE = /\b(?:my|our)\b/i;
/** A sign-in page named by the kind it is for ("I only see the IAM user page"): a page, not who is asking. */
const KIND_PAGE =
  /\b(?:the|an?|that|this)\s+(?:iam|root)(?:\s+user)?(?:\s+(?:sign-?in|log-?in|login))?\s+(?:page|screen|form|url|link)\b/gi;

/**
 * The asker saying a role is theirs: "I'm the IAM admin", "I log in as IAM admin", "my IAM admin user" (or
 * their administrator: either way not a kind to set aside for another).
 */
const OWN_ROLE =
  /\b(?:i\s*['’]?\s*m|i\s+am|as|me,?|my)\s+(?:(?:the|an?|our|one\s+of\s+the)\s+)?(?:(?:aws|iam|identity|cent(?:er|re)|idc|sso|okta|entra|azure|ad|adfs|google|workspace|ping|onelogin|jumpcloud|saml|account|cloud|main|only|sole|super|org|organi[sz]ation)\s+){0,3}(?:admin|administrator|sysadmin)s?\b/i;

/** Plain words folding hides: the access portal's address names IAM Identity Center outright. */
const IDENTITY_CENTER_WORDS = new Set(['awsapps']);
/** The access portal by name ("access portal", "sso portal", "start url"), not "tile" or "my apps". */
const PORTAL_WORDS = new Set(['portal']);
const START_LINK = new Set(['url', 'link']);
/** The access portal by name in Japanese, Chinese and Korean, written without spaces. */
const PORTAL_IN_OTHER_SCRIPTS = /アクセスポータル|访问门户|訪問入口網站|액세스\s*포털/;
/**
 * The company's own portal or app dashboard ("a tile in our company's app dashboard") is its identity
 * provider's: federated. As typed: "our company access portal" and "the company start URL" fold to the
 * same terms, and they are the AWS access portal. So is Microsoft's My Apps (myapps.microsoft.com), where
 * people signed in with Entra ID find their apps' tiles.
 */
const COMPANY_PORTAL =
  /\b(?:company|corporate)(?:['’]s)?\s+(?:apps?\s+)?(?:portal|dashboard)\b|\bmyapps\b|\bmy\s+apps\s+(?:portal|page|dashboard)\b/i;
const FEDERATED = 1 << ASKER_KINDS.indexOf('federated');
/** Portals that are not the AWS access portal ("the azure portal", "my company's portal", "the microsoft 365 portal"). */
const OTHER_PORTALS =
  /\b(?:azure|microsoft|company|intranet|hr|employee|customer|partner|okta|google|myapps|vendor|supplier|student|support|service|benefits|payroll)(?:['’]s)?(?:\s+[\w-]+)?\s+portal\b/gi;

/** A kind right after one of these ("not the root user", "no okta", "without an IAM user") is not who is asking. */
const NEGATIONS = new Set(['not', 'no', 'without', 'isnt', 'arent', 'never']);
const SKIPPED_AFTER_NEGATION = new Set(['a', 'an', 'the', 'my', 'our', 'using', 'via', 'through', 'with', 'as']);

/** Where the plain words can say something the terms do not (apostrophes as `words` drops them). */
const PLAIN_WORDS_NEEDED = /\b(?:not|no|without|isn['’]?t|aren['’]?t|never|awsapps|portal|start)\b/i;
const NO_WORDS: readonly string[] = [];

export type UserKindReader = (question: string, terms: readonly string[]) => AskerKind | null;

/** Cues are found in one pass over the terms: each is filed under its first term. */
interface Cue {
  run: readonly string[];
  /** Which of the kinds (bit i is ASKER_KINDS[i]) this cue says outright... */
  explicit: number;
  /** ...or implies; or, for cues that only count together, which group of its kind's this one is. */
  implied: number;
  /** A bit of its own (8 per kind), for cues that only count when every group of their kind is there. */
  together: number;
}

const bit = (kind: AskerKind): number => 1 << ASKER_KINDS.indexOf(kind);
const IDENTITY_CENTER = bit('identity-center');

/** The one kind a mask holds, or null for none or several. */
function onlyKind(mask: number): AskerKind | null {
  if (mask === 0 || (mask & (mask - 1)) !== 0) return null;
  return ASKER_KINDS[Math.log2(mask)] ?? null;
}

/**
 * `terms` are the analyzer's terms for `question`, in order (`analyzeQuestion`). Returns null when the
 * question names no kind, or names two (a root user who also mentions "my IAM password": the card for
 * everyone is the safe one). Runs on every question, so it scans the terms once and allocates little.
 */
export function createUserKindReader(analyzer: Analyzer): UserKindReader {
  const cuesByFirst = new Map<string, Cue[]>();
  const file = (text: string, cue: Omit<Cue, 'run'>) => {
    const run = analyzer.canonical(text);
    const first = run[0];
    if (first === undefined) return;
    const list = cuesByFirst.get(first) ?? [];
    list.push({ run, ...cue });
    cuesByFirst.set(first, list);
  };
  for (const kind of ASKER_KINDS) {
    for (const text of EXPLICIT[kind]) file(text, { explicit: bit(kind), implied: 0, together: 0 });
    for (const text of IMPLIED_SEQUENCES[kind] ?? []) file(text, { explicit: 0, implied: bit(kind), together: 0 });
    (IMPLIED_TOGETHER[kind] ?? []).forEach((group, index) => {
      const together = 1 << (ASKER_KINDS.indexOf(kind) * 8 + index);
      for (const text of group) file(text, { explicit: 0, implied: 0, together });
    });
  }
  const togetherGroups = ASKER_KINDS.map((kind) => ({
    kind: bit(kind),
    all: (1 << (IMPLIED_TOGETHER[kind]?.length ?? 0)) - 1,
  }));

  const [administrator] = analyzer.canonical('administrator');

  /**
   * The kinds the terms name outright (`explicit`) and imply (`implied`), as masks; `administrators` holds
   * the kinds named only as someone's role ("the IAM admin", "our Okta administrator").
   */
  function scan(terms: readonly string[]): { explicit: number; implied: number; administrators: number } {
    let explicit = 0;
    let implied = 0;
    let together = 0;
    let administrators = 0;
    for (let i = 0; i < terms.length; i++) {
      const cues = cuesByFirst.get(terms[i] as string);
      if (!cues) continue;
      for (const cue of cues) {
        if (!startsAt(terms, i, cue.run)) continue;
        if (cue.explicit !== 0 && terms[i + cue.run.length] === administrator) administrators |= cue.explicit;
        else explicit |= cue.explicit;
        implied |= cue.implied;
        together |= cue.together;
      }
    }
    togetherGroups.forEach(({ kind, all }, index) => {
      if (all > 0 && ((together >> (index * 8)) & all) === all) implied |= kind;
    });
    return { explicit: explicit | administrators, implied, administrators: administrators & ~explicit };
  }

  return (typed, terms) => {
    // Read as the terms are: full-width letters as plain ones, and Slack's bold, italics, strike and code
    // marks as spaces ("_root_" names the root user as "root" does; `\b` takes "_" for a letter).
    const question = typed.normalize('NFKC').replace(/[_*~`]+/g, ' ');
    // The plain words only matter around a negation or a portal; most questions have neither.
    const plain = PLAIN_WORDS_NEEDED.test(question) ? words(question) : NO_WORDS;
    const negated = plain.length > 0 ? negatedKinds(plain) : 0;
    const found = scan(terms);
    let said = found.explicit;
    if (said & ROOT && !ROOT_WORDING.test(question)) said &= ~ROOT;
    if (said & ROOT && found.implied & ~ROOT && !ROOT_BESIDES_MAIN.test(question)) said &= ~ROOT;
    if (said & IDENTITY_CENTER && !IDENTITY_CENTER_WORDING.test(question)) said &= ~IDENTITY_CENTER;
    for (const kind of ASKER_KINDS) {
      if (!(said & bit(kind))) continue;
      const without = OTHER_SENSES[kind].reduce((text, pattern) => text.replace(pattern, ' '), question);
      if (without === question) continue;
      const stillSaid = scan(analyzer.analyzeQuestion(without)).explicit & bit(kind);
      if (!stillSaid || (kind === 'root' && !ROOT_WORDING.test(without))) said &= ~bit(kind);
    }
    if (plain.some((word) => IDENTITY_CENTER_WORDS.has(word))) said |= IDENTITY_CENTER;
    if (COMPANY_PORTAL.test(question)) said |= FEDERATED;
    said &= ~negated;
    if (said !== 0 && onlyKind(said) === null) said = askerBesidePage(question, said);
    // Of several kinds, one named only as an administrator's role is someone else's: "lost the MFA for my
    // root account, and the IAM admin user has no permission" is the root user. Not when the asker says
    // the role is theirs ("I'm the IAM admin, root is the CEO's": still two kinds), nor alone ("I'm an IAM
    // admin and lost my MFA" is an IAM user).
    const someoneElses = OWN_ROLE.test(question) ? 0 : found.administrators;
    if (onlyKind(said) === null && (said & ~someoneElses) !== 0) said &= ~someoneElses;
    if (said !== 0) return onlyKind(said);

    let implied = found.implied;
    if (ACCOUNT_EMAIL.test(question)) implied |= ROOT;
    const portalWords = plain.length > 0 ? words(question.replace(OTHER_PORTALS, ' ')) : NO_WORDS;
    const portal = portalWords.some(
      (word, index) => PORTAL_WORDS.has(word) || (word === 'start' && START_LINK.has(portalWords[index + 1] ?? '')),
    );
    if (portal || PORTAL_IN_OTHER_SCRIPTS.test(question)) implied |= IDENTITY_CENTER;
    return onlyKind(implied & ~negated);
  };

  /** Of several kinds named, the ones named outside what a sign-in page asks for, when there are any. */
  function askerBesidePage(question: string, said: number): number {
    const besidePage = question
      .replace(PAGE_ASKS_FOR, (request) => (POSSESSIVE.test(request) ? request : ' '))
      .replace(KIND_PAGE, ' ');
    if (besidePage === question) return said;
    const outside = scan(analyzer.analyzeQuestion(besidePage)).explicit & said;
    return outside !== 0 ? outside : said;
  }

  /**
   * Kinds named right after a negation, past an article or "using": the next word, or the next two when
   * they are one phrase ("not the root user", "not azure ad"), never a word further on ("not coming,
   * root user sign in" is a root user).
   */
  function negatedKinds(plain: readonly string[]): number {
    let negated = 0;
    plain.forEach((word, index) => {
      if (!NEGATIONS.has(word)) return;
      let start = index + 1;
      if (SKIPPED_AFTER_NEGATION.has(plain[start] ?? '')) start++;
      const next = plain[start];
      if (next === undefined) return;
      const alone = analyzer.canonical(next);
      const second = plain[start + 1];
      const pair = second !== undefined && alone.length > 0 ? analyzer.canonical(`${next} ${second}`) : [];
      // Two words folded into one term are one phrase; "coming root" (a stop word, then a kind) is not.
      const named = pair.length === 1 && analyzer.canonical(second ?? '').length > 0 ? pair : alone;
      negated |= scan(named).explicit;
    });
    return negated;
  }
}

/** Whether `run` occurs in `terms` at `start`, word for word. */
function startsAt(terms: readonly string[], start: number, run: readonly string[]): boolean {
  if (start + run.length > terms.length) return false;
  for (let offset = 1; offset < run.length; offset++) if (terms[start + offset] !== run[offset]) return false;
  return true;
}

/** Whether a topic has steps for a kind of user: it is written for that kind or for anyone, or has that kind's own steps. */
export function hasStepsFor(topic: Topic, kind: AskerKind): boolean {
  return topic.audience.includes('anyone') || hasOwnStepsFor(topic, kind);
}

/** Whether a topic is written for a kind of user or has that kind's own steps (not only steps for anyone). */
export function hasOwnStepsFor(topic: Topic, kind: AskerKind): boolean {
  return (
    topic.audience.includes(kind) || (topic.user_kinds ?? []).some((choice) => choice.kind === kind && choice.steps)
  );
}

/**
 * A clarifying question the kind of user already answers: of the topics offered, only one has steps for
 * the kind named ("forgot my password, I'm an IAM user": of the four password topics, only the IAM one).
 * Then that topic is the answer, when it is written for that kind: a topic for anyone (closing the account)
 * offered beside other kinds' topics is no more than one of them. When several have, only those are
 * offered: an IAM user who is locked out is not asked about the root user's email or the access portal.
 */
export function answerForKind<T extends { kind: string; topic: Topic | null; candidates: Topic[] }>(
  match: T,
  kind: AskerKind | null,
): T {
  if (match.kind !== 'clarify' || kind === null) return match;
  const fitting = match.candidates.filter((topic) => hasStepsFor(topic, kind));
  const [only] = fitting;
  if (fitting.length >= 2) return { ...match, candidates: fitting };
  if (only === undefined || !hasOwnStepsFor(only, kind)) return match;
  // The answer leads its candidates, as any answer's does (the others stay offered after it).
  const candidates = [only, ...match.candidates.filter((topic) => topic !== only)];
  return { ...match, kind: 'answer', topic: only, candidates };
}

/**
 * A question that names a kind of user, answered with a topic written for one other kind only: the answer's
 * sibling for the named kind (a topic of the same lexicon clarify group, written for that kind only) is the
 * answer instead when it scores at least `ratio` of the first. "iam admin here, the root user's password needs
 * a reset" is about the root user (the reader says so), but "iam" and "admin" had made it the IAM user's
 * reset. A topic for several kinds (the MFA device's, which an Identity Center user gets too) stays the answer.
 */
export function answerSiblingForKind<
  T extends { kind: string; topic: Topic | null; candidates: Topic[]; confidence: number },
>(
  match: T & { ranking: ReadonlyArray<{ topic: Topic; score: number }> },
  kind: AskerKind | null,
  families: ReadonlyArray<readonly Topic[]>,
  ratio: number,
): T {
  const answered = match.topic;
  if (match.kind !== 'answer' || kind === null || !answered || fitsKind(answered, kind)) return match;
  const forOneKind = (topic: Topic) => topic.audience.length === 1 && !topic.audience.includes('anyone');
  if (!forOneKind(answered)) return match;
  const firstScore = match.ranking[0]?.score ?? 0;
  const sibling = (topic: Topic) =>
    writtenForKindAlone(topic, kind) && families.some((family) => family.includes(answered) && family.includes(topic));
  const forKind = match.ranking.find((entry) => sibling(entry.topic));
  if (!forKind || forKind.score < firstScore * ratio) return match;
  const candidates = [forKind.topic, ...match.candidates.filter((topic) => topic !== forKind.topic)];
  return { ...match, topic: forKind.topic, candidates, confidence: forKind.score };
}

/** Whether a topic is written for one kind of user, this one ("I forgot my IAM Identity Center password"). */
export function writtenForKindAlone(topic: Topic, kind: AskerKind): boolean {
  return topic.audience.length === 1 && topic.audience[0] === kind;
}

/** Whether a topic has something for a kind of user: steps written for it, or a topic it sends that kind to. */
export function fitsKind(topic: Topic, kind: AskerKind): boolean {
  return hasStepsFor(topic, kind) || (topic.user_kinds ?? []).some((choice) => choice.kind === kind);
}

/**
 * The reverse: a question that names no kind of user, answered with a topic for one kind while the
 * same problem for another kind scores close behind (`ratio` of the first or more; two topics of one
 * lexicon clarify group, for kinds of user that do not overlap). "I forgot my password" with detail
 * around it is a guess between the root user's and an IAM user's reset: ask which.
 */
export function askWhichUser<T extends { kind: string; topic: Topic | null; candidates: Topic[] }>(
  match: T & { ranking: ReadonlyArray<{ topic: Topic; score: number }> },
  kind: AskerKind | null,
  families: ReadonlyArray<readonly Topic[]>,
  ratio: number,
): T {
  if (match.kind !== 'answer' || kind !== null || !match.topic) return match;
  const [first, second] = match.ranking;
  if (!first || !second || first.topic !== match.topic || second.score < first.score * ratio) return match;
  const forOneKind = (topic: Topic) => !topic.audience.includes('anyone');
  const disjoint = first.topic.audience.every((audience) => !second.topic.audience.includes(audience));
  const siblings = families.some((family) => family.includes(first.topic) && family.includes(second.topic));
  if (!siblings || !disjoint || !forOneKind(first.topic) || !forOneKind(second.topic)) return match;
  return { ...match, kind: 'clarify', topic: null, candidates: [first.topic, second.topic] };
}
