// Writes a grown knowledge corpus for `npm run bench:growth`: the shipped topics and lexicon, plus
// generated internal-IT topics of the kind an organisation adds (VPN, Okta, laptops, Jira, HR and
// payroll systems, in-house tools) until the corpus has the size asked for. Their phrases are written
// the way people ask and share the everyday words of the AWS topics (password, login, access, MFA,
// account, locked, reset, portal, code, email), which is what makes a grown corpus hard.
// Deterministic: the same size always gives the same files.
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dump } from 'js-yaml';
import { loadKnowledge } from '../src/knowledge/load-knowledge';

interface System {
  /** How people name it in a question ("the VPN", "Okta"). */
  name: string;
  /** What it is, for titles and questions ("our VPN client"). */
  what: string;
}

/** Systems most organisations have, named as their people name them. */
const NAMED_SYSTEMS: readonly System[] = [
  { name: 'VPN', what: 'the company VPN' },
  { name: 'Okta', what: 'our Okta single sign-on' },
  { name: 'laptop', what: 'my work laptop' },
  { name: 'Jira', what: 'Jira' },
  { name: 'Confluence', what: 'the Confluence wiki' },
  { name: 'Workday', what: 'Workday, the HR system' },
  { name: 'payroll portal', what: 'the payroll portal' },
  { name: 'Concur', what: 'Concur expenses' },
  { name: 'Wi-Fi', what: 'the office Wi-Fi' },
  { name: 'Outlook', what: 'my work email in Outlook' },
  { name: 'printer', what: 'the office printers' },
  { name: 'badge', what: 'my door badge' },
  { name: 'Jenkins', what: 'the Jenkins build server' },
  { name: 'Salesforce', what: 'Salesforce' },
  { name: 'Zoom', what: 'Zoom' },
  { name: 'Citrix', what: 'the Citrix remote desktop' },
  { name: 'ServiceNow', what: 'the ServiceNow service desk' },
  { name: 'SAP', what: 'SAP' },
  { name: 'Tableau', what: 'Tableau dashboards' },
  { name: 'intranet', what: 'the intranet' },
  { name: 'benefits portal', what: 'the benefits portal' },
  { name: 'GlobalProtect', what: 'the GlobalProtect VPN client' },
  { name: 'AnyConnect', what: 'Cisco AnyConnect' },
  { name: 'Duo', what: 'Duo push approvals' },
  { name: 'Bitbucket', what: 'Bitbucket' },
  { name: 'Artifactory', what: 'Artifactory' },
  { name: 'Greenhouse', what: 'Greenhouse recruiting' },
  { name: 'DocuSign', what: 'DocuSign' },
  { name: 'Miro', what: 'Miro boards' },
  { name: 'Figma', what: 'Figma' },
];

/** What an in-house tool does, for the generated names. */
const TOOL_KINDS = [
  'timesheet tool',
  'expense app',
  'ticketing system',
  'knowledge base',
  'CRM',
  'build server',
  'HR system',
  'learning portal',
  'holiday planner',
  'asset register',
  'booking system',
  'inventory app',
  'reporting dashboard',
  'contract database',
  'procurement portal',
  'travel booking tool',
] as const;

const PREFIXES = ['zen', 'pay', 'flo', 'cor', 'nex', 'qui', 'tal', 'ver', 'ori', 'lum', 'kap', 'dra'];
const MIDDLES = ['', 'ra', 'to', 'li', 'ven', 'mo'];
const SUFFIXES = ['trix', 'desk', 'hub', 'ly', 'base', 'flow', 'dock', 'sync', 'gate', 'point', 'ware', 'nova'];

/** Invented in-house tool names ("Zenradesk, the timesheet tool"): 864 of them. */
function inventedSystems(): System[] {
  const systems: System[] = [];
  for (const middle of MIDDLES) {
    for (const suffix of SUFFIXES) {
      for (const prefix of PREFIXES) {
        const word = `${prefix}${middle}${suffix}`;
        const name = word.charAt(0).toUpperCase() + word.slice(1);
        const kind = TOOL_KINDS[systems.length % TOOL_KINDS.length] as string;
        systems.push({ name, what: `${name}, the ${kind}` });
      }
    }
  }
  return systems;
}

interface Problem {
  id: string;
  title: (s: System) => string;
  keywords: (s: System) => string[];
  /** Ways people ask; each topic takes most of them, in its own order. */
  questions: ((s: System) => string)[];
}

const n = (s: System) => s.name;

