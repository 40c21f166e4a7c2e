// The county's input limits, in one place: the county subgraph's schemas check them, and the console says them in its
// forms before anything is sent. The console imports this file alone (as `@etablerer/county/input-limits`), so it
// must stay free of imports and of anything but plain constants.

/** The most characters of an SSB table 01222 file the population import reads. */
export const largestPopulationFile = 40_000;

/** The most characters of a meeting's fields (a participant, a decision: each one). */
export const meetingLimits = {
  calledBy: 200,
  participant: 300,
  agenda: 10_000,
  minutes: 100_000,
  decision: 2_000,
} as const;

/** The most characters of an evaluation's fields. */
export const evaluationLimits = {
  title: 300,
  author: 200,
  findings: 50_000,
  documentReference: 500,
} as const;
