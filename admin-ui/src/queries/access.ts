// Access administration through the query layer: a page of the role assignments (ended ones too on request), the
// regions for the assign form, and assigning and ending roles (which mark the answers stale, so the page is asked
// again).
import { computed, type MaybeRefOrGetter, ref, toValue } from 'vue';
import { type FormActionError, toFormActionError } from '../composables/fieldErrors';
import { toRequestError } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type { AccessRegionsQuery, AssignRoleInput, RoleAssignmentsQuery } from '../graphql/generated/graphql';
import { useGraphQLMutation, useGraphQLQuery } from '../graphql/queries';

export const RoleAssignmentsDocument = graphql(`
  query RoleAssignments($includeEnded: Boolean!, $first: Int!, $offset: Int!) {
    roleAssignments(includeEnded: $includeEnded, first: $first, offset: $offset) {
      totalCount
      items {
        id
        email
        personName
        role
        organisation {
          id
          kind
          name
        }
        regionId
        municipalityNumber
        assignedAt
        assignedBy
        endedAt
        endedBy
        endReason
        lastSignInAt
      }
    }
  }
`);

// The regions (with their municipalities) an adviser or a municipality officer is given a role in.
export const AccessRegionsDocument = graphql(`
  query AccessRegions {
    regions {
      id
      name
      municipalities {
        number
        name
      }
    }
  }
`);

export const AssignRoleDocument = graphql(`
  mutation AssignRole($input: AssignRoleInput!) {
    assignRole(input: $input) {
      id
      email
      role
    }
  }
`);

export const EndRoleAssignmentDocument = graphql(`
  mutation EndRoleAssignment($input: EndRoleAssignmentInput!) {
    endRoleAssignment(input: $input) {
      id
      endedAt
    }
  }
`);

export type RoleAssignmentItem = RoleAssignmentsQuery['roleAssignments']['items'][number];
export type AccessRegion = AccessRegionsQuery['regions'][number];

/** What went wrong giving or ending a role. */
export interface AccessActionError extends FormActionError {
  action: 'assign' | 'end';
  /** The assignment an end was for; null for an assign. */
  assignmentId: string | null;
}

/** Assignments per page. */
export const accessPageSize = 25;

/** The page of assignments from `offset`; the page on screen stays while another loads (`shown` says which). */
export function useRoleAssignments(includeEnded: MaybeRefOrGetter<boolean>, offset: MaybeRefOrGetter<number>) {
  const query = useGraphQLQuery(
    RoleAssignmentsDocument,
    () => ({ includeEnded: toValue(includeEnded), offset: toValue(offset), first: accessPageSize }),
    { keepPrevious: true },
  );
  return {
    assignments: computed<RoleAssignmentItem[]>(() => query.data.value?.roleAssignments.items ?? []),
    totalCount: computed(() => query.data.value?.roleAssignments.totalCount ?? 0),
    /** Whether ended assignments and which offset the page on screen is for. */
    shown: computed(() => ({
      includeEnded: query.shownVariables.value?.includeEnded ?? toValue(includeEnded),
      offset: query.shownVariables.value?.offset ?? toValue(offset),
    })),
    loading: query.loading,
    error: query.error,
  };
}

/** The regions for the assign form; a failure leaves the list empty (the form then cannot offer regions). */
export function useAccessRegions() {
  const query = useGraphQLQuery(AccessRegionsDocument, {});
  return computed<AccessRegion[]>(() => query.data.value?.regions ?? []);
}

/** Assigning and ending roles: each resolves to whether it worked, the reason in `actionError`. */
export function useAccessActions() {
  const assignMutation = useGraphQLMutation(AssignRoleDocument);
  const endMutation = useGraphQLMutation(EndRoleAssignmentDocument);
  const actionError = ref<AccessActionError | null>(null);

  async function act(
    action: AccessActionError['action'],
    assignmentId: string | null,
    send: () => Promise<unknown>,
  ): Promise<boolean> {
    actionError.value = null;
    try {
      await send();
      return true;
    } catch (caught) {
      actionError.value = { action, assignmentId, ...toFormActionError(toRequestError(caught)) };
      return false;
    }
  }

  return {
    saving: computed(() => assignMutation.running.value || endMutation.running.value),
    actionError,
    /** Gives a person a role (ending any role they held). */
    assign: (input: AssignRoleInput) => act('assign', null, () => assignMutation.run({ input })),
    /** Ends an assignment with the reason, which the history keeps. */
    end: (id: string, reason: string) => act('end', id, () => endMutation.run({ input: { id, reason } })),
    clearActionError: () => {
      actionError.value = null;
    },
  };
}
