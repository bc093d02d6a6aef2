// "I log in with the account ID + my user name": how a person signs in says who they are (the kind of
// user, which user-kind.ts reads), not what is wrong. Left in, those words point the matcher at the account
// ID's topic when the problem is "…and forgot the password". This finds such a list of credentials so the
// matcher can score the rest; everything else about the question stays.

/** "log in with", "signing in using", "sign on with". */
const SIGN_IN_WITH = /\b(?:log(?:ged|ging|s)?|sign(?:ed|ing|s)?)[\s-]*(?:in|on)\s+(?:with|using)\b/gi;

/** Words a list of credentials is made of, one at a time ("the account ID and my user name + password"). */
const CREDENTIAL_WORD =
  /^(?:account\s*(?:id|number|alias)|alias(?:\s+(?!(?:and|or|my|the|but)\b)[\w-]+)?|user\s*name|username|e-?mail(?:\s+address)?|password|passwd|pw)\b/i;
const JOINING_WORD = /^(?:[+&/,]|and\b|or\b|my\b|the\b|our\b|an?\b|aws\b|iam\b|root\b|id\b)/i;

/**
 * What may follow a list of credentials for it to be only that: the end of a clause, a new one ("…, I'm
 * locked out", "… and forgot the password"), or what the sign-in answered ("… says my password is wrong").
 * Not "…my email which no longer exists": then the credential is the problem.
 */
const CLAUSE_AFTER =
  /^\s*(?:$|[.,;:!?()]|(?:says|said|shows|gives)\b|(?:and|but)\s+(?:i\b|i['’]?m\b|im\b|now\b|then\b|forgot\b|can['’]?t\b|cant\b|lost\b|still\b))/i;

/** Said of the sign-in itself failing: "unable to sign in using the password" is the problem, not a method. */
const INABILITY_BEFORE =
  /(?:can['’]?t|cannot|can\s+not|unable\s+to|could\s*n['’]?t|not\s+able\s+to|fail(?:s|ed|ing)?\s+to|won['’]?t\s+let\s+me)\s*$/i;

/** The question with each list of credentials it says the person signs in with blanked out; the same text when none. */
export function withoutSignInMethod(question: string): string {
  let result = question;
  for (const match of question.matchAll(SIGN_IN_WITH)) {
    const start = match.index ?? 0;
    if (INABILITY_BEFORE.test(question.slice(Math.max(0, start - 30), start))) continue;
    // Word by word while they are credentials or join them; the list ends at its last credential.
    let at = start + match[0].length;
    let end = 0;
    for (;;) {
      const rest = question.slice(at);
      const trimmed = rest.trimStart();
      const credential = CREDENTIAL_WORD.exec(trimmed);
      const word = credential ?? JOINING_WORD.exec(trimmed);
      if (!word) break;
      at += rest.length - trimmed.length + word[0].length;
      if (credential) end = at;
    }
    if (end === 0 || !CLAUSE_AFTER.test(question.slice(end))) continue;
    result = result.slice(0, start) + ' '.repeat(end - start) + result.slice(end);
  }
  return result;
}
