// English texts of the evaluations page; `satisfies` makes the type check fail when a key differs from bokmål.
import type evaluationsNb from './evaluations.nb';

const evaluationsEn = {
  nav: 'Evaluations',
  title: 'Evaluations',
  intro:
    'Evaluations of the entrepreneur service: the period evaluated, who wrote the evaluation, its main findings and where to find the document. Newest first.',
  loading: 'Loading the evaluations …',
  error: {
    title: 'Could not load the evaluations',
    body: 'The service did not answer as expected. Try again shortly.',
    forbidden: 'You do not have access to the evaluations.',
    retry: 'Try again',
  },
  empty: 'No evaluations have been recorded yet.',
  listLabel: 'Evaluations, newest first',
  period: '{from}–{to}',
  field: {
    title: 'Title',
    periodFrom: 'Period from',
    periodTo: 'Period to',
    period: 'Period',
    author: 'Author',
    publishedOn: 'Published',
    findings: 'Main findings',
    documentReference: 'Document',
  },
  noDocumentReference: 'Not given.',
  actions: {
    record: 'Record an evaluation',
  },
  form: {
    title: 'Record an evaluation',
    periodHint: 'The first and last day of the period evaluated.',
    authorHint: 'Who wrote the evaluation, for example an external evaluator or a department.',
    documentReferenceHint: 'A link or an archive number. May be left empty.',
    send: 'Save the evaluation',
    sending: 'Saving …',
    cancel: 'Cancel',
  },
  validation: {
    required: 'Required.',
    date: 'Enter a valid date.',
    years: 'The date must lie in the years {first}–{last}.',
    periodOrder: 'The period cannot end before it starts.',
    tooLong: 'Too long: at most {max} characters.',
    summary: 'Correct the marked fields and save again.',
  },
  actionError: {
    forbidden: 'Only the county authorities of Akershus, Buskerud and Østfold can record evaluations.',
    fields: 'The service did not accept all fields; see the messages at the fields.',
    body: 'Could not save the evaluation. {message}',
  },
  done: 'The evaluation “{title}” has been recorded.',
} satisfies typeof evaluationsNb;

export default evaluationsEn;
