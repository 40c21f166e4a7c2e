// English texts of the appointments page (issue 22): the advisers' slots for counselling, published, booked and withdrawn.
import type appointmentsNb from './appointments.nb';

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
    body: 'The gateway did not answer as expected. Try again shortly.',
    forbidden: 'You have no access to the times of this region.',
    retry: 'Try again',
  },
};

export default appointmentsEn;
