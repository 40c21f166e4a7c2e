// The console's one query layer: page data goes through Pinia Colada, keyed by operation and variables. Every
// component that asks the same question shares one request and one cached answer; a request nobody waits for any
// more is cancelled; an answer for other variables never shows under the current ones (each has its own entry); a
// query that got no answer at all is tried again; a successful mutation marks every answer stale, so what a page
// shows next is fresh. Pages read `data`, `loading` and `error` from here instead of hand-writing them in a store;
// Pinia stores keep the session-wide state (sign-in, the service banner, the notification count).
import {
  PiniaColada,
  type PiniaColadaOptions,
  type QueryCache,
  type UseQueryReturn,
  useMutation,
  useQuery,
  useQueryCache,
} from '@pinia/colada';
import { PiniaColadaRetry } from '@pinia/colada-plugin-retry';
import type { Pinia } from 'pinia';
import {
  type App,
  type ComputedRef,
  computed,
  getCurrentScope,
  type MaybeRefOrGetter,
  onScopeDispose,
  type Ref,
  shallowRef,
  toValue,
  watch,
} from 'vue';
import { useAuthStore } from '../stores/auth';
import { useServiceStatusStore } from '../stores/serviceStatus';
import type { LoadError } from './client';
import {
  type GraphQLErrorDetail,
  type GraphQLRequestError,
  isCancelled,
  loadErrorOf,
  requestOperation,
  toRequestError,
  unavailableServicesIn,
  unavailableServicesOf,
} from './client';
import type { TypedDocumentString } from './generated/graphql';

/** The first segment of every key of the query layer; a mutation marks everything under it stale. */
const keyRoot = 'graphql';

/** How often a query that got no answer at all is tried again, and after how long (doubling each time). */
export const queryRetries = 2;
const firstRetryDelayMs = 1_000;

