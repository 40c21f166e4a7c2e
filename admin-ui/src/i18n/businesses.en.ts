// English texts of the client page's businesses; `satisfies` makes the type check fail when a key differs from bokmål.
import type businessesNb from './businesses.nb';

const businessesEn = {
  title: 'Businesses',
  loading: 'Loading the businesses …',
  error: 'The businesses could not be loaded: {message}',
  empty: 'No businesses are registered.',
  columns: {
    name: 'Name',
    organisationNumber: 'Org. no.',
    legalForm: 'Legal form',
    industryCode: 'Industry code',
    registeredOn: 'Registered',
    registerStatus: 'In the register of legal entities',
  },
  status: {
    ACTIVE: 'Active',
    BANKRUPT: 'Bankrupt {date}',
    DELETED: 'Deleted {date}',
    NOT_FOUND: 'Not found (since {date})',
    NOT_CHECKED: 'Not checked yet',
  },
  checkedAt: 'Last checked {date}',
  registerNote:
    'Status, industry code and dates come from the register of legal entities (Enhetsregisteret) at each import; survival is computed from them.',
  legalForm: {
    ENK: 'Sole proprietorship (ENK)',
    AS: 'Private limited company (AS)',
    ANS: 'General partnership (ANS)',
    DA: 'Partnership with shared liability (DA)',
    SA: 'Cooperative (SA)',
    OTHER: 'Other',
  },
  register: {
    open: 'Register a business',
    title: 'Register a business the client started',
    name: "The business's name",
    organisationNumber: 'Organisation number (9 digits)',
    registeredOn: 'Date of registration',
    legalForm: 'Legal form',
    submit: 'Register',
    cancel: 'Cancel',
    saving: 'Registering …',
    done: 'The business is registered.',
  },
  validation: {
    required: 'Required.',
    organisationNumber: 'Nine digits with a valid check digit (modulus 11).',
    future: 'Cannot be in the future.',
  },
  actionError: {
    forbidden: "Only the client's advisers can register businesses.",
    conflict: 'The business was not registered: {message}',
    fields: 'The business was not registered. See the marked fields.',
    body: 'The business was not registered: {message}',
  },
} satisfies typeof businessesNb;

export default businessesEn;
