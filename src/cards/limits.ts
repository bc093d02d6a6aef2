// Block Kit's limits (https://docs.slack.dev/reference/block-kit/blocks), kept in one place.
export const LIMITS = {
  blocks: 50,
  sectionText: 3000,
  headerText: 150,
  buttonText: 75,
  optionText: 75,
  contextElements: 10,
  actionElements: 25,
  selectOptions: 100,
  selectOptionGroups: 100,
  buttonValue: 2000,
  /** Slack truncates messages whose text adds up to much more than this. */
  totalText: 11000,
  fallbackText: 3000,
} as const;
