// The partners subgraph's input limits in one place: its input schemas refuse beyond them, and the console imports
// this file (source only, no dependencies) so its forms stop where the server does instead of copying the numbers.

/** A person's name in the client data shared with a partner. */
export const sharedNameMaxLength = 200;
/** An e-mail address (RFC 5321's longest path). */
export const emailMaxLength = 254;
/** A referral's note to the receiving party. */
export const referralNoteMaxLength = 2000;
/** The name of the other actor a client is referred to. */
export const otherActorMaxLength = 200;
/** Why a referral is declined (or its status otherwise changed). */
export const statusReasonMaxLength = 2000;
/** A gathering's or a partner course's title. */
export const gatheringTitleMaxLength = 200;
/** Where a gathering or a partner course is held. */
export const gatheringLocationMaxLength = 200;
/** A gathering's or a partner course's description. */
export const gatheringDescriptionMaxLength = 5000;
/** What NAV asks in a business assessment request. */
export const assessmentQuestionMaxLength = 2000;
/** A delivered business assessment's text. */
export const assessmentTextMaxLength = 10_000;
/** A business assessment's fee, in øre (100 000.00 kroner). */
export const assessmentFeeMaxOre = 10_000_000;
/** The text the business assessments list is searched for. */
export const assessmentSearchMaxLength = 100;
/** A qualification measure's name, and its organiser's. */
export const measureNameMaxLength = 200;
/** The partner organisations of one qualification measure. */
export const measurePartnersMax = 20;