/** The problems people have with any internal system, in the words they use for AWS too. */
const PROBLEMS: readonly Problem[] = [
  {
    id: 'password-reset',
    title: (s) => `Reset your ${n(s)} password`,
    keywords: (s) => [`${n(s)} password`, `reset ${n(s)} password`, `forgot ${n(s)} password`],
    questions: [
      (s) => `forgot my ${n(s)} password`,
      (s) => `how do I reset my password for ${s.what}`,
      (s) => `the ${n(s)} password reset link never arrives in my email`,
      (s) => `${n(s)} says my password expired, where do I set a new one`,
      (s) => `I changed my password yesterday and now ${n(s)} won't accept it`,
      (s) => `can someone reset my ${n(s)} pw, I'm locked out`,
      (s) => `need a new password for ${n(s)}, the old one stopped working`,
      (s) => `what are the password rules for ${n(s)}`,
    ],
  },
  {
    id: 'account-locked',
    title: (s) => `${n(s)} account locked after failed sign-ins`,
    keywords: (s) => [`${n(s)} locked`, `${n(s)} account locked`],
    questions: [
      (s) => `my ${n(s)} account is locked`,
      (s) => `locked out of ${n(s)} after too many login attempts`,
      (s) => `${n(s)} says account locked, contact your administrator`,
      (s) => `typed the wrong password three times and now ${n(s)} has locked me out`,
      (s) => `how long until my ${n(s)} account unlocks`,
      (s) => `who can unlock my account in ${s.what}`,
      (s) => `${n(s)} login keeps saying my account is disabled`,
    ],
  },
  {
    id: 'mfa-new-phone',
    title: (s) => `Move ${n(s)} MFA to a new phone`,
    keywords: (s) => [`${n(s)} mfa`, `${n(s)} authenticator`, `${n(s)} new phone`],
    questions: [
      (s) => `got a new phone and ${n(s)} still sends the mfa prompt to the old one`,
      (s) => `lost my phone, how do I sign in to ${n(s)} without the authenticator`,
      (s) => `${n(s)} 2fa codes are rejected`,
      (s) => `how do I reset mfa for ${s.what}`,
      (s) => `my security key for ${n(s)} is broken`,
      (s) => `set up two factor for ${n(s)} on my new iphone`,
      (s) => `${n(s)} keeps asking for a verification code from an app I deleted`,
    ],
  },
  {
    id: 'access-request',
    title: (s) => `Request access to ${n(s)}`,
    keywords: (s) => [`${n(s)} access`, `access to ${n(s)}`, `${n(s)} permission`],
    questions: [
      (s) => `how do I get access to ${s.what}`,
      (s) => `I need access to ${n(s)} for my new project`,
      (s) => `${n(s)} says I don't have permission to view this page`,
      (s) => `who approves access requests for ${n(s)}`,
      (s) => `my manager asked me to use ${n(s)} but I have no account`,
      (s) => `can I get admin rights in ${n(s)}`,
      (s) => `access denied when I open ${n(s)}`,
    ],
  },
  {
    id: 'login-error',
    title: (s) => `${n(s)} sign-in page shows an error`,
    keywords: (s) => [`${n(s)} login`, `${n(s)} sign in`, `${n(s)} login error`],
    questions: [
      (s) => `can't log in to ${n(s)}, it just says something went wrong`,
      (s) => `${n(s)} login page keeps reloading`,
      (s) => `sign in to ${s.what} fails with an error`,
      (s) => `${n(s)} won't let me log in since this morning`,
      (s) => `the ${n(s)} sign in button does nothing`,
      (s) => `getting invalid credentials on ${n(s)} though my password is right`,
      (s) => `is ${n(s)} down? I can't sign in`,
    ],
  },
  {
    id: 'portal-url',
    title: (s) => `Find the ${n(s)} address`,
    keywords: (s) => [`${n(s)} url`, `${n(s)} link`, `${n(s)} portal`],
    questions: [
      (s) => `what is the url for ${s.what}`,
      (s) => `where do I find the ${n(s)} portal`,
      (s) => `lost the link to ${n(s)}, where is it`,
      (s) => `which address do I open for ${n(s)} from home`,
      (s) => `the ${n(s)} bookmark stopped working, what's the new link`,
      (s) => `is there a start page for ${n(s)}`,
    ],
  },
  {
    id: 'new-starter',
    title: (s) => `${n(s)} account for a new starter`,
    keywords: (s) => [`new ${n(s)} account`, `${n(s)} new starter`, `create ${n(s)} account`],
    questions: [
      (s) => `I started this week and don't have a ${n(s)} account yet`,
      (s) => `how do I create an account for a new hire in ${n(s)}`,
      (s) => `new joiner, when do I get my ${n(s)} login`,
      (s) => `who sets up ${n(s)} accounts for new employees`,
      (s) => `my welcome email never came so I can't activate ${n(s)}`,
      (s) => `onboarding checklist says sign up for ${n(s)}, how`,
    ],
  },
  {
    id: 'leaver-access',
    title: (s) => `Remove a leaver's ${n(s)} access`,
    keywords: (s) => [`${n(s)} leaver`, `remove ${n(s)} access`, `deactivate ${n(s)} account`],
    questions: [
      (s) => `someone left the team, how do I remove their ${n(s)} access`,
      (s) => `deactivate a former employee's ${n(s)} account`,
      (s) => `how do I close the ${n(s)} account of a contractor who left`,
      (s) => `transfer a leaver's ${n(s)} files before the account is deleted`,
      (s) => `a colleague quit, who owns the ${n(s)} account now`,
    ],
  },
  {
    id: 'verification-code',
    title: (s) => `${n(s)} verification code never arrives`,
    keywords: (s) => [`${n(s)} code`, `${n(s)} verification email`, `${n(s)} sms code`],
    questions: [
      (s) => `${n(s)} verification code never arrives`,
      (s) => `not getting the email code to sign in to ${n(s)}`,
      (s) => `the sms code from ${n(s)} takes forever`,
      (s) => `${n(s)} says the code expired every time`,
      (s) => `checked spam and still no ${n(s)} verification email`,
      (s) => `where does ${n(s)} send the one time code`,
    ],
  },
  {
    id: 'email-change',
    title: (s) => `Change the email address on your ${n(s)} account`,
    keywords: (s) => [`${n(s)} email`, `change ${n(s)} email`, `${n(s)} username`],
    questions: [
      (s) => `my name changed, how do I update the email on ${n(s)}`,
      (s) => `${n(s)} still uses my old email address`,
      (s) => `can I change my ${n(s)} username`,
      (s) => `the email on my ${n(s)} account is a shared mailbox, can I move it to mine`,
      (s) => `${n(s)} says this email is already in use`,
    ],
  },
  {
    id: 'office-network',
    title: (s) => `${n(s)} won't load on the office network`,
    keywords: (s) => [`${n(s)} blocked`, `${n(s)} not loading`, `${n(s)} firewall`],
    questions: [
      (s) => `${n(s)} doesn't load on the office wifi but works at home`,
      (s) => `the proxy blocks ${n(s)}`,
      (s) => `${n(s)} page is blank on the corporate network`,
      (s) => `firewall at the office blocks ${s.what}`,
      (s) => `${n(s)} times out when I'm on the guest network`,
    ],
  },
  {
    id: 'shared-account',
    title: (s) => `Shared ${n(s)} login for the team`,
    keywords: (s) => [`shared ${n(s)} account`, `${n(s)} team account`],
    questions: [
      (s) => `who knows the password for our team's shared ${n(s)} account`,
      (s) => `can we have one ${n(s)} login for the whole team`,
      (s) => `the shared ${n(s)} account is locked and the owner is on holiday`,
      (s) => `how do I hand over the team's ${n(s)} admin account`,
      (s) => `our shared ${n(s)} mailbox asks for mfa, whose phone is it on`,
    ],
  },
];

