// The new-course form's rules, checked before sending: the same limits the regions subgraph enforces, in words the adviser can act on.
import { courseLimits } from '@etablerer/regions/input-limits';
import type { CourseKind, CreateCourseInput } from '../graphql/generated/graphql';
import { parseNokInput } from './nokInput';
import { nokToOre } from './overviewFigures';

/** The form as typed. */
export interface CourseDraft {
  kind: CourseKind;
  title: string;
  startsOn: string;
  endsOn: string;
  location: string;
  online: boolean;
  capacity: string;
  participantFee: string;
  instructorIds: string[];
  partnerInstructor: string;
}

export type CourseDraftProblem =
  | 'required'
  | 'tooLong'
  | 'endsBeforeStart'
  | 'capacity'
  | 'fee'
  | 'feeTooHigh'
  | 'placeOrOnline';

/** Problems by input field, named as the gateway names them (`title`, `participantFee`, …). */
export type CourseDraftErrors = Partial<Record<keyof CourseDraft, CourseDraftProblem>>;

/** The most a field takes, as the regions subgraph's limits say: characters for a text, places for the capacity. */
export function largestOf(field: keyof CourseDraft): number | undefined {
  switch (field) {
    case 'title':
    case 'location':
    case 'partnerInstructor':
    case 'capacity':
      return courseLimits[field];
    default:
      return undefined;
  }
}
const largestFeeOre = BigInt(courseLimits.participantFee);

export function emptyCourseDraft(): CourseDraft {
  return {
    kind: 'BASIC',
    title: '',
    startsOn: '',
    endsOn: '',
    location: '',
    online: false,
    capacity: '',
    participantFee: '',
    instructorIds: [],
    partnerInstructor: '',
  };
}

/** The draft checked; `input` is what to send when there are no errors. */
export function checkCourseDraft(
  draft: CourseDraft,
  regionId: string,
): { errors: CourseDraftErrors; input: CreateCourseInput | null } {
  const errors: CourseDraftErrors = {};
  const title = draft.title.trim();
  const location = draft.location.trim();
  const partnerInstructor = draft.partnerInstructor.trim();

  if (title === '') errors.title = 'required';
  else if (title.length > courseLimits.title) errors.title = 'tooLong';

  if (draft.startsOn === '') errors.startsOn = 'required';
  if (draft.endsOn === '') errors.endsOn = 'required';
  else if (draft.startsOn !== '' && draft.endsOn < draft.startsOn) errors.endsOn = 'endsBeforeStart';

  if (location.length > courseLimits.location) errors.location = 'tooLong';
  else if (location === '' && !draft.online) errors.location = 'placeOrOnline';

  const capacityText = draft.capacity.trim();
  const capacity = /^\d+$/.test(capacityText) ? Number(capacityText) : Number.NaN;
  if (capacityText === '') errors.capacity = 'required';
  else if (!Number.isInteger(capacity) || capacity < 1 || capacity > courseLimits.capacity)
    errors.capacity = 'capacity';

  // §5.2.1: the basic course is free; its fee field is switched off, and nothing is sent for it.
  let participantFee: string | null = null;
  if (draft.kind === 'THEME' && draft.participantFee.trim() !== '') {
    participantFee = parseNokInput(draft.participantFee);
    if (participantFee === null) errors.participantFee = 'fee';
    else if ((nokToOre(participantFee) ?? 0n) > largestFeeOre) errors.participantFee = 'feeTooHigh';
  }

  if (partnerInstructor.length > courseLimits.partnerInstructor) errors.partnerInstructor = 'tooLong';

  if (Object.keys(errors).length > 0) return { errors, input: null };
  return {
    errors,
    input: {
      regionId,
      kind: draft.kind,
      title,
      startsOn: draft.startsOn,
      endsOn: draft.endsOn,
      location: location === '' ? null : location,
      online: draft.online,
      capacity,
      participantFee,
      instructorIds: [...draft.instructorIds],
      partnerInstructor: partnerInstructor === '' ? null : partnerInstructor,
    },
  };
}
