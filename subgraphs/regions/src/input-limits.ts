// The longest texts and the largest numbers the regions subgraph takes in its inputs: the one place they are set.
// Its zod schemas read them from here, and so does the console (maxlength, its own checks before sending), which
// imports this file as source (`@etablerer/regions/input-limits`): so it has no imports, and nothing but constants.

/** A client's record, as registered and as edited. */
export const clientLimits = {
  name: 200,
  email: 254,
  businessIdea: 2000,
} as const;

/** A business a client started. */
export const businessLimits = {
  name: 200,
} as const;

/** A counselling session. */
export const sessionLimits = {
  topic: 500,
  /** Length and preparation time, in minutes. */
  durationMinutes: 600,
  preparationMinutes: 600,
} as const;

/** The client page's records beside the sessions. */
export const recordLimits = {
  followUpNote: 5000,
  linkName: 200,
  surveyComment: 2000,
} as const;

/** A client's impact records. */
export const impactLimits = {
  note: 2000,
  fte: 10_000,
  /** In øre: NOK 100 000 000 000.00. */
  amount: 100_000_000_000_00,
} as const;

/** A course in the calendar. */
export const courseLimits = {
  title: 200,
  location: 200,
  partnerInstructor: 200,
  capacity: 500,
  /** In øre: NOK 100 000.00. */
  participantFee: 10_000_000,
  instructors: 10,
} as const;

/** A business-community network event. */
export const networkEventLimits = {
  title: 200,
  participantCount: 10_000,
} as const;

/** A service the region offers. */
export const serviceLimits = {
  description: 500,
} as const;

/** Bookable appointment slots. */
export const appointmentLimits = {
  location: 300,
  durationMinutes: 240,
  slotsPerPublication: 100,
  /** What the person booking says they want help with. */
  topic: 1000,
} as const;

/** What the public website's forms send. */
export const websiteLimits = {
  personName: 100,
  email: 254,
  text: 1000,
  /** A public link's token. */
  token: 200,
} as const;