/** The operation's name, e.g. `CoordinationOverview`: the key's second segment, and what the developer tools show. */
export function operationNameOf(document: { toString(): string }): string {
  const name = /\b(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/.exec(document.toString())?.[1];
  if (!name) throw new Error('The query layer runs named operations only.');
  return name;
}

/** The cache key of an operation with its variables. */
export function queryKeyOf(document: { toString(): string }, variables: unknown) {
  return [keyRoot, operationNameOf(document), (variables ?? {}) as Record<string, never>];
}

/**
 * Whether a failed query is tried again: only when it got no answer at all (a dropped connection, a gateway
 * restarting). A refusal, bad input or a service reported down is an answer; trying again would only delay it.
 */
export function isWorthRetrying(failures: number, error: unknown): boolean {
  if (failures >= queryRetries || isCancelled(error)) return false;
  const requestError = toRequestError(error);
  return requestError.status === undefined && requestError.errors.length === 0;
}

/**
 * Installs the query layer on the console (and on a test's app, with `retryDelayMs` short). When the signed-in caller
 * changes, every answer is forgotten: nothing one person was shown may appear to the next who signs in on this page.
 */
export function installQueryLayer(
  app: App,
  { pinia, retryDelayMs = firstRetryDelayMs }: { pinia: Pinia; retryDelayMs?: number },
): void {
  const options: PiniaColadaOptions = {
    pinia,
    plugins: [PiniaColadaRetry({ retry: isWorthRetrying, delay: (attempt) => retryDelayMs * 2 ** attempt })],
    queryOptions: {
      // Shared answers stay fresh briefly: components asking together share one request, and going back to a page
      // shows its answer at once while a fresh one is fetched.
      staleTime: 5_000,
    },
  };
  app.use(PiniaColada, options);
  const auth = useAuthStore(pinia);
  watch(
    () => auth.caller?.username,
    (now, before) => {
      if (now !== before) forgetAnswers(useQueryCache(pinia));
    },
  );
}

/**
 * Forgets every answer: when the signed-in caller changes, nothing one person was shown may appear to the next.
 * Answers a page shows right now are fetched again for the new caller; the rest are dropped.
 */
export function forgetAnswers(cache: QueryCache): void {
  for (const entry of cache.getEntries({ key: [keyRoot] })) {
    if (entry.active) cache.setEntryState(entry, { status: 'pending', data: undefined, error: null });
    else cache.remove(entry);
  }
  // A failed refetch shows as the page's error; it is not also an unhandled rejection.
  cache.invalidateQueries({ key: [keyRoot] }, 'all').catch(() => undefined);
}

export interface GraphQLQueryOptions {
  /** False to wait (e.g. until a region is chosen); the query runs as soon as it becomes true. */
  enabled?: MaybeRefOrGetter<boolean>;
  /** The public website's queries: sent without the signed-in user's token. */
  anonymous?: boolean;
  /** Errors on single items that the page shows on the item rather than failing the page. */
  tolerated?: (error: GraphQLErrorDetail) => boolean;
  /**
   * Keeps showing the answer for the previous variables while the new ones load (a year switched, a page turned),
   * instead of an empty page; `shownVariables` says which variables the answer on screen is for.
   */
  keepPrevious?: boolean;
}

export interface GraphQLQuery<TResult, TVariables> {
  /** The answer for the current variables (or, with `keepPrevious`, the previous ones' while they load). */
  data: ComputedRef<TResult | undefined>;
  /** The variables `data` answers; undefined while there is no answer. */
  shownVariables: Readonly<Ref<TVariables | undefined>>;
  /** True while a request for the current variables runs, also when an earlier answer is shown meanwhile. */
  loading: ComputedRef<boolean>;
  /** Why the newest request for the current variables failed (a cancelled one is no failure); null otherwise. */
  error: ComputedRef<LoadError | null>;
  /** Asks again, now (the retry button of an error state). */
  refetch: () => Promise<unknown>;
  /** The underlying Pinia Colada query, for what the above does not cover. */
  query: UseQueryReturn<TResult, GraphQLRequestError, TResult | undefined>;
}

let sources = 0;

/**
 * Runs `document` with `variables` through the query layer, in a component's setup (or an effect scope). Reactive
 * variables (a ref or a getter) ask again when they change. The service banner hears which services the newest
 * answer came without.
 */
export function useGraphQLQuery<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: MaybeRefOrGetter<TVariables>,
  { enabled = true, anonymous = false, tolerated, keepPrevious = false }: GraphQLQueryOptions = {},
): GraphQLQuery<TResult, TVariables> {
  return useLayerQuery<TResult, TVariables>(
    {
      key: () => queryKeyOf(document, toValue(variables)),
      variables,
      ask: (signal) =>
        requestOperation(document, toValue(variables), { signal, anonymous, ...(tolerated ? { tolerated } : {}) }),
      servicesMissingFrom: unavailableServicesOf,
    },
    { enabled, keepPrevious },
  );
}

/**
 * Runs one `document` once for each of `variablesList` (e.g. a region's key figures for each offered year) as one
 * entry of the query layer: the answers come together, in the list's order, or the whole fails. For a list of
 * variables the graph has no single field for; a fixed set is better asked as aliases in one document.
 */
export function useGraphQLQueryEach<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variablesList: MaybeRefOrGetter<readonly TVariables[]>,
  { enabled = true, anonymous = false, tolerated, keepPrevious = false }: GraphQLQueryOptions = {},
): GraphQLQuery<TResult[], readonly TVariables[]> {
  return useLayerQuery<TResult[], readonly TVariables[]>(
    {
      key: () => [
        keyRoot,
        operationNameOf(document),
        { each: toValue(variablesList) } as unknown as Record<string, never>,
      ],
      variables: variablesList,
      ask: (signal) =>
        Promise.all(
          toValue(variablesList).map((variables) =>
            requestOperation(document, variables, { signal, anonymous, ...(tolerated ? { tolerated } : {}) }),
          ),
        ),
      servicesMissingFrom: (answers) => [...new Set(answers.flatMap((answer) => unavailableServicesOf(answer)))],
    },
    { enabled, keepPrevious },
  );
}

