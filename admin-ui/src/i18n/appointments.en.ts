// English texts of the appointments page (issue 22): the advisers' slots for counselling, published, booked and withdrawn.
import type appointmentsNb from './appointments.nb';
import type { publicAppointmentsNb } from './appointments.nb';

const appointmentsEn: typeof appointmentsNb = {
  nav: 'Appointments',
  title: 'Counselling appointments',
  intro:
    'The times you publish can be booked on the common website. Whoever books, and you, get a calendar invitation by e-mail; the booking also shows under "From the website". If you withdraw a booked time, both get a cancellation.',
  range: {
    label: 'Which times',
    from: 'From',
    to: 'To (inclusive)',
    includeCancelled: 'Show withdrawn times',
  },
  publish: {
    title: 'Publish times',
    date: 'Date',
    time: 'First time starts (Norwegian time)',
    duration: 'Length',
    minutes: '{minutes} minutes',
    count: 'Number of times in a row',
    form: 'Form',
    location: 'Place or how to join (optional)',
    submit: 'Publish',
    submitting: 'Publishing …',
    done: '{count} time published. | {count} times published.',
    conflict: 'The times overlap a time you published before (or each other). None was published.',
    failed: 'The times were not published: {message}',
  },
  form: { MEETING: 'Meeting', PHONE: 'Phone', VIDEO: 'Video' },
  table: {
    caption: 'Times, by start',
    when: 'When',
    duration: 'Length',
    form: 'Form',
    where: 'Place',
    adviser: 'Adviser',
    booking: 'Booking',
    actions: 'Actions',
  },
  when: '{date} at {time}',
  free: 'Free',
  withdrawn: 'Withdrawn',
  bookedBy: 'Booked by {name}',
  reference: 'Reference {reference}',
  topic: 'Topic: {topic}',
  withdraw: 'Withdraw',
  withdrawLabel: 'Withdraw the time {when}',
  withdrawing: 'Withdrawing …',
  withdrawn_done: 'The time {when} is withdrawn.',
  withdrawn_booked: 'The time {when} is withdrawn; {name} and you have been sent a cancellation.',
  withdrawConflict:
    'The time changed meanwhile (it may have been booked). The list was loaded again; try again if you still want to withdraw it.',
  withdrawFailed: 'The time was not withdrawn: {message}',
  loading: 'Loading the times …',
  empty: 'No times in the period.',
  error: {
    title: 'Could not load the times',
    body: 'The service did not answer as expected. Try again shortly.',
    forbidden: 'You have no access to the times of this region.',
    retry: 'Try again',
  },
};

export default appointmentsEn;

/** The public website's booking page: a person picks a free time in a region and books it. */
export const publicAppointmentsEn: typeof publicAppointmentsNb = {
  title: 'Book a counselling appointment',
  lead: 'Choose the region you live in and a free time with an adviser. You get a calendar invitation by e-mail, with a link to cancel.',
  orAsk: 'No time that suits you? Ask for counselling, and an adviser gets in touch.',
  bookInstead: 'Would you rather choose the time yourself? Book a free time.',
  region: 'The region you live in',
  chooseRegion: 'Choose a region',
  times: 'Free times in the next four weeks',
  loading: 'Loading the free times …',
  error: 'We could not load the free times just now.',
  none: 'No free times in the region in the next four weeks.',
  slot: '{time} ({minutes} min, {form}) – {adviser}',
  slotWhere: '{time} ({minutes} min, {form}, {where}) – {adviser}',
  form: { MEETING: 'meeting', PHONE: 'phone', VIDEO: 'video' },
  chooseTime: 'Choose a free time.',
  topic: 'What would you like help with?',
  submit: 'Book the time',
  taken: 'Someone else just took the time, or it was withdrawn. The list is updated: choose another.',
  receipt: {
    title: 'Your appointment is booked',
    body: 'You have an appointment {time} with the entrepreneur service in {region}. The invitation comes by e-mail, with the link to cancel.',
    reference: 'Reference: {reference}',
    again: 'Book another time',
  },
};