/** Seeded pseudo-random numbers (mulberry32): the same corpus on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const slug = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** One generated topic, in the shape of a knowledge file. */
function generatedTopic(system: System, problem: Problem, random: () => number): Record<string, unknown> {
  const id = `${slug(system.name)}-${problem.id}`;
  // Most of the problem's ways of asking, in an order of its own, as different people wrote them.
  const questions = problem.questions
    .map((ask) => ({ ask, key: random() }))
    .sort((a, b) => a.key - b.key)
    .slice(0, Math.max(4, problem.questions.length - 1))
    .map(({ ask }) => ask(system));
  return {
    id,
    title: problem.title(system),
    summary: `The IT service desk handles this for ${system.what}.`,
    audience: ['anyone'],
    steps: [
      `Open the IT self-service page for ${system.name} and follow the steps for this problem.`,
      'If that does not help, raise a ticket with the IT service desk and say what you tried.',
    ],
    escalation: [{ contact: 'administrator', reason: `The IT service desk looks after ${system.name}.` }],
    links: [{ title: `${system.name} help`, url: `https://intranet.example.com/it/${id}` }],
    vocabulary: { questions, keywords: problem.keywords(system) },
  };
}

/** The generated topics, in the order a corpus grows: every problem of one system, then the next system. */
export function* generatedTopics(): Generator<Record<string, unknown>> {
  const random = seeded(9);
  for (const system of [...NAMED_SYSTEMS, ...inventedSystems()]) {
    for (const problem of PROBLEMS) yield generatedTopic(system, problem, random);
  }
}

/** Most topics this generator can write (with the shipped ones). */
export const MAX_GENERATED_TOPICS = (NAMED_SYSTEMS.length + inventedSystems().length) * PROBLEMS.length;

/**
 * Writes the shipped corpus plus generated topics into `folder` (created), `size` topics in all.
 * Returns how many topics were generated.
 */
export function writeGrowthCorpus(shippedFolder: string, folder: string, size: number): number {
  mkdirSync(folder, { recursive: true });
  const shipped = readdirSync(shippedFolder).filter((name) => name.endsWith('.yml'));
  for (const name of shipped) copyFileSync(join(shippedFolder, name), join(folder, name));
  // Counted by the real loader: the folder may hold files that are not topics (the lexicon, sources).
  const wanted = size - loadKnowledge(shippedFolder).topics.length;
  if (wanted > MAX_GENERATED_TOPICS) throw new Error(`the generator writes at most ${MAX_GENERATED_TOPICS} topics`);
  let written = 0;
  for (const topic of generatedTopics()) {
    if (written >= wanted) break;
    writeFileSync(join(folder, `${topic.id as string}.yml`), dump(topic, { lineWidth: 120 }));
    written++;
  }
  return written;
}