/** What both kinds of query share: the entry, the error as a page shows it, the kept answer and the banner. */
function useLayerQuery<TResult, TVariables>(
  {
    key,
    variables,
    ask,
    servicesMissingFrom,
  }: {
    key: () => ReturnType<typeof queryKeyOf>;
    variables: MaybeRefOrGetter<TVariables>;
    ask: (signal: AbortSignal) => Promise<TResult>;
    servicesMissingFrom: (answer: TResult) => readonly string[];
  },
  { enabled, keepPrevious }: Required<Pick<GraphQLQueryOptions, 'enabled' | 'keepPrevious'>>,
): GraphQLQuery<TResult, TVariables> {
  const query = useQuery<TResult, GraphQLRequestError, TResult | undefined>({
    key,
    query: ({ signal }) => ask(signal),
    enabled,
    ...(keepPrevious ? { placeholderData: (previous: TResult | undefined) => previous } : {}),
  });

  /** The newest request's failure, unless it was only cancelled. */
  const failure = computed(() => {
    const caught = query.error.value;
    return caught === null || isCancelled(caught) ? null : toRequestError(caught);
  });
  const error = computed<LoadError | null>(() => (failure.value === null ? null : loadErrorOf(failure.value)));
  // Another choice's answer kept on screen while loading must not stay under the new choice once it failed.
  const data = computed(() => (failure.value !== null && query.isPlaceholderData.value ? undefined : query.data.value));

  const shownVariables = shallowRef<TVariables | undefined>();
  watch(
    [data, query.isPlaceholderData],
    ([answer, placeholder]) => {
      if (answer === undefined || !placeholder)
        shownVariables.value = answer === undefined ? undefined : toValue(variables);
    },
    { immediate: true },
  );

  const serviceStatus = useServiceStatusStore();
  const source = `query-${++sources}`;
  watch(
    [query.data, failure, query.isPlaceholderData],
    ([answer, failed, placeholder]) => {
      if (failed !== null) serviceStatus.report(source, unavailableServicesIn(failed.errors));
      else if (answer !== undefined && !placeholder) serviceStatus.report(source, servicesMissingFrom(answer));
    },
    { immediate: true },
  );
  if (getCurrentScope()) onScopeDispose(() => serviceStatus.report(source, []));

  return {
    data,
    shownVariables,
    loading: computed(() => query.asyncStatus.value === 'loading'),
    error,
    refetch: () => query.refetch(),
    query,
  };
}

/**
 * A mutation through the query layer: `run(variables)` sends it (throwing the request's error, for the form to
 * show), and once it succeeded every answer is stale, so each page on screen asks again for what it shows.
 * `anonymous` sends it without the signed-in person's token, as the public website's forms must.
 */
export function useGraphQLMutation<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  { anonymous = false }: { anonymous?: boolean } = {},
) {
  const cache = useQueryCache();
  const mutation = useMutation<TResult, TVariables, GraphQLRequestError>({
    mutation: (variables: TVariables) => requestOperation(document, variables, { anonymous }),
    onSuccess: () => {
      void invalidateAnswers(cache);
    },
  });
  return {
    run: (variables: TVariables) => mutation.mutateAsync(variables),
    running: computed(() => mutation.asyncStatus.value === 'loading'),
    mutation,
  };
}

/**
 * Marks every answer stale and asks again for those on screen. For code that changes data outside
 * `useGraphQLMutation` (the stores that still send their own mutations).
 */
export function invalidateAnswers(cache: QueryCache = useQueryCache()): Promise<unknown> {
  // Resolves once the pages on screen have their new answers; one that failed shows its error there instead.
  return cache.invalidateQueries({ key: [keyRoot] }).catch(() => undefined);
}
